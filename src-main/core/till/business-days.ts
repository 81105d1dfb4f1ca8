import { and, eq, sql } from 'drizzle-orm';
import { addDays, localDate, startOfLocalDay } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { AppDatabase } from '../db/database';
import { stores } from '../stores/schema';
import { dayCloses } from './schema';

/**
 * Which business day a sale, a refund or a handover counts on: its local day in the store's
 * zone, or the next day not yet closed (日结 is final: what comes after it counts on the next
 * day). Asked on every sale, so the last days seen per store are kept with their bounds.
 */
export class BusinessDays {
  private readonly statements;
  /** The local days seen lately per store, with their bounds (an import mixes a few days). */
  private readonly recentDays = new Map<
    string,
    { timeZone: string; from: number; to: number; date: string }[]
  >();

  constructor(adb: AppDatabase) {
    const { db } = adb;
    this.statements = {
      timeZone: db
        .select({ timezone: stores.timezone })
        .from(stores)
        .where(eq(stores.id, sql.placeholder('storeId')))
        .prepare(),
      closed: db
        .select({ id: dayCloses.id })
        .from(dayCloses)
        .where(
          and(
            eq(dayCloses.storeId, sql.placeholder('storeId')),
            eq(dayCloses.businessDate, sql.placeholder('date')),
          ),
        )
        .prepare(),
    };
  }

  timeZoneOf(storeId: string): string {
    return this.statements.timeZone.get({ storeId })?.timezone ?? DEFAULT_TIME_ZONE;
  }

  isClosed(storeId: string, date: string): boolean {
    return this.statements.closed.get({ storeId, date }) !== undefined;
  }

  /** The business day of an instant at a store. */
  dayOf(storeId: string, at: number): string {
    const timeZone = this.timeZoneOf(storeId);
    const recent = this.recentDays.get(storeId) ?? [];
    let day = recent.find((d) => d.timeZone === timeZone && at >= d.from && at < d.to);
    if (!day) {
      const date = localDate(at, timeZone);
      day = {
        timeZone,
        from: startOfLocalDay(date, timeZone),
        to: startOfLocalDay(addDays(date, 1), timeZone),
        date,
      };
      this.recentDays.set(storeId, [day, ...recent.slice(0, 7)]);
    }
    let date = day.date;
    while (this.isClosed(storeId, date)) date = addDays(date, 1);
    return date;
  }
}
