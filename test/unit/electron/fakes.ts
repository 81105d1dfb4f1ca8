// Stand-ins for the Electron objects the shell's modules receive: tests run without Electron.
import { EventEmitter } from 'node:events';
import type { CallEvent, IpcMainLike } from '../../../src-main/electron/ipc';
import type { KeyboardInput } from '../../../src-main/electron/scanner-keys';
import type { Result } from '../../../src-shared/errors';

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** printToPDF's options, per call; the "PDF" is a fixed stand-in. */
  readonly printed: unknown[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;

  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printed.push(options);
    return new TextEncoder().encode('%PDF-1.7 stand-in');
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>) {
    this.windowOpenHandler = handler;
  }
  /** A key as 'before-input-event' reports it; answers whether a listener kept it from the page. */
  input(input: Partial<KeyboardInput> & { key: string; code: string }) {
    let prevented = false;
    const full: KeyboardInput = {
      type: 'keyDown',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
      ...input,
    };
    this.emit('before-input-event', { preventDefault: () => (prevented = true) }, full);
    return prevented;
  }
  /** Emits a navigation event the way Electron does; answers whether a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string) {
    let prevented = false;
    this.emit(event, {
      url,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  }
}

type CallListener = Parameters<IpcMainLike['handle']>[1];
/** Any invoke handler: the call channel's, or another one's (the PDF save). */
type AnyListener = (event: never, ...args: never[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, AnyListener>();

  handle(channel: string, listener: AnyListener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke from `frame` of `sender` would get. */
  invoke(
    channel: string,
    sender: { id: number },
    frame: CallEvent['senderFrame'],
    ...args: [method: unknown, input: unknown]
  ): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel) as CallListener | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ sender, senderFrame: frame }, ...args);
  }
  /** What ipcRenderer.invoke on another channel would get. */
  invokeOther<T>(
    channel: string,
    event: { sender: object; senderFrame: CallEvent['senderFrame'] },
    ...args: unknown[]
  ): Promise<T> {
    const handler = this.handlers.get(channel) as
      ((event: unknown, ...args: unknown[]) => Promise<T>) | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler:
    | ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void)
    | null = null;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequestHandler']>) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheckHandler']>) {
    this.permissionCheckHandler = handler;
  }
  /** The headers a response would carry after the session's listener. */
  respond(responseHeaders: Record<string, string[]>) {
    let result: Record<string, string | string[]> | undefined;
    this.headersListener!({ responseHeaders }, (response) => (result = response.responseHeaders));
    return result;
  }
  /** Whether a permission request is granted. */
  request(permission: string) {
    let granted: boolean | undefined;
    this.permissionRequestHandler!(null, permission, (answer) => (granted = answer));
    return granted;
  }
}

/** Electron's `protocol`: remembers the privileged schemes and answers through the handlers. */
export class FakeProtocol {
  readonly privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response>>();
  registerSchemesAsPrivileged(schemes: FakeProtocol['privileged']) {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  }
  /** What the window would get for a URL of a handled scheme. */
  fetch(url: string) {
    return this.handlers.get(new URL(url).protocol.slice(0, -1))!(new Request(url));
  }
}
