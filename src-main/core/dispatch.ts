import type { z } from 'zod';
import {
  callerMayUse,
  events as eventDefs,
  isMethodName,
  methods,
  type MethodDef,
  type PayloadOf,
} from '../../src-shared/contract';
import type { FieldIssue, Result } from '../../src-shared/errors';
import {
  DEFAULT_LANGUAGE,
  translateError,
  translateIssueMessage,
  type Language,
} from '../../src-shared/i18n';
import { zodLocale } from '../../src-node/zod-locale';
import { AppError, isAppError } from '../../src-node/app-error';
import type { CoreConfig } from './config';
import type { Actor, HandlerContext, HandlerMap } from './platform/context';
import type { Logger } from '../../src-node/logger';
import { unsafeTextPath } from '../../src-shared/text-safety';
import type { EventBus, EventListener } from './platform/event-bus';
import { TERMINAL_KEY_PREFIX } from './apiKeys/service';

export interface CallOptions {
  /** The bearer credential: a staff session token, or a terminal API key (`sdk_…`). */
  credential?: string | null;
  source: 'app' | 'http';
  lang?: Language;
  /** Terminal keys are honoured only when the local API is bound to the shop LAN. */
  allowTerminalKeys?: boolean;
  /** The HTTP caller's address (PIN guesses are slowed down per address). */
  remoteAddress?: string;
}

export interface DispatchDeps {
  handlers: HandlerMap;
  config: CoreConfig;
  logger: Logger;
  isInitialized: () => boolean;
  resolveSession: (token: string) => Actor;
  resolveTerminalKey: (key: string) => Actor;
  /** The staff member a session token belongs or belonged to. */
  sessionOwner: (token: string) => string | null;
}

function toFieldIssues(error: z.ZodError, lang: Language): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: translateIssueMessage(lang, issue.message),
  }));
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * What a session with its lock screen up may still do: unlock, give up (log out), lock again,
 * and say whose it is (the lock screen shows the name after a reload, as the login screen does).
 */
const OPEN_WHILE_LOCKED = new Set(['auth.unlock', 'auth.logout', 'auth.lock', 'auth.session']);

/**
 * The one path every call takes, from IPC, HTTP or a test: find the method, establish the
 * caller, check the role, validate the input, run the handler, and turn any failure into a
 * translated `AppError` shape. Nothing thrown escapes.
 */
export function createDispatcher(deps: DispatchDeps) {
  function authenticate(credential: string | null | undefined, options: CallOptions): Actor {
    if (!credential) return { kind: 'anonymous' };
    if (credential.startsWith(TERMINAL_KEY_PREFIX)) {
      if (!options.allowTerminalKeys) throw new AppError('TERMINAL_KEYS_DISABLED');
      return deps.resolveTerminalKey(credential);
    }
    return deps.resolveSession(credential);
  }

  function authorize(method: string, def: MethodDef, actor: Actor): void {
    if (def.access.includes('public')) return;
    if (actor.kind === 'staff' && actor.locked && !OPEN_WHILE_LOCKED.has(method))
      throw new AppError('SESSION_LOCKED');
    if (def.access.includes('setup')) {
      if (!deps.isInitialized()) return;
      // `setup` beside roles (opening the demo shop): the roles once the shop is set up.
      if (def.access.every((caller) => caller === 'setup'))
        throw new AppError('ALREADY_INITIALIZED');
    }
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    const caller = actor.kind === 'terminal' ? 'terminal' : actor.role;
    if (!callerMayUse(def.access, caller)) throw new AppError('FORBIDDEN', { role: caller });
  }

  function failure(error: unknown, lang: Language, method: string): Result<never> {
    let appError: AppError;
    if (isAppError(error)) appError = error;
    else if (sqliteCode(error) === 'SQLITE_BUSY') appError = new AppError('BUSY');
    else if (sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) {
      deps.logger.warn('constraint refused a write', { method, error });
      appError = new AppError('CONFLICT');
    } else {
      deps.logger.error('handler failed', { method, error });
      appError = new AppError('INTERNAL');
    }
    const issues = appError.details.issues as FieldIssue[] | undefined;
    if (issues) {
      appError = new AppError(appError.code, {
        ...appError.details,
        issues: issues.map((issue) => ({
          ...issue,
          message: translateIssueMessage(lang, issue.message),
        })),
      });
    }
    return {
      ok: false,
      error: appError.toShape(translateError(lang, appError.code, appError.details)),
    };
  }

  async function call(
    method: string,
    input: unknown,
    options: CallOptions,
  ): Promise<Result<unknown>> {
    const lang = options.lang ?? DEFAULT_LANGUAGE;
    try {
      if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', { method });
      const def: MethodDef = methods[method];
      let actor: Actor;
      try {
        actor = authenticate(options.credential, options);
      } catch (error) {
        // A stale token must not keep anyone from the login screen.
        if (!def.access.includes('public') && !def.access.includes('setup')) throw error;
        actor = { kind: 'anonymous' };
      }
      authorize(method, def, actor);
      const parsed = def.input.safeParse(input ?? {}, { error: zodLocale(lang) });
      if (!parsed.success)
        throw new AppError('VALIDATION_FAILED', { issues: toFieldIssues(parsed.error, lang) });
      // Control characters and lone surrogates in any text: refused here, once for every method,
      // before they reach a row the cloud would refuse (and the sync with it).
      const unsafe = unsafeTextPath(parsed.data);
      if (unsafe)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: unsafe, message: 'validation.unsafeText' }],
        });
      const source = actor.kind === 'terminal' ? 'terminal' : options.source;
      const ctx: HandlerContext = { actor, source, lang, remoteAddress: options.remoteAddress };
      const handler = deps.handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
      const output = await handler(parsed.data, ctx);
      if (deps.config.validateOutputs) {
        const checked = def.output.safeParse(output);
        if (!checked.success) {
          deps.logger.error('handler answered outside its contract', {
            method,
            issues: checked.error.issues,
          });
          throw new Error(`output of ${method} does not match the contract`);
        }
      }
      return { ok: true, data: output };
    } catch (error) {
      return failure(error, lang, method);
    }
  }

  /** The caller behind an event-stream credential; throws UNAUTHENTICATED / SESSION_EXPIRED. */
  function eventCaller(
    credential: string | null | undefined,
  ): Exclude<Actor, { kind: 'anonymous' }> {
    const actor = authenticate(credential, { source: 'http', allowTerminalKeys: true });
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    return actor;
  }

  /**
   * Filters the event bus for one subscriber (an SSE stream, a window). The credential is read
   * again for every event because sessions end; the staff member whose session was revoked
   * still hears `session.revoked`, so the UI can return to the login screen.
   */
  function subscribe(
    bus: EventBus,
    getCredential: () => string | null | undefined,
    listener: EventListener,
  ): () => void {
    return bus.subscribe((name, payload) => {
      const credential = getCredential();
      if (name === 'session.revoked') {
        const revoked = payload as PayloadOf<'session.revoked'>;
        if (credential && deps.sessionOwner(credential) === revoked.staffId)
          listener(name, payload);
        return;
      }
      let actor: Exclude<Actor, { kind: 'anonymous' }> | null;
      try {
        actor = eventCaller(credential);
      } catch {
        actor = null;
      }
      // Nothing reaches a locked screen but the end of its session.
      if (!actor || (actor.kind === 'staff' && actor.locked)) return;
      const caller = actor.kind === 'terminal' ? 'terminal' : actor.role;
      if (callerMayUse(eventDefs[name].access, caller)) listener(name, payload);
    });
  }

  return { call, eventCaller, subscribe };
}
