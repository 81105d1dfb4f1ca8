import type { DayCloseReport } from '../../../src-shared/contract/till';
import type { RefundKind } from '../../../src-shared/contract/sales';
import { addDays, startOfLocalDay } from '../../../src-shared/time';
import type { AppDatabase } from '../db/database';

type Totals = Omit<
  DayCloseReport,
  'storeId' | 'storeName' | 'businessDate' | 'closed' | 'closedAt' | 'closedByName' | 'shifts'
> & { shiftIds: string[] };

interface CountFen {
  n: number;
  fen: number | null;
}

/** The order tenders are listed in, on the page and on the slip. */
const ORDER: RefundKind[] = ['cash', 'wechat', 'alipay', 'card', 'points', 'other', 'unknown'];
const byOrder = (a: { kind: RefundKind }, b: { kind: RefundKind }) =>
  ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind);

/**
 * One store's business day in money. Sales and refunds count by their business day (a closed
 * day is final, later ones went to the next day); coupons, voids and cashback payouts by the
 * local day's hours. Plain SQL over the (store, business day) indexes: a day of 5,000 sales
 * adds up in a few milliseconds.
 */
export class DayCloseQueries {
  private readonly s;

  constructor(adb: AppDatabase) {
    const db = adb.sqlite;
    this.s = {
      sales: db.prepare(
        `SELECT count(*) AS n, sum(subtotal_fen) AS subtotal, sum(discount_fen) AS discount,
           sum(rounding_fen) AS rounding, sum(paid_fen) AS paid
         FROM sales WHERE store_id = ? AND business_date = ?`,
      ),
      tenders: db.prepare(
        `SELECT t.kind AS kind, count(*) AS n, sum(t.amount_fen) AS fen
         FROM sales s JOIN sale_tenders t ON t.sale_id = s.id
         WHERE s.store_id = ? AND s.business_date = ? GROUP BY t.kind`,
      ),
      unknownTender: db.prepare(
        `SELECT count(*) AS n, sum(paid_fen) AS fen FROM sales s
         WHERE s.store_id = ? AND s.business_date = ?
           AND NOT EXISTS (SELECT 1 FROM sale_tenders t WHERE t.sale_id = s.id)`,
      ),
      refunds: db.prepare(
        `SELECT kind, count(DISTINCT document_id) AS n, sum(amount_fen) AS fen
         FROM sale_refunds WHERE store_id = ? AND business_date = ? GROUP BY kind`,
      ),
      returns: db.prepare(
        `SELECT count(DISTINCT document_id) AS n, sum(amount_fen) AS fen
         FROM sale_refunds WHERE store_id = ? AND business_date = ?`,
      ),
      coupons: db.prepare(
        `SELECT count(*) AS n, sum(discount_fen) AS fen FROM redemptions
         WHERE store_id = ? AND status = 'completed' AND created_at >= ? AND created_at < ?`,
      ),
      voided: db.prepare(
        `SELECT count(*) AS n, sum(discount_fen) AS fen FROM redemptions
         WHERE store_id = ? AND voided_at >= ? AND voided_at < ?`,
      ),
      cashback: db.prepare(
        `SELECT count(*) AS n, sum(reward_fen) AS fen FROM cashback_codes
         WHERE store_id = ? AND redeemed_via = 'counter' AND redeemed_at >= ? AND redeemed_at < ?`,
      ),
      shifts: db.prepare(
        `SELECT id, difference_fen AS difference FROM shifts
         WHERE store_id = ? AND business_date = ? ORDER BY handed_over_at`,
      ),
      openShifts: db.prepare(
        `SELECT count(*) AS n FROM shifts WHERE store_id = ? AND status = 'open'`,
      ),
    };
  }

  totals(storeId: string, date: string, timeZone: string): Totals {
    const from = startOfLocalDay(date, timeZone);
    const to = startOfLocalDay(addDays(date, 1), timeZone);
    const s = this.s;
    const sales = s.sales.get(storeId, date) as {
      n: number;
      subtotal: number | null;
      discount: number | null;
      rounding: number | null;
      paid: number | null;
    };
    const tenders = (s.tenders.all(storeId, date) as (CountFen & { kind: RefundKind })[]).map(
      (row) => ({ kind: row.kind, count: row.n, amountFen: row.fen ?? 0 }),
    );
    const unknown = s.unknownTender.get(storeId, date) as CountFen;
    if (unknown.n) tenders.push({ kind: 'unknown', count: unknown.n, amountFen: unknown.fen ?? 0 });
    tenders.sort(byOrder);
    const refunds = (s.refunds.all(storeId, date) as (CountFen & { kind: RefundKind })[])
      .map((row) => ({ kind: row.kind, count: row.n, amountFen: row.fen ?? 0 }))
      .sort(byOrder);
    const line = (row: CountFen) => ({ count: row.n, amountFen: row.fen ?? 0 });
    const returns = line(s.returns.get(storeId, date) as CountFen);
    const cashbackPaid = line(s.cashback.get(storeId, from, to) as CountFen);
    const net = new Map<RefundKind, number>();
    for (const t of tenders) net.set(t.kind, (net.get(t.kind) ?? 0) + t.amountFen);
    for (const r of refunds) net.set(r.kind, (net.get(r.kind) ?? 0) - r.amountFen);
    const shifts = s.shifts.all(storeId, date) as { id: string; difference: number | null }[];
    const amountOf = (list: { kind: RefundKind; amountFen: number }[], kind: RefundKind) =>
      list.find((t) => t.kind === kind)?.amountFen ?? 0;
    return {
      sales: {
        count: sales.n,
        subtotalFen: sales.subtotal ?? 0,
        discountFen: sales.discount ?? 0,
        roundingFen: sales.rounding ?? 0,
        paidFen: sales.paid ?? 0,
      },
      tenders,
      refunds,
      returns,
      coupons: line(s.coupons.get(storeId, from, to) as CountFen),
      couponsVoided: line(s.voided.get(storeId, from, to) as CountFen),
      cashbackPaid,
      net: [...net].map(([kind, amountFen]) => ({ kind, amountFen })).sort(byOrder),
      netFen: (sales.paid ?? 0) - returns.amountFen,
      cash: {
        salesFen: amountOf(tenders, 'cash'),
        refundsFen: amountOf(refunds, 'cash'),
        payoutsFen: cashbackPaid.amountFen,
      },
      differenceFen: shifts.reduce((sum, shift) => sum + (shift.difference ?? 0), 0),
      openShifts: (s.openShifts.get(storeId) as { n: number }).n,
      shiftIds: shifts.map((shift) => shift.id),
    };
  }
}
