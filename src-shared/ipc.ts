import type { EventName, InputOf, MethodName, PayloadOf } from './contract';
import type { Result } from './errors';

/** The two IPC channels; every method and event travels over them by name. */
export const IPC_CALL = 'storedesk:call';
export const IPC_EVENT = 'storedesk:event';

/** What the preload exposes to the window as `window.storedesk`. */
export interface PreloadBridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}
