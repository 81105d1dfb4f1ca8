import type { EventName, PayloadOf } from '../../../src-shared/contract';

export type EventListener = <E extends EventName>(name: E, payload: PayloadOf<E>) => void;

/**
 * Pushes contract events to whoever listens: the IPC bridge in Electron, the SSE stream of the
 * local API. A listener that throws is removed from nobody else's path.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dropped socket) must not stop the others.
      }
    }
  }
}
