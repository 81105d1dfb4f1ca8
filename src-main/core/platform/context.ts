import type { MethodName, OutputOf, ParsedInputOf, Role } from '../../../src-shared/contract';
import type { Language } from '../../../src-shared/i18n';
import { defaultSyncConfig, type SyncConfig } from '../sync/config';

/** Who is calling, as established by the dispatcher from a session token or a terminal key. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      staffId: string;
      name: string;
      role: Role;
      storeId: string | null;
      sessionId: string;
      terminalId: string | null;
    }
  | { kind: 'terminal'; terminalId: string; storeId: string; apiKeyId: string };

/** How a call reached the core: the Electron window (IPC), HTTP, or the app itself. */
export type Source = 'app' | 'http' | 'terminal' | 'system';

export interface HandlerContext {
  actor: Actor;
  source: Source;
  lang: Language;
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: HandlerContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

export type HandlerMap = { [M in MethodName]: Handler<M> };

export interface CoreConfig {
  /** A session unused this long is over (12 h). */
  sessionIdleMs: number;
  /** Wrong PINs in a row before the staff member is locked. */
  pinMaxAttempts: number;
  pinLockMs: number;
  /** How long after a redemption a manager may still void it (30 min). */
  voidWindowMs: number;
  /** Check every answer against the contract too (on in tests and development). */
  validateOutputs: boolean;
  /** Cloud sync timings and batch sizes (tests shorten them). */
  sync: SyncConfig;
  /** From what size imports and the full alert pass leave the main thread (tests lower them). */
  inventoryWorker: { minImportChars: number; minAlertLevels: number };
  /** How long after start the top-consumer slices are read ahead; null: not at all (tests). */
  analytics: { warmUpDelayMs: number | null };
}

export const defaultCoreConfig: CoreConfig = {
  sessionIdleMs: 12 * 60 * 60 * 1000,
  pinMaxAttempts: 5,
  pinLockMs: 5 * 60 * 1000,
  voidWindowMs: 30 * 60 * 1000,
  validateOutputs: false,
  sync: defaultSyncConfig,
  // About 2,000 product rows of CSV; a shop with 20k stock levels has a pass worth moving.
  inventoryWorker: { minImportChars: 200_000, minAlertLevels: 20_000 },
  // Past the first screens: the reading ahead then competes with nobody.
  analytics: { warmUpDelayMs: 10_000 },
};

/** Narrows a context to a logged-in staff member (the contract's access list already ensured it). */
export function asStaff(ctx: HandlerContext): HandlerContext & { actor: StaffActor } {
  if (ctx.actor.kind !== 'staff') throw new Error('expected a staff session');
  return ctx as HandlerContext & { actor: StaffActor };
}
