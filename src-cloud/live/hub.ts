import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../src-node/logger';
import type { CloudDatabase } from '../db/open';

/** What changed for a phone: its coupons, or its task orders. */
export type LiveTopic = 'wallet' | 'tasks';
/** `resync`: this node may have missed changes (its database connection was lost): look again. */
export type LiveSignal = LiveTopic | 'resync';

/** One open stream of a phone (an SSE response). */
export interface LiveSink {
  send(signal: LiveSignal): void;
  /** Ends the stream: a newer one of the same phone took its place, or the node stops. */
  end(): void;
}

/** The channel the triggers of migration 0012_live_notify notify on. */
export const LIVE_CHANNEL = 'consumer_live';

const payloadSchema = z.object({
  m: z.string(),
  p: z.string(),
  t: z.enum(['wallet', 'tasks']),
});

/** The phone as the triggers name it: the start of its SHA-256, not the number in clear. */
export const livePhoneKey = (phone: string) =>
  createHash('sha256').update(phone, 'utf8').digest('hex').slice(0, 32);

export interface LiveLimits {
  /** Streams one phone keeps open (tabs, a second phone of the same number); the oldest goes. */
  perPhone: number;
  /** Streams this node holds in all: more are refused, and the app polls instead. */
  total: number;
}

/**
 * The consumer app's live updates on this node. Every node LISTENs on the one database, so a
 * change committed through any node (a till's push, a share, a task's reward) reaches the
 * phone's stream wherever it is open; nothing about who listens lives anywhere else.
 */
export class ConsumerLive {
  private readonly sinks = new Map<string, LiveSink[]>();
  private count = 0;

  constructor(
    private readonly database: CloudDatabase,
    private readonly logger: Logger,
    private readonly limits: LiveLimits,
  ) {}

  /** Listens until the function it gives is called (which also ends every open stream). */
  async start(): Promise<() => Promise<void>> {
    const unlisten = await this.database.listen(
      LIVE_CHANNEL,
      {
        notify: (payload) => this.dispatch(payload),
        gap: () => this.broadcast('resync'),
      },
      (error) =>
        this.logger.warn('live updates: database connection lost', { error: error.message }),
    );
    return async () => {
      await unlisten();
      for (const list of this.sinks.values()) for (const sink of list) sink.end();
      this.sinks.clear();
      this.count = 0;
    };
  }

  /** Opens a stream for the phone; null when this node holds all it may (the app polls). */
  subscribe(merchantId: string, phone: string, sink: LiveSink): (() => void) | null {
    const key = `${merchantId}:${livePhoneKey(phone)}`;
    const list = this.sinks.get(key) ?? [];
    if (list.length >= this.limits.perPhone) this.remove(key, list[0]!)?.end();
    else if (this.count >= this.limits.total) return null;
    list.push(sink);
    this.sinks.set(key, list);
    this.count += 1;
    return () => void this.remove(key, sink);
  }

  private remove(key: string, sink: LiveSink): LiveSink | null {
    const list = this.sinks.get(key);
    const at = list?.indexOf(sink) ?? -1;
    if (!list || at < 0) return null;
    list.splice(at, 1);
    if (!list.length) this.sinks.delete(key);
    this.count -= 1;
    return sink;
  }

  private dispatch(payload: string) {
    const parsed = payloadSchema.safeParse(safeJson(payload));
    if (!parsed.success) return;
    const { m, p, t } = parsed.data;
    for (const sink of this.sinks.get(`${m}:${p}`) ?? []) sink.send(t);
  }

  private broadcast(signal: LiveSignal) {
    for (const list of this.sinks.values()) for (const sink of list) sink.send(signal);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
