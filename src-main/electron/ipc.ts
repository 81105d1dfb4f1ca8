import type { Core } from '../core';
import { AppError } from '../../src-node/app-error';
import { isMethodName, type OutputOf } from '../../src-shared/contract';
import type { ErrorCode, Result } from '../../src-shared/errors';
import { pickLanguage, translateError } from '../../src-shared/i18n';
import { IPC_CALL, IPC_EVENT } from '../../src-shared/ipc';

/** The parts of a window's WebContents the bridge uses. */
export interface BridgedContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface CallEvent {
  sender: { readonly id: number };
  /** The frame that called; null once it has navigated away or gone. */
  senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: CallEvent, method: unknown, input: unknown) => Promise<Result<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'call' | 'events' | 'logger'>;
  isAppUrl: (url: string) => boolean;
  /** The OS locale (`app.getLocale()`): the language of error messages. */
  locale: string;
}

/** Answers that end the session this window holds: the login screen comes next. */
const SESSION_ENDED: ReadonlySet<ErrorCode> = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

/**
 * The window's only way into the core: one `invoke` channel for every contract method, and
 * contract events pushed back per window. Session tokens stay here, one per window, so the page
 * never has to store one (`auth.login` still answers it, as the contract says).
 */
export function registerIpc({ ipcMain, core, isAppUrl, locale }: IpcDeps) {
  const lang = pickLanguage(locale);
  const tokens = new Map<number, string>();
  /** The windows attached, each with what ends its event subscription. */
  const windows = new Map<number, () => void>();

  const refusal = (code: ErrorCode, details?: Record<string, unknown>): Result<never> => ({
    ok: false,
    error: new AppError(code, details).toShape(translateError(lang, code, details)),
  });

  /** Forgets a window's token, unless a newer login has replaced it meanwhile. */
  const forget = (windowId: number, token: string | undefined) => {
    if (token !== undefined && tokens.get(windowId) === token) tokens.delete(windowId);
  };

  ipcMain.handle(IPC_CALL, async (event, method, input) => {
    const frame = event.senderFrame;
    const windowId = event.sender.id;
    if (!windows.has(windowId) || !frame || frame.parent !== null || !isAppUrl(frame.url)) {
      core.logger.warn('ipc call refused: not the top frame of an app window', {
        url: frame?.url ?? null,
        method: String(method),
      });
      return refusal('FORBIDDEN');
    }
    if (!isMethodName(method)) return refusal('UNKNOWN_METHOD', { method: String(method) });

    const credential = tokens.get(windowId);
    const result = await core.call(method, input, { credential, source: 'app', lang });
    if (method === 'auth.login' && result.ok) {
      tokens.set(windowId, (result.data as OutputOf<'auth.login'>).token);
    } else if (method === 'auth.logout' || (!result.ok && SESSION_ENDED.has(result.error.code))) {
      forget(windowId, credential);
    }
    return result;
  });

  return {
    /** Lets a window call in, and pushes it the events its session may see, until it is gone. */
    attachWindow(contents: BridgedContents): void {
      const windowId = contents.id;
      if (windows.has(windowId)) return;
      const unsubscribe = core.events.subscribe(
        () => tokens.get(windowId),
        (name, payload) => {
          if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
        },
      );
      windows.set(windowId, unsubscribe);
      contents.once('destroyed', () => {
        unsubscribe();
        windows.delete(windowId);
        tokens.delete(windowId);
      });
    },
    /** Stops answering and pushing (at quit, before the core closes). */
    dispose(): void {
      ipcMain.removeHandler(IPC_CALL);
      for (const unsubscribe of windows.values()) unsubscribe();
      windows.clear();
      tokens.clear();
    },
  };
}

export type IpcBridge = ReturnType<typeof registerIpc>;
