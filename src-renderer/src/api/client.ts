import type {
  EventName,
  InputOf,
  MethodName,
  OutputOf,
  PayloadOf,
} from '../../../src-shared/contract';
import { ApiError, SESSION_LOST_CODES } from './api-error';
import type { Transport } from './transport';

// Methods that answer UNAUTHENTICATED as part of their normal work (a wrong PIN is not a lost session).
const ANONYMOUS_METHODS: ReadonlySet<MethodName> = new Set([
  'setup.status',
  'setup.initialize',
  'auth.loginOptions',
  'auth.login',
]);

export interface ApiClient {
  readonly transport: Transport['kind'];
  /** Calls a contract method; resolves with its output or throws an {@link ApiError}. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  /** False when there is certainly no session to resume (a browser tab that never logged in). */
  mayHaveSession(): boolean;
  /** The browser's download link for an exported file; null inside Electron (see Transport). */
  exportDownloadUrl(fileName: string): string | null;
  /** Told when a call finds the session over, so the UI can go back to the login screen. */
  onSessionLost(listener: (error: ApiError) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  const sessionLostListeners = new Set<(error: ApiError) => void>();

  async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    let result;
    try {
      result = await transport.call(method, input);
    } catch (cause) {
      throw new ApiError({
        code: 'NETWORK',
        message: cause instanceof Error ? cause.message : String(cause),
      });
    }
    if (result.ok) return result.data as OutputOf<M>;
    const error = new ApiError(result.error);
    if (SESSION_LOST_CODES.includes(error.code) && !ANONYMOUS_METHODS.has(method))
      for (const listener of sessionLostListeners) listener(error);
    throw error;
  }

  return {
    transport: transport.kind,
    call,
    on: (event, listener) => transport.on(event, listener),
    mayHaveSession: () => transport.mayHaveSession(),
    exportDownloadUrl: (fileName) => transport.exportDownloadUrl(fileName),
    onSessionLost(listener) {
      sessionLostListeners.add(listener);
      return () => sessionLostListeners.delete(listener);
    },
  };
}
