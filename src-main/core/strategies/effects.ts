import type { AuditService } from '../audit/service';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';

/** What follows an item of advice published or withdrawn: the cloud learns it, the audit log. */
export function strategyEffects(
  events: DomainEvents,
  { audit, outbox }: { audit: AuditService; outbox: OutboxService },
): void {
  events.on('strategy.changed', ({ publication, item }, ctx) => {
    outbox.add('strategies.changed', publication.id, {
      storeId: publication.storeId,
      productId: publication.productId,
      kind: publication.kind,
      status: publication.status,
      ...item,
      updatedAt: publication.updatedAt,
    });
    audit.record(ctx, {
      action: publication.status === 'published' ? 'strategies.publish' : 'strategies.unpublish',
      targetType: 'product',
      targetId: publication.productId,
      storeId: publication.storeId,
      details: { kind: publication.kind, product: item.productName },
    });
  });
}
