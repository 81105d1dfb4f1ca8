import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import type { PointsService } from './service';

/**
 * Points follow sales: a member's sale earns and burns, a return takes back and gives back (in
 * the sale's transaction, so a refused burn refuses the sale). Every movement goes to the cloud
 * as its own event: balances are sums, so two stores' movements merge without loss.
 */
export function pointsEffects(
  events: DomainEvents,
  { outbox, points }: { outbox: OutboxService; points: PointsService },
): void {
  events.on('sale.recorded', (event, ctx) => points.onSaleRecorded(ctx, event));
  events.on('sale.returned', (event, ctx) => points.onSaleReturned(ctx, event));
  events.on('points.moved', ({ lots, movements, pulled }) => {
    if (pulled) return;
    const lotsById = new Map(lots.map((lot) => [lot.id, lot]));
    for (const movement of movements) {
      const lot = lotsById.get(movement.lotId);
      outbox.add('points.moved', movement.id, {
        ...movement,
        ...(lot ? { availableAt: lot.availableAt, expiresAt: lot.expiresAt } : {}),
      });
    }
  });
}
