import { z } from 'zod';
import { claimSchema } from '../sync/sync';
import { epochMsSchema } from '../validation';
import { MANAGERS, ALL_STAFF, event, method } from './define';

export const SYNC_STATES = ['unpaired', 'idle', 'syncing', 'offline', 'revoked'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const syncSettingsSchema = z.object({
  /** Seconds between automatic syncs. */
  intervalSeconds: z.number().int().min(10).max(3600),
  /** Codes this till never saw issued: at most this many redeemed offline per business day… */
  offlineMaxCountPerDay: z.number().int().min(0).max(1000),
  /** …and at most this much discount in total (fen) per business day. */
  offlineMaxFenPerDay: z.number().int().min(0).max(100_000_000),
  /**
   * A paired till asks the cloud first when it redeems, and waits this long for the answer
   * before the offline path decides (0: never ask).
   */
  onlineClaimTimeoutMs: z.number().int().min(0).max(5000).default(800),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  cloudUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  merchant: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  pairedAt: epochMsSchema.nullable(),
  lastSyncAt: epochMsSchema.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: epochMsSchema.nullable(),
  nextAttemptAt: epochMsSchema.nullable(),
  /**
   * The cloud asked (Retry-After) not to be called before this time: "sync now" sends nothing
   * until then, and the scheduled round comes at that time.
   */
  retryNotBefore: epochMsSchema.nullable(),
  /** Failed rounds in a row: the backoff before the next scheduled round grows with it. */
  failedRounds: z.number().int(),
  pendingCount: z.number().int(),
  deadLetterCount: z.number().int(),
  conflictCount: z.number().int(),
  pushedCount: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const deadLetterSchema = z.object({
  eventId: z.string(),
  eventKind: z.string(),
  entityId: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: epochMsSchema,
});

export const syncConflictSchema = z.object({
  eventId: z.string(),
  code: z.string(),
  /** The claim the cloud accepted first. */
  winner: claimSchema,
  /** This till's claim, which lost. */
  loser: claimSchema,
  createdAt: epochMsSchema,
  resolvedAt: epochMsSchema.nullable(),
  resolution: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

const eventIdInput = z.object({ eventId: z.string().min(1).max(64) });

export const syncMethods = {
  'sync.pair': method({
    summary: "Pair this PC with the merchant's cloud account using a pairing code",
    input: z.object({
      cloudUrl: z.url({ protocol: /^https?$/, message: 'validation.url' }),
      pairingCode: z.string().trim().min(8).max(12),
      deviceName: z.string().trim().min(1, { message: 'validation.required' }).max(64),
    }),
    output: syncStatusSchema,
    access: MANAGERS,
  }),
  'sync.unpair': method({
    summary: 'End the pairing (tells the cloud when it can be reached); the outbox is kept',
    input: z.object({}),
    output: syncStatusSchema,
    access: MANAGERS,
  }),
  'sync.rotateToken': method({
    summary:
      "Replace this PC's device token: the cloud issues a new one and the old one stops working",
    input: z.object({}),
    output: syncStatusSchema,
    access: MANAGERS,
  }),
  'sync.status': method({
    summary: 'Sync state, last sync, pending, dead letters and conflicts',
    input: z.object({}),
    output: syncStatusSchema,
    access: ALL_STAFF,
  }),
  'sync.now': method({
    summary: 'Sync now (push then pull) and answer the status afterwards',
    input: z.object({}),
    output: syncStatusSchema,
    access: ALL_STAFF,
  }),
  'sync.getSettings': method({
    summary: 'Sync interval and offline redemption limits',
    input: z.object({}),
    output: syncSettingsSchema,
    access: MANAGERS,
  }),
  'sync.setSettings': method({
    summary: 'Change the sync interval and offline redemption limits',
    input: syncSettingsSchema,
    output: syncSettingsSchema,
    access: MANAGERS,
  }),
  'sync.conflicts': method({
    summary: 'Redemptions another store claimed first (open ones first)',
    input: z.object({ includeResolved: z.boolean().default(false) }),
    output: z.array(syncConflictSchema),
    access: MANAGERS,
  }),
  'sync.resolveConflict': method({
    summary:
      'A manager settles a lost claim: a coupon redemption here is voided (the winner keeps the code); a cashback payout here is recorded as reversed, to recover (the cloud payout stands)',
    input: eventIdInput.extend({ note: z.string().trim().max(200).default('') }),
    output: syncConflictSchema,
    access: MANAGERS,
  }),
  'sync.deadLetters': method({
    summary: 'Events the cloud refused for good, with the reason',
    input: z.object({}),
    output: z.array(deadLetterSchema),
    access: MANAGERS,
  }),
  'sync.retryDeadLetter': method({
    summary: 'Queue a dead-lettered event again',
    input: eventIdInput,
    output: z.object({ eventId: z.string() }),
    access: MANAGERS,
  }),
  'sync.discardDeadLetter': method({
    summary: 'Give up on a dead-lettered event (kept in the audit log)',
    input: eventIdInput,
    output: z.object({ eventId: z.string() }),
    access: MANAGERS,
  }),
} as const;

export const syncEvents = {
  'sync.statusChanged': event({ payload: syncStatusSchema, access: ALL_STAFF }),
} as const;
