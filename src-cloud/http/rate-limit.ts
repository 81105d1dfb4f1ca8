import type { Clock } from '../../src-node/clock';
import type { BucketConfig } from '../config';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in memory, one per key (a device, an address): `capacity` requests at once,
 * `refillPerSecond` more each second. One server process; a fleet would share them elsewhere.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: BucketConfig,
    private readonly clock: Clock,
  ) {}

  /** Takes one token; when none is left, how long until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
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
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / refillPerSecond) * 1000) };
  }

  /** Buckets that have refilled are the same as no bucket: drop them to bound memory. */
  private forgetFull(now: number) {
    const { capacity, refillPerSecond } = this.config;
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity)
        this.buckets.delete(key);
  }
}
