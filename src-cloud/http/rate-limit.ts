import { lt, sql } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import type { BucketConfig } from '../config';
import type { CloudDb } from '../db/open';
import { rateBuckets } from './schema';

export type Taken = { ok: true } | { ok: false; retryAfterMs: number };

/** `capacity` requests at once per key, `refillPerSecond` more each second. */
export interface RateLimiter {
  /** Takes one token; when none is left, how long until one is. */
  take(key: string): Promise<Taken>;
}

const refused = (tokens: number, { refillPerSecond }: BucketConfig): Taken => ({
  ok: false,
  retryAfterMs: Math.ceil(((1 - tokens) / refillPerSecond) * 1000),
});

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets in this process's memory: the single-node cloud (PGlite). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: BucketConfig,
    private readonly clock: Clock,
  ) {}

  async take(key: string): Promise<Taken> {
    const now = this.clock.now();
    const { capacity, refillPerSecond } = this.config;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.forgetFull(now);
    if (bucket.tokens < 1) return refused(bucket.tokens, this.config);
    bucket.tokens -= 1;
    return { ok: true };
  }

  /** Buckets that have refilled are the same as no bucket: drop them to bound memory. */
  private forgetFull(now: number) {
    const { capacity, refillPerSecond } = this.config;
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity)
        this.buckets.delete(key);
  }
}

/**
 * Buckets in the database, so N cloud nodes behind a load balancer limit as one: each take is
 * one atomic upsert (refill, then take a token if there is one) on the bucket's row.
 */
export class DatabaseRateLimiter implements RateLimiter {
  private takes = 0;

  constructor(
    private readonly db: CloudDb,
    private readonly limiter: string,
    private readonly config: BucketConfig,
    private readonly clock: Clock,
  ) {}

  async take(key: string): Promise<Taken> {
    const now = this.clock.now();
    const { capacity, refillPerSecond } = this.config;
    // The bucket refilled up to now; `taken` when it held a whole token. A clock that steps
    // back (another node's) refills nothing rather than draining.
    const refilled = sql`least(${capacity}::float8, ${rateBuckets.tokens} + greatest(0, ${now}::bigint - ${rateBuckets.at}) / 1000.0 * ${refillPerSecond}::float8)`;
    const [row] = await this.db
      .insert(rateBuckets)
      .values({ limiter: this.limiter, key, tokens: capacity - 1, at: now, taken: true })
      .onConflictDoUpdate({
        target: [rateBuckets.limiter, rateBuckets.key],
        set: {
          tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
          at: sql`greatest(${rateBuckets.at}, ${now}::bigint)`,
          taken: sql`${refilled} >= 1`,
        },
      })
      .returning({ tokens: rateBuckets.tokens, taken: rateBuckets.taken });
    if (++this.takes % 10_000 === 0) void this.forgetFull(now);
    return row!.taken ? { ok: true } : refused(row!.tokens, this.config);
  }

  /** Rows of buckets that have refilled since are the same as none. */
  private async forgetFull(now: number) {
    const fullAfterMs = (this.config.capacity / this.config.refillPerSecond) * 1000;
    await this.db.delete(rateBuckets).where(lt(rateBuckets.at, now - fullAfterMs));
  }
}
