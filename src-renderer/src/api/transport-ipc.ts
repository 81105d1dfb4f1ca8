import type { PreloadBridge } from '../../../src-shared/ipc';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    storedesk?: PreloadBridge;
  }
}

/**
 * Inside Electron: the main process keeps the session token for each window, so no credential
 * ever reaches the page.
 */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method, input as never),
    on: (event, listener) => bridge.on(event, listener),
    // Only the main process knows whether this window has a session.
    mayHaveSession: () => true,
    exportDownloadUrl: () => null,
  };
}
