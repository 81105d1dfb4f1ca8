// The only door between the window and the main process. Built as one small CommonJS file
// (a sandboxed preload cannot be an ES module); contract-names.ts keeps zod out of it.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('storedesk', createBridge(ipcRenderer));
