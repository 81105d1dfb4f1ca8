import { and, eq } from 'drizzle-orm';
import { cashbackCodes } from '../coupons/schema';
import type { AppDatabase } from '../db/database';
import type { CashbackRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { SYSTEM_CONTEXT } from '../events/domain-events';

/** A payout: who got it, when, and through what. */
export interface Payout {
  phone: string;
  at: number;
  via: 'counter' | 'terminal' | 'cloud';
  /** The staff member or terminal paying here; null when paid elsewhere. */
  by: string | null;
}

/**
 * The only writer of cashback codes: issued for a product sold at a terminal, paid once to a
 * phone here, or learnt paid elsewhere (pulled). Each records its domain event.
 */
export class CashbackLedger {
  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {}

  /** A deleted member's phone on the cashback paid to them becomes their pseudonym (PIPL). */
  renamePhone(phone: string, pseudonym: string): void {
    this.adb.sqlite
      .prepare('UPDATE cashback_codes SET phone = ? WHERE phone = ?')
      .run(pseudonym, phone);
  }

  byCode(code: string): CashbackRow | undefined {
    return this.adb.db.select().from(cashbackCodes).where(eq(cashbackCodes.code, code)).get();
  }

  issue(ctx: EventContext, code: CashbackRow): void {
    this.adb.db.insert(cashbackCodes).values(code).run();
    this.events.record(ctx, 'cashback.issued', { code });
  }

  /** Pays a code issued here (the caller checked it is payable). */
  pay(ctx: EventContext, code: CashbackRow, payout: Payout): void {
    if (this.markPaid(code, payout))
      this.events.record(ctx, 'cashback.paid', { code, ...payout, origin: 'local' });
  }

  /** Paid elsewhere (another counter, or a consumer through the cloud): not payable here. */
  applyRemotePayout(codeText: string, payout: Payout): void {
    const code = this.byCode(codeText);
    if (code?.status !== 'issued') return;
    if (this.markPaid(code, payout))
      this.events.record(SYSTEM_CONTEXT, 'cashback.paid', {
        code,
        ...payout,
        // Nobody at this till paid it (the rebuild counts only this till's counter).
        by: null,
        origin: 'remote',
      });
  }

  private markPaid(code: CashbackRow, payout: Payout): boolean {
    const { changes } = this.adb.db
      .update(cashbackCodes)
      .set({
        status: 'redeemed',
        phone: payout.phone,
        redeemedAt: payout.at,
        redeemedVia: payout.via,
        redeemedBy: payout.by,
      })
      .where(and(eq(cashbackCodes.id, code.id), eq(cashbackCodes.status, 'issued')))
      .run();
    return changes > 0;
  }
}
