import { displayCode } from '../../../src-shared/coupons/codes';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';

/** Codes listed in a `coupons.issued` outbox row; a larger batch is announced by its count. */
const MAX_CODES_PER_ANNOUNCEMENT = 1000;

/** What follows codes issued or cancelled here: the cloud learns it, the audit log, the UI. */
export function couponEffects(
  events: DomainEvents,
  adb: AppDatabase,
  { audit, outbox }: { audit: AuditService; outbox: OutboxService },
): void {
  events.on('coupons.issued', (issued) => {
    if (issued.origin !== 'local' || !issued.batchId) return;
    outbox.add('coupons.issued', issued.batchId, {
      batchId: issued.batchId,
      templateId: issued.templateId,
      templateVersion: issued.templateVersion,
      storeId: issued.storeId,
      count: issued.count,
      phone: issued.phone,
      validFrom: issued.validFrom,
      validUntil: issued.validUntil,
      codes: issued.count <= MAX_CODES_PER_ANNOUNCEMENT ? issued.codes : undefined,
    });
  });
  events.afterCommit('coupons.issued', ({ templateId, origin }) => {
    if (origin === 'local') adb.bus.emit('coupons.templateChanged', { templateId });
  });
  events.on('coupons.cancelled', ({ coupon, at, reason, pulled }, ctx) => {
    // Cancelled elsewhere (a transfer in the wallet, another PC): the cloud has it already.
    if (!pulled) outbox.add('coupons.cancelled', coupon.id, { code: coupon.code, at, reason });
    audit.record(ctx, {
      action: 'coupons.cancel',
      targetType: 'coupon',
      targetId: coupon.id,
      details: { code: displayCode(coupon.code), reason },
    });
  });
}
