import type { EventName, MethodName, PayloadOf } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/errors';

/** How calls and events travel: IPC inside Electron, HTTP + Server-Sent Events in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  /** False when there is certainly no session to resume, so asking for it can be skipped. */
  mayHaveSession(): boolean;
  /**
   * Where the browser can download a file an export wrote (`GET /api/exports/<file>`); null
   * inside Electron, where the file is already on this PC and its path is shown instead.
   */
  exportDownloadUrl(fileName: string): string | null;
}
