import type { Clock } from '../../../src-node/clock';

/**
 * Slows down code guessing: after `limit` bad codes within `windowMs` from one terminal or one
 * cashier, that terminal or cashier waits `coolDownMs`. Kept in memory: a restart forgives,
 * which is fine for a guard whose window is a minute.
 */
export class AttemptGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    readonly limit = 5,
    readonly windowMs = 60_000,
    readonly coolDownMs = 60_000,
  ) {}

  /** Milliseconds left to wait for any of the keys, or 0. */
  coolingDown(keys: string[]): number {
    const now = this.clock.now();
    return Math.max(0, ...keys.map((key) => (this.blockedUntil.get(key) ?? 0) - now));
  }

  /** Records a bad code; true when this one started a cool-down. */
  fail(keys: string[]): boolean {
    const now = this.clock.now();
    let started = false;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
      recent.push(now);
      if (recent.length >= this.limit) {
        this.blockedUntil.set(key, now + this.coolDownMs);
        this.failures.delete(key);
        started = true;
      } else this.failures.set(key, recent);
    }
    return started;
  }
}
