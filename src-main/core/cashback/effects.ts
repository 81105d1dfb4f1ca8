import { displayCode } from '../../../src-shared/coupons/codes';
import type { AuditService } from '../audit/service';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import type { ProductsService } from '../products/service';

/** What follows a cashback code issued or paid here: the cloud learns it, and the audit log. */
export function cashbackEffects(
  events: DomainEvents,
  {
    audit,
    outbox,
    products,
  }: { audit: AuditService; outbox: OutboxService; products: ProductsService },
): void {
  events.on('cashback.issued', ({ code }) => outbox.add('cashback.issued', code.id, { ...code }));
  events.on('cashback.paid', ({ code, phone, at, via, origin }, ctx) => {
    if (origin !== 'local') return;
    outbox.add('cashback.redeemed', code.id, {
      id: code.id,
      code: code.code,
      phone,
      redeemedAt: at,
      via,
    });
    audit.record(ctx, {
      action: 'cashback.redeem',
      targetType: 'cashbackCode',
      targetId: code.id,
      storeId: code.storeId,
      details: {
        code: displayCode(code.code),
        rewardFen: code.rewardFen,
        product: products.get(code.productId).name,
      },
    });
  });
}
