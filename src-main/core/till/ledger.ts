import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { DayCloseRow, ShiftRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { dayCloses, shifts } from './schema';

/**
 * The only writer of shifts and day closes: the audit entries follow from its domain events
 * (till/effects.ts). Sales, tenders and refunds stay the sales ledger's.
 */
export class TillLedger {
  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {}

  openShift(ctx: EventContext, shift: ShiftRow): void {
    this.adb.db.insert(shifts).values(shift).run();
    this.events.record(ctx, 'shift.opened', { shift });
  }

  handOver(
    ctx: EventContext,
    shift: ShiftRow,
    approvedBy: { id: string; name: string } | null,
  ): void {
    this.adb.db.update(shifts).set(shift).where(eq(shifts.id, shift.id)).run();
    this.events.record(ctx, 'shift.handedOver', { shift, approvedBy });
  }

  closeDay(ctx: EventContext, close: DayCloseRow, storeName: string): void {
    this.adb.db.insert(dayCloses).values(close).run();
    this.events.record(ctx, 'day.closed', { close, storeName });
  }
}
