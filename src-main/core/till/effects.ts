import { formatFen } from '../../../src-shared/money';
import type { AuditService } from '../audit/service';
import type { DomainEvents } from '../events/domain-events';

/** What follows the till's events: the audit log (the owner sees every difference and close). */
export function tillEffects(events: DomainEvents, { audit }: { audit: AuditService }): void {
  events.on('shift.opened', ({ shift }, ctx) =>
    audit.record(ctx, {
      action: 'shifts.open',
      targetType: 'shift',
      targetId: shift.id,
      storeId: shift.storeId,
      details: { float: formatFen(shift.floatFen) },
    }),
  );
  events.on('shift.handedOver', ({ shift, approvedBy }, ctx) =>
    audit.record(ctx, {
      action: 'shifts.handover',
      targetType: 'shift',
      targetId: shift.id,
      storeId: shift.storeId,
      details: {
        expected: formatFen(shift.expectedFen ?? 0),
        counted: formatFen(shift.countedFen ?? 0),
        difference: formatFen(shift.differenceFen ?? 0),
        note: shift.note,
        approvedBy: approvedBy?.name ?? null,
      },
    }),
  );
  events.on('day.closed', ({ close }, ctx) =>
    audit.record(ctx, {
      action: 'dayClose.commit',
      targetType: 'store',
      targetId: close.storeId,
      storeId: close.storeId,
      details: {
        businessDate: close.businessDate,
        net: formatFen(Number(close.totals.netFen ?? 0)),
        difference: formatFen(Number(close.totals.differenceFen ?? 0)),
      },
    }),
  );
}
