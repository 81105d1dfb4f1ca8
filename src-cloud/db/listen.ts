import pg from 'pg';

/** What a listener is told: each NOTIFY's payload, and that some may have been missed. */
export interface ListenHandlers {
  notify(payload: string): void;
  /** The connection was lost and is back: NOTIFYs sent in between are gone, so look again. */
  gap(): void;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * LISTEN on PostgreSQL over a connection of its own (a pooled one would be handed to queries
 * and lose the LISTEN), reconnecting with backoff when it drops. Resolves once listening, so a
 * node does not say it is up before it hears the others.
 */
export async function listenPostgres(
  connectionString: string,
  channel: string,
  handlers: ListenHandlers,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = RETRY_MIN_MS;

  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.notify(message.payload ?? '');
    });
    next.on('error', (error) => {
      onError(error);
      drop(next);
    });
    next.on('end', () => drop(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
    delay = RETRY_MIN_MS;
  };

  const drop = (lost: pg.Client) => {
    if (client !== lost) return;
    client = null;
    lost.removeAllListeners('notification');
    void lost.end().catch(() => {});
    if (!stopped) scheduleReconnect();
  };

  const scheduleReconnect = () => {
    retry = setTimeout(async () => {
      if (stopped) return;
      try {
        await connect();
        handlers.gap();
      } catch (error) {
        onError(error as Error);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
        scheduleReconnect();
      }
    }, delay);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
}
