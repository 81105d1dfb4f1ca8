import type { AlertsService } from '../alerts/service';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { StockDocumentFacts } from '../events/catalogue';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import type { DesktopEventKind } from '../../../src-shared/sync/events';
import { pairsOf } from './ledger';
import { skuLookup } from '../products/sku-of';

/** The outbox topic of each document's movements (a sale's and a return's go with the sale). */
const OUTBOX_TOPICS: Partial<
  Record<StockDocumentFacts['kind'], DesktopEventKind & `stock.${string}`>
> = {
  receipt: 'stock.received',
  stocktake: 'stock.adjusted',
  transfer: 'stock.transferred',
};

/**
 * What follows stock moving: the alerts of what moved are checked, the cloud learns of
 * receipts, stocktakes and transfers, the audit log names them, and the UI refreshes.
 */
export function stockEffects(
  events: DomainEvents,
  adb: AppDatabase,
  { audit, outbox, alerts }: { audit: AuditService; outbox: OutboxService; alerts: AlertsService },
): void {
  const skuOf = skuLookup(adb);
  events.on('stock.moved', ({ movements }) => alerts.afterMovements(pairsOf(movements)));
  // The stock an undone import took is back: its alerts are checked again.
  events.on('sales.importUndone', ({ pairs }) => {
    if (pairs.length) alerts.evaluateWithin({ pairs });
  });
  events.on('stock.moved', ({ movements, document }, ctx) => {
    const topic = OUTBOX_TOPICS[document.kind];
    if (topic)
      outbox.add(topic, document.id, {
        documentId: document.id,
        movements: movements.map((m) => ({ ...m, sku: skuOf(m.productId) })),
      });
    const audited = {
      targetType: 'stockDocument',
      targetId: document.id,
      storeId: document.storeId,
    };
    const units = (qty: number[]) => qty.reduce((total, q) => total + q, 0);
    switch (document.kind) {
      case 'receipt':
        audit.record(ctx, {
          action: 'stock.receive',
          ...audited,
          details: {
            lines: document.lines,
            units: units(movements.map((m) => Math.abs(m.qty))),
            supplier: document.supplier,
          },
        });
        break;
      case 'stocktake':
        audit.record(ctx, {
          action: 'stock.adjust',
          ...audited,
          details: {
            counted: document.counted,
            differences: movements.length,
            units: units(movements.map((m) => m.qty)),
          },
        });
        break;
      case 'transfer':
        audit.record(ctx, {
          action: 'stock.transfer',
          ...audited,
          details: {
            to: document.toStoreName,
            lines: document.lines,
            units: units(movements.filter((m) => m.qty > 0).map((m) => m.qty)),
          },
        });
        break;
    }
  });
  events.afterCommit('stock.moved', ({ movements }) => {
    const pairs = pairsOf(movements);
    for (const storeId of new Set(pairs.map((p) => p.storeId)))
      adb.bus.emit('stock.changed', {
        storeId,
        productIds: pairs.filter((p) => p.storeId === storeId).map((p) => p.productId),
      });
  });
}
