import type { EventName, PayloadOf } from '../src-shared/contract';
import { IPC_CALL, IPC_EVENT, IPC_SAVE_PDF, type PreloadBridge } from '../src-shared/ipc';
import { EVENT_NAMES, METHOD_NAMES } from './contract-names';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const methodNames: ReadonlySet<string> = new Set(METHOD_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * `window.storedesk`: `call` and `on` for contract names only, and `saveAsPdf` for reports. The main process checks again;
 * this refuses early and keeps ipcRenderer itself out of the page's reach. Names are checked at
 * run time too: the page is not bound by our types.
 */
export function createBridge(ipcRenderer: IpcRendererLike): PreloadBridge {
  return {
    call(method, input) {
      if (!methodNames.has(method)) return Promise.reject(new Error(`unknown method ${method}`));
      return ipcRenderer.invoke(IPC_CALL, method, input) as ReturnType<PreloadBridge['call']>;
    },
    on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void) {
      if (!eventNames.has(event)) throw new Error(`unknown event ${event}`);
      const handler = (_ipcEvent: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload as PayloadOf<E>);
      };
      ipcRenderer.on(IPC_EVENT, handler);
      return () => void ipcRenderer.removeListener(IPC_EVENT, handler);
    },
    saveAsPdf(fileName) {
      if (typeof fileName !== 'string') return Promise.reject(new Error('file name expected'));
      return ipcRenderer.invoke(IPC_SAVE_PDF, fileName) as Promise<string | null>;
    },
  };
}
