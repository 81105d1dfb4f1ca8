import { eventNames, type EventName, type PayloadOf } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/errors';
import { SESSION_LOST_CODES } from './api-error';
import type { Transport } from './transport';

/** sessionStorage: the token lives as long as the tab, and another tab must log in itself. */
export const TOKEN_STORAGE_KEY = 'storedesk.sessionToken';

type AnyListener = (payload: unknown) => void;

interface HttpTransportOptions {
  /** Where the local API is; '' for the server this page came from. */
  baseUrl?: string;
  storage?: Storage;
  /** Sent as Accept-Language so the server's own messages match the UI. */
  language: () => string;
}

/**
 * Browser mode: `POST /api/<method>` with the session token as a Bearer credential, and pushed
 * events from `GET /api/events` (EventSource cannot send headers, hence `?access_token=`).
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl ?? '';
  const storage = options.storage ?? window.sessionStorage;
  const listeners = new Map<EventName, Set<AnyListener>>();
  let eventSource: EventSource | null = null;

  const token = () => storage.getItem(TOKEN_STORAGE_KEY);

  function setToken(value: string | null) {
    if (value === token()) return;
    if (value) storage.setItem(TOKEN_STORAGE_KEY, value);
    else storage.removeItem(TOKEN_STORAGE_KEY);
    connectEvents();
  }

  function connectEvents() {
    eventSource?.close();
    eventSource = null;
    const current = token();
    if (!current) return;
    const source = new EventSource(
      `${baseUrl}/api/events?access_token=${encodeURIComponent(current)}`,
    );
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
    eventSource = source;
  }

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Accept-Language': options.language(),
    };
    const current = token();
    if (current) headers.Authorization = `Bearer ${current}`;
    const response = await fetch(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
    const result = (await response.json()) as Result<unknown>;
    if (result.ok && method === 'auth.login') setToken((result.data as { token: string }).token);
    // Logging out ends the session whatever the answer; an expired one is of no further use.
    if (method === 'auth.logout') setToken(null);
    if (!result.ok && SESSION_LOST_CODES.includes(result.error.code)) setToken(null);
    return result;
  }

  connectEvents();

  return {
    kind: 'http',
    call,
    on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void) {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
    mayHaveSession: () => token() !== null,
    // A plain link cannot send headers, hence `?access_token=` (as for the event stream).
    exportDownloadUrl: (fileName) =>
      `${baseUrl}/api/exports/${encodeURIComponent(fileName)}?access_token=${encodeURIComponent(token() ?? '')}`,
  };
}
