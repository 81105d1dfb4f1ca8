import type { MethodName, OutputOf, ParsedInputOf, Role } from '../../../src-shared/contract';
import type { Language } from '../../../src-shared/i18n';

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
      /** The session's lock screen is up (only unlock and logout answer). */
      locked?: boolean;
    }
  | { kind: 'terminal'; terminalId: string; storeId: string; apiKeyId: string };

/** How a call reached the core: the Electron window (IPC), HTTP, or the app itself. */
export type Source = 'app' | 'http' | 'terminal' | 'system';

export interface HandlerContext {
  actor: Actor;
  source: Source;
  lang: Language;
  /** The caller's IP address over HTTP: a source of PIN guesses that needs no login. */
  remoteAddress?: string;
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: HandlerContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

export type HandlerMap = { [M in MethodName]: Handler<M> };

/** Narrows a context to a logged-in staff member (the contract's access list already ensured it). */
export function asStaff(ctx: HandlerContext): HandlerContext & { actor: StaffActor } {
  if (ctx.actor.kind !== 'staff') throw new Error('expected a staff session');
  return ctx as HandlerContext & { actor: StaffActor };
}
