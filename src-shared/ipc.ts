import type { EventName, InputOf, MethodName, PayloadOf } from './contract';
import type { Result } from './errors';

/** The two IPC channels; every method and event travels over them by name. */
export const IPC_CALL = 'storedesk:call';
export const IPC_EVENT = 'storedesk:event';
/** Electron only: the report page saved as a PDF (see src-main/electron/pdf.ts). */
export const IPC_SAVE_PDF = 'storedesk:save-pdf';

/** What the preload exposes to the window as `window.storedesk`. */
export interface PreloadBridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  /**
   * Saves the window as a PDF: a save dialog proposes `fileName`, the page's print layout goes
   * into the file. Answers the path written, or null when the user cancelled.
   */
  saveAsPdf(fileName: string): Promise<string | null>;
}
