// The only door between the window and the main process: `call` and `on` for contract names.
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, isMethodName } from '../src-shared/contract';
import { IPC_CALL, IPC_EVENT } from '../src-shared/ipc';

contextBridge.exposeInMainWorld('storedesk', {
  call(method: string, input: unknown) {
    if (!isMethodName(method)) return Promise.reject(new Error(`unknown method ${method}`));
    return ipcRenderer.invoke(IPC_CALL, method, input);
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!isEventName(event)) throw new Error(`unknown event ${event}`);
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
});
