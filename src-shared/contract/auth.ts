import { z } from 'zod';
import { ALL_STAFF, event, method } from './define';
import { staffSchema, roleSchema } from './staff';
import { terminalSchema } from './stores';
import { epochMsSchema, idSchema, pinSchema } from '../validation';

export const sessionInfoSchema = z.object({
  staff: staffSchema,
  terminal: terminalSchema.nullable(),
  storeId: idSchema.nullable(),
  storeName: z.string().nullable(),
  /** The lock screen is up (server-side): only unlock and logout answer until the PIN is given. */
  locked: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const authMethods = {
  'auth.loginOptions': method({
    summary: 'Who can log in here: active staff (names and roles only) for the staff picker',
    input: z.object({}),
    output: z.object({
      merchantName: z.string().nullable(),
      staff: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          role: roleSchema,
          storeId: idSchema.nullable(),
          /** Works at this PC's store (or at every store: an owner); listed first. */
          atThisStore: z.boolean(),
          locked: z.boolean(),
          /** When the lock ends, for "locked for N more minutes" on the card. */
          lockedUntil: epochMsSchema.nullable(),
        }),
      ),
    }),
    access: ['public'],
  }),
  'auth.login': method({
    summary: 'Log in with a staff member and PIN; answers a session token',
    input: z.object({ staffId: idSchema, pin: pinSchema, terminalId: idSchema.optional() }),
    output: z.object({
      token: z.string(),
      staff: staffSchema,
      idleTimeoutMs: z.number().int().positive(),
    }),
    access: ['public'],
  }),
  'auth.logout': method({
    summary: 'End this session',
    input: z.object({}),
    output: z.object({ loggedOut: z.literal(true) }),
    access: ALL_STAFF,
  }),
  'auth.session': method({
    summary: 'The staff member and terminal of this session',
    input: z.object({}),
    output: sessionInfoSchema,
    access: ALL_STAFF,
  }),
  'auth.lock': method({
    summary:
      'Put up the lock screen: until auth.unlock, this session answers SESSION_LOCKED to all but unlock, logout and session',
    input: z.object({}),
    output: z.object({ locked: z.literal(true) }),
    access: ALL_STAFF,
  }),
  'auth.unlock': method({
    summary: 'Unlock the lock screen with the PIN of the staff member already logged in',
    input: z.object({ pin: pinSchema }),
    output: z.object({ unlocked: z.literal(true) }),
    access: ALL_STAFF,
  }),
} as const;

export const authEvents = {
  /** A session ended elsewhere (deactivated, PIN reset, logged out): that UI must log out. */
  'session.revoked': event({
    payload: z.object({ staffId: idSchema, at: epochMsSchema }),
    access: ALL_STAFF,
  }),
} as const;
