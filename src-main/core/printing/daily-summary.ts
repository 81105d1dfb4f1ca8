import { and, count, desc, eq, gte, lt, sum } from 'drizzle-orm';
import { formatFen } from '../../../src-shared/money';
import type { DailySummaryData, SummaryLine } from '../../../src-shared/slips/templates';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { addDays, startOfLocalDay } from '../../../src-shared/time';
import { cashbackCodes, coupons, redemptions } from '../coupons/schema';
import type { AppDatabase } from '../db/database';
import { staff } from '../staff/schema';

type Totals = Omit<DailySummaryData, 'merchantName' | 'storeName' | 'printedAtText' | 'date'>;

const line = (row: { n: number; fen: string | number | null } | undefined): SummaryLine => ({
  count: row?.n ?? 0,
  amountText: formatFen(Number(row?.fen ?? 0)),
});

/**
 * One store's business day in numbers: [start, end) of the local day in its timezone. Voids count
 * on the day they happened, so a redemption voided the next morning shows on both days' slips.
 */
export function dailyTotals(
  adb: AppDatabase,
  storeId: string,
  date: string,
  timeZone: string,
): Totals {
  const from = startOfLocalDay(date, timeZone);
  const to = startOfLocalDay(addDays(date, 1), timeZone);
  const db = adb.db;
  const within = (column: AnySQLiteColumn) => and(gte(column, from), lt(column, to));

  const issued = db
    .select({ n: count() })
    .from(coupons)
    .where(and(eq(coupons.issuedStoreId, storeId), within(coupons.issuedAt)))
    .get();
  const redeemed = db
    .select({ n: count(), fen: sum(redemptions.discountFen) })
    .from(redemptions)
    .where(and(eq(redemptions.storeId, storeId), within(redemptions.createdAt)))
    .get();
  const voided = db
    .select({ n: count(), fen: sum(redemptions.discountFen) })
    .from(redemptions)
    .where(and(eq(redemptions.storeId, storeId), within(redemptions.voidedAt)))
    .get();
  const cashbackIssued = db
    .select({ n: count(), fen: sum(cashbackCodes.rewardFen) })
    .from(cashbackCodes)
    .where(and(eq(cashbackCodes.storeId, storeId), within(cashbackCodes.issuedAt)))
    .get();
  const cashbackRedeemed = db
    .select({ n: count(), fen: sum(cashbackCodes.rewardFen) })
    .from(cashbackCodes)
    .where(and(eq(cashbackCodes.storeId, storeId), within(cashbackCodes.redeemedAt)))
    .get();
  const byCashier = db
    .select({ name: staff.name, n: count(), fen: sum(redemptions.discountFen) })
    .from(redemptions)
    .innerJoin(staff, eq(staff.id, redemptions.staffId))
    .where(
      and(
        eq(redemptions.storeId, storeId),
        eq(redemptions.status, 'completed'),
        within(redemptions.createdAt),
      ),
    )
    .groupBy(staff.id)
    .orderBy(desc(count()), staff.name)
    .all();

  return {
    couponsIssued: { count: issued?.n ?? 0 },
    couponsRedeemed: line(redeemed),
    couponsVoided: line(voided),
    cashbackIssued: line(cashbackIssued),
    cashbackRedeemed: line(cashbackRedeemed),
    byCashier: byCashier.map((row) => ({ name: row.name, ...line(row) })),
  };
}
