import { displayCode } from '../../../src-shared/coupons/codes';
import type { AuditService } from '../audit/service';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';

/**
 * What follows a redemption made or voided here: the cloud learns it (outbox), the audit log
 * says who did it, the UI refreshes. Changes pulled from other stores are the cloud's already;
 * a conflict's void is audited as the manager's settlement (sync/issues.ts).
 */
export function redemptionEffects(
  events: DomainEvents,
  adb: AppDatabase,
  {
    audit,
    outbox,
    templates,
  }: { audit: AuditService; outbox: OutboxService; templates: TemplatesService },
): void {
  events.on('redemption.completed', ({ redemption, origin }, ctx) => {
    if (origin !== 'local') return;
    outbox.add('redemption.completed', redemption.id, { ...redemption });
    audit.record(ctx, {
      action: 'redemption.redeem',
      targetType: 'coupon',
      targetId: redemption.couponId,
      storeId: redemption.storeId,
      details: {
        code: displayCode(redemption.code),
        discountFen: redemption.discountFen,
        template: templates.row(redemption.templateId).name,
      },
    });
  });
  events.on('redemption.voided', ({ redemption, voidedAt, voidedBy, reason, origin }, ctx) => {
    if (origin !== 'local') return;
    outbox.add('redemption.voided', redemption.id, {
      redemptionId: redemption.id,
      couponId: redemption.couponId,
      voidedAt,
      voidedBy: voidedBy?.id ?? null,
      reason,
    });
    audit.record(ctx, {
      action: 'redemption.void',
      targetType: 'redemption',
      targetId: redemption.id,
      storeId: redemption.storeId,
      details: {
        code: displayCode(redemption.code),
        discountFen: redemption.discountFen,
        manager: voidedBy?.name,
        reason,
      },
    });
  });
  events.afterCommit('redemption.completed', ({ redemption }) =>
    adb.bus.emit('redemption.changed', { redemptionId: redemption.id, status: 'completed' }),
  );
  events.afterCommit('redemption.voided', ({ redemption }) =>
    adb.bus.emit('redemption.changed', { redemptionId: redemption.id, status: 'voided' }),
  );
}
