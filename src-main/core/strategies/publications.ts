import { and, eq, inArray, ne } from 'drizzle-orm';
import type { StrategyKind } from '../../../src-shared/contract/alerts';
import { discountedPriceFen } from '../../../src-shared/inventory/alert-rules';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { stockAlerts } from '../alerts/schema';
import type { AppDatabase } from '../db/database';
import type { PublishedStrategyRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type DomainEvents, type EventContext } from '../events/domain-events';
import type { HandlerContext } from '../platform/context';
import { products } from '../products/schema';
import { staffIdOf } from '../stock/ledger';
import { publishedStrategies } from './schema';

/** The alert each kind of advice comes from. */
const ALERT_KIND = { discounted: 'slow_moving', priceMayRise: 'low_stock' } as const;

interface Target {
  storeId: string;
  productId: string;
  kind: StrategyKind;
}

/**
 * The only writer of published_strategies: a manager shows an item of a store's advice to
 * consumers, or stops; an advice whose alert is resolved is withdrawn in the same write. Each
 * change is a `strategy.changed` event (the cloud learns it through the outbox, see effects.ts).
 */
export class StrategyPublications {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  publish(ctx: HandlerContext, target: Target): { publishedAt: number } {
    return this.adb.write(() => {
      const alert = this.openAlert(target);
      // Only an item the store's advice names now: a resolved alert has nothing to show.
      if (!alert || (target.kind === 'discounted' && alert.payPermille === null))
        throw new AppError('STRATEGY_NOT_ADVISED');
      const now = this.clock.now();
      const existing = this.row(target);
      if (existing?.status === 'published' && existing.alertId === alert.id)
        return { publishedAt: existing.publishedAt };
      const publication: PublishedStrategyRow = {
        id: existing?.id ?? newId(now),
        ...target,
        alertId: alert.id,
        status: 'published',
        publishedAt: now,
        publishedBy: staffIdOf(ctx),
        withdrawnAt: null,
        updatedAt: now,
      };
      this.adb.db
        .insert(publishedStrategies)
        .values(publication)
        .onConflictDoUpdate({
          target: [publishedStrategies.storeId, publishedStrategies.productId, publishedStrategies.kind],
          set: publication,
        })
        .run();
      this.record(ctx, publication, alert);
      return { publishedAt: now };
    });
  }

  unpublish(ctx: HandlerContext, target: Target): { withdrawn: boolean } {
    return this.adb.write(() => {
      const existing = this.row(target);
      if (existing?.status !== 'published') return { withdrawn: false };
      this.withdraw(ctx, existing);
      return { withdrawn: true };
    });
  }

  /** Inside an alert pass's write: advice whose alert was resolved is no longer shown. */
  withdrawResolved(): void {
    const stale = this.adb.db
      .select({ publication: publishedStrategies })
      .from(publishedStrategies)
      .innerJoin(stockAlerts, eq(stockAlerts.id, publishedStrategies.alertId))
      .where(and(eq(publishedStrategies.status, 'published'), eq(stockAlerts.status, 'resolved')))
      .all();
    for (const { publication } of stale) this.withdraw(SYSTEM_CONTEXT, publication);
  }

  /** When each item of a store was published, by product and kind (for the advice list). */
  publishedAt(storeId: string): Map<string, number> {
    const rows = this.adb.db
      .select()
      .from(publishedStrategies)
      .where(
        and(eq(publishedStrategies.storeId, storeId), eq(publishedStrategies.status, 'published')),
      )
      .all();
    return new Map(rows.map((row) => [`${row.productId}:${row.kind}`, row.publishedAt]));
  }

  private withdraw(ctx: EventContext, existing: PublishedStrategyRow) {
    const now = this.clock.now();
    const publication: PublishedStrategyRow = {
      ...existing,
      status: 'withdrawn',
      withdrawnAt: now,
      updatedAt: now,
    };
    this.adb.db
      .update(publishedStrategies)
      .set(publication)
      .where(eq(publishedStrategies.id, existing.id))
      .run();
    const alert = this.adb.db
      .select()
      .from(stockAlerts)
      .where(eq(stockAlerts.id, existing.alertId))
      .get();
    this.record(ctx, publication, alert ?? null);
  }

  private record(
    ctx: EventContext,
    publication: PublishedStrategyRow,
    alert: Pick<typeof stockAlerts.$inferSelect, 'payPermille' | 'couponTemplateId'> | null,
  ) {
    const product = this.adb.db
      .select()
      .from(products)
      .where(eq(products.id, publication.productId))
      .get()!;
    const discounted = publication.kind === 'discounted' && alert?.payPermille != null;
    this.events.record(ctx, 'strategy.changed', {
      publication,
      item: {
        sku: product.sku,
        productName: product.name,
        category: product.category,
        priceFen: product.priceFen,
        payPermille: discounted ? alert.payPermille : null,
        discountedPriceFen: discounted
          ? discountedPriceFen(product.priceFen, alert.payPermille!)
          : null,
        couponTemplateId: discounted ? alert.couponTemplateId : null,
      },
    });
  }

  private row(target: Target): PublishedStrategyRow | undefined {
    return this.adb.db
      .select()
      .from(publishedStrategies)
      .where(
        and(
          eq(publishedStrategies.storeId, target.storeId),
          eq(publishedStrategies.productId, target.productId),
          eq(publishedStrategies.kind, target.kind),
        ),
      )
      .get();
  }

  private openAlert(target: Target) {
    return this.adb.db
      .select()
      .from(stockAlerts)
      .where(
        and(
          eq(stockAlerts.storeId, target.storeId),
          eq(stockAlerts.productId, target.productId),
          inArray(stockAlerts.kind, [ALERT_KIND[target.kind]]),
          ne(stockAlerts.status, 'resolved'),
        ),
      )
      .get();
  }
}
