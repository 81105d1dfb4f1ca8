import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { AuditService } from '../audit/service';
import type { HandlerContext } from '../platform/context';

/**
 * Slows down code guessing: after `limit` bad codes within `windowMs` from one key (a terminal,
 * a cashier, an API key), that key waits `coolDownMs`. Kept in memory: a restart forgives,
 * which is fine for a guard whose window is a minute.
 */
export class AttemptGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    protected readonly clock: Clock,
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

/** Which path looked a code up: named in the audit entry of a cool-down. */
export type CodeLookup = 'redemption' | 'cashback' | 'printing' | 'coupons.cancel';

/**
 * The one guard of every path that looks a code up (verify and its other codes, redeem, cashback
 * payout, reprints, cancel). Any of them answers differently for a real code than for a made-up
 * one, so they share one count per caller: five unknown codes anywhere and that caller waits,
 * whichever method it tries next.
 */
export class CodesGuard extends AttemptGuard {
  constructor(
    clock: Clock,
    private readonly audit: AuditService,
  ) {
    super(clock);
  }

  /** Whose guesses these are: the cashier and the till, or the terminal key. */
  keysOf(ctx: Pick<HandlerContext, 'actor'>): string[] {
    const actor = ctx.actor;
    if (actor.kind === 'terminal') return [`terminal:${actor.terminalId}`, `key:${actor.apiKeyId}`];
    if (actor.kind === 'staff')
      return [
        `staff:${actor.staffId}`,
        ...(actor.terminalId ? [`terminal:${actor.terminalId}`] : []),
      ];
    return [];
  }

  /** Whole seconds this caller still waits, or 0. */
  secondsLeft(ctx: Pick<HandlerContext, 'actor'>): number {
    return Math.ceil(this.coolingDown(this.keysOf(ctx)) / 1000);
  }

  /** Refuses with COUPON_COOLING_DOWN (a 429 with the seconds left) while the caller waits. */
  assertMayLookUp(ctx: Pick<HandlerContext, 'actor'>): void {
    const seconds = this.secondsLeft(ctx);
    if (seconds) throw new AppError('COUPON_COOLING_DOWN', { seconds });
  }

  /** Counts one unknown code; the one that starts a cool-down is audited. */
  miss(ctx: HandlerContext, lookup: CodeLookup, storeId?: string | null): void {
    if (!this.fail(this.keysOf(ctx))) return;
    this.audit.record(ctx, {
      action: lookup === 'redemption' ? 'redemption.coolDown' : 'codes.coolDown',
      storeId: storeId ?? null,
      details: { lookup, attempts: this.limit, seconds: this.coolDownMs / 1000 },
    });
  }
}
