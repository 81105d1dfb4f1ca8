import { eq, lt } from 'drizzle-orm';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import { pinAttempts } from './schema';

/** How wrong PINs slow down whoever types them (tests shorten the timings). */
export interface PinThrottleConfig {
  /**
   * Wrong PINs a source may make before it has to wait: above the 5 that lock one staff member,
   * so someone who locks themselves out does not also hold up the whole till.
   */
  freeFailures: number;
  /** The first wait; every further wrong PIN doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A source's count is forgotten after this long without a wrong PIN. */
  forgetAfterMs: number;
  /** Wrong PINs per minute from the network (LAN, terminals, browser) all sources together. */
  globalPerMinute: number;
}

export const defaultPinThrottleConfig: PinThrottleConfig = {
  freeFailures: 10,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  globalPerMinute: 30,
};

const MINUTE_MS = 60_000;

/** One PIN check under way: what it counts against, and its reservation to give back. */
export interface PinAttempt {
  keys: string[];
  network: boolean;
  end(): void;
}

/**
 * Slows PIN guessing down per source, so that nobody can lock anyone out or try many PINs from
 * one place: after `freeFailures` wrong PINs a source waits, doubling with each further one, and
 * is told "try again in N s" at once (the server never sleeps on a request). Sources are what a
 * caller cannot choose freely: its session, terminal, API key, the app window, its address.
 * Network callers also share a budget per minute, so rotating addresses or keys gains nothing;
 * the app's own window is outside that budget, so a flood from the LAN cannot keep the shop's
 * screen out.
 */
export class PinThrottle {
  /** Checks under way per key: a burst of parallel guesses counts before its answers do. */
  private readonly pending = new Map<string, number>();
  private pendingGlobal = 0;
  /** Times of recent wrong PINs from the network (a restart forgives one minute, no more). */
  private globalFailures: number[] = [];

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly config: PinThrottleConfig,
  ) {}

  /** Where a PIN comes from. A typed `terminalId` in a login is the caller's word: not a source. */
  sourceKeys(ctx: Pick<HandlerContext, 'actor' | 'source' | 'remoteAddress'>): string[] {
    const keys: string[] = [];
    const actor = ctx.actor;
    if (actor.kind === 'staff') {
      keys.push(`session:${actor.sessionId}`);
      if (actor.terminalId) keys.push(`terminal:${actor.terminalId}`);
    } else if (actor.kind === 'terminal') {
      keys.push(`key:${actor.apiKeyId}`, `terminal:${actor.terminalId}`);
    }
    if (ctx.source === 'app') keys.push('window');
    else keys.push(`address:${ctx.remoteAddress ?? 'unknown'}`);
    return keys;
  }

  /**
   * Reserves one PIN check for this caller, or refuses with PIN_TRY_LATER (429, with
   * `retryAfterSeconds`) while any of its sources waits or the network budget is spent.
   */
  begin(ctx: Pick<HandlerContext, 'actor' | 'source' | 'remoteAddress'>): PinAttempt {
    const keys = this.sourceKeys(ctx);
    const network = ctx.source !== 'app';
    const now = this.clock.now();
    let waitMs = 0;
    for (const key of keys) {
      const row = this.row(key, now);
      const pending = this.pending.get(key) ?? 0;
      if (row?.blockedUntil && row.blockedUntil > now)
        waitMs = Math.max(waitMs, row.blockedUntil - now);
      // Parallel checks: the ones under way would each be a wrong PIN at worst.
      else if ((row?.failures ?? 0) + pending >= this.config.freeFailures && pending > 0)
        waitMs = Math.max(waitMs, this.config.firstDelayMs);
    }
    if (network) {
      this.globalFailures = this.globalFailures.filter((at) => now - at < MINUTE_MS);
      if (this.globalFailures.length + this.pendingGlobal >= this.config.globalPerMinute)
        waitMs = Math.max(waitMs, (this.globalFailures[0] ?? now) + MINUTE_MS - now, 1000);
    }
    if (waitMs > 0)
      throw new AppError('PIN_TRY_LATER', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    for (const key of keys) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (network) this.pendingGlobal++;
    let ended = false;
    return {
      keys,
      network,
      end: () => {
        if (ended) return;
        ended = true;
        for (const key of keys) {
          const left = (this.pending.get(key) ?? 1) - 1;
          if (left > 0) this.pending.set(key, left);
          else this.pending.delete(key);
        }
        if (network) this.pendingGlobal--;
      },
    };
  }

  /**
   * Counts a wrong PIN against every source of the attempt (inside the caller's write). Answers
   * how many more the most used source may make before it waits, and the wait it starts, if any.
   */
  failWithin(attempt: PinAttempt): { remaining: number; waitSeconds: number | null } {
    const now = this.clock.now();
    // Sources quiet for long are forgotten: the table stays as small as the recent trouble.
    this.adb.db
      .delete(pinAttempts)
      .where(lt(pinAttempts.lastFailureAt, now - this.config.forgetAfterMs))
      .run();
    let remaining = Infinity;
    let waitMs = 0;
    for (const key of attempt.keys) {
      const failures = (this.row(key, now)?.failures ?? 0) + 1;
      const over = failures - this.config.freeFailures;
      const delay =
        over >= 0 ? Math.min(this.config.maxDelayMs, this.config.firstDelayMs * 2 ** over) : 0;
      const values = { failures, lastFailureAt: now, blockedUntil: delay ? now + delay : null };
      this.adb.db
        .insert(pinAttempts)
        .values({ key, ...values })
        .onConflictDoUpdate({ target: pinAttempts.key, set: values })
        .run();
      remaining = Math.min(remaining, Math.max(0, -over));
      waitMs = Math.max(waitMs, delay);
    }
    if (attempt.network) this.globalFailures.push(now);
    return { remaining, waitSeconds: waitMs ? Math.ceil(waitMs / 1000) : null };
  }

  /** A source's record, or undefined once it is forgotten. */
  private row(key: string, now: number) {
    const row = this.adb.db.select().from(pinAttempts).where(eq(pinAttempts.key, key)).get();
    if (!row || now - row.lastFailureAt > this.config.forgetAfterMs) return undefined;
    return row;
  }
}
