import type { z } from 'zod';

/** Staff roles, highest first. */
export const ROLES = ['owner', 'manager', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a method:
 * - a staff role, with a session token from `auth.login`;
 * - `terminal`: a POS terminal with an API key (accepted only when the API is bound to the LAN);
 * - `public`: anyone, no credentials (login screen, health);
 * - `setup`: anyone, but only while the shop is not yet initialized.
 */
export type Caller = Role | 'terminal' | 'public' | 'setup';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: readonly Caller[];
  /** One line for the API reference in the README and for the audit page. */
  summary: string;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** Which sessions receive the event. */
  access: readonly Caller[];
}

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>) => def;
export const event = <P extends z.ZodType>(def: EventDef<P>) => def;

export const ALL_STAFF = ['owner', 'manager', 'cashier'] as const satisfies readonly Role[];
export const MANAGERS = ['owner', 'manager'] as const satisfies readonly Role[];
export const OWNER = ['owner'] as const satisfies readonly Role[];
