import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import { skuLookup } from '../products/sku-of';

/** What follows a sale or a return: the cloud learns it, the audit log (returns), the UI. */
export function salesEffects(
  events: DomainEvents,
  adb: AppDatabase,
  { audit, outbox }: { audit: AuditService; outbox: OutboxService },
): void {
  const skuOf = skuLookup(adb);
  events.on('sale.recorded', ({ sale, lines, redemptionIds, movements, tenders }) =>
    outbox.add('sale.recorded', sale.id, {
      ...sale,
      lines,
      redemptionIds,
      tenders,
      movements: movements.map((m) => ({
        id: m.id,
        productId: m.productId,
        sku: skuOf(m.productId),
        qty: m.qty,
      })),
    }),
  );
  events.on('sale.returned', ({ sale, refundFen, refunds, reason, documentId, movements }, ctx) => {
    outbox.add('sale.returned', documentId, {
      documentId,
      movements: movements.map((m) => ({ ...m, sku: skuOf(m.productId) })),
      refunds,
    });
    audit.record(ctx, {
      action: 'sales.return',
      targetType: 'sale',
      targetId: sale.id,
      storeId: sale.storeId,
      details: {
        terminalSaleId: sale.terminalSaleId,
        refundFen,
        reason,
        refunds: refunds.map((r) => ({ kind: r.kind, amountFen: r.amountFen })),
      },
    });
  });
  // An import announces itself once, not one event per sale.
  events.afterCommit('sale.recorded', ({ sale, imported }) => {
    if (!imported) adb.bus.emit('sales.changed', { saleId: sale.id, storeId: sale.storeId });
  });
  events.afterCommit('sale.returned', ({ sale }) =>
    adb.bus.emit('sales.changed', { saleId: sale.id, storeId: sale.storeId }),
  );
}
