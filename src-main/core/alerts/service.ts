import { and, asc, count, desc, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type {
  Alert,
  AlertStatus,
  StrategyKind,
  Threshold,
} from '../../../src-shared/contract/alerts';
import {
  DAY_MS,
  discountCouponDrafts,
  discountedPriceFen,
} from '../../../src-shared/inventory/alert-rules';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Logger } from '../../../src-node/logger';
import type { HandlerContext } from '../platform/context';
import type { StrategyPublications } from '../strategies/publications';
import { newId } from '../../../src-node/ids';
import { products } from '../products/schema';
import { staff } from '../staff/schema';
import { stores } from '../stores/schema';
import type { StoresService } from '../stores/service';
import type { AlertEvaluator, AlertScope, PassResult } from './evaluator';
import type { StockPair } from '../stock/ledger';
import { stockAlerts, stockThresholds } from './schema';
import { thresholdScopeKey } from './thresholds-sql';

type AlertRow = typeof stockAlerts.$inferSelect;
type ThresholdRow = typeof stockThresholds.$inferSelect;

const OPEN: AlertStatus[] = ['new', 'acknowledged', 'snoozed'];

/** Stock alerts and the thresholds behind them; the strategies are read from the open alerts. */
export class AlertsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly evaluator: AlertEvaluator,
    /** Advice shown to consumers: withdrawn when its alert is resolved. */
    private readonly publications: StrategyPublications,
  ) {}

  /** Runs the pass inside the caller's write and tells the UI what was raised or resolved. */
  evaluateWithin(scope: AlertScope) {
    return this.announce(this.evaluator.run(scope));
  }

  /** The incremental check after movements (inside their write): only the pairs they touched. */
  afterMovements(pairs: StockPair[]) {
    const result = this.evaluator.runForMovement(pairs);
    if (result) this.announce(result);
  }

  private announce(result: PassResult): PassResult {
    if (result.resolved) this.publications.withdrawResolved();
    if (result.raisedCount || result.resolved)
      this.adb.emitAfterCommit('alerts.changed', {
        raised: result.raised,
        resolved: result.resolved,
      });
    return result;
  }

  /**
   * The daily pass in the background: shortly after start-up and then every 6 hours (a
   * slow-moving period ends with no movement to notice it). Stopped by `close()`.
   */
  schedule(
    logger: Logger,
    { firstMs = 10_000, everyMs = 6 * 60 * 60 * 1000 } = {},
    /** The pass itself (createCore runs it in the inventory worker for a large shop). */
    pass: () => unknown = () => this.evaluate({}),
  ) {
    const run = async () => {
      try {
        logger.info('daily alert pass', { result: await pass() });
      } catch (error) {
        logger.error('daily alert pass failed', { error });
      }
    };
    const first = setTimeout(() => void run(), firstMs);
    const every = setInterval(() => void run(), everyMs);
    first.unref();
    every.unref();
    return {
      stop() {
        clearTimeout(first);
        clearInterval(every);
      },
    };
  }

  /** The daily pass (also at start-up): every level, or one store's. */
  evaluate(input: ParsedInputOf<'alerts.evaluate'>): OutputOf<'alerts.evaluate'> {
    if (input.storeId) this.stores.get(input.storeId);
    const started = performance.now();
    const result = this.adb.write(() =>
      this.evaluateWithin(input.storeId ? { storeId: input.storeId } : { all: true }),
    );
    const open = this.adb.db
      .select({ n: count() })
      .from(stockAlerts)
      .where(
        and(
          ne(stockAlerts.status, 'resolved'),
          input.storeId ? eq(stockAlerts.storeId, input.storeId) : undefined,
        ),
      )
      .get()!.n;
    return {
      checked: result.checked,
      raised: result.raisedCount,
      resolved: result.resolved,
      open,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  list(input: ParsedInputOf<'alerts.list'>): OutputOf<'alerts.list'> {
    const a = stockAlerts;
    const filters: SQL[] = [inArray(a.status, input.statuses ?? OPEN)];
    if (input.storeId) filters.push(eq(a.storeId, input.storeId));
    if (input.kind) filters.push(eq(a.kind, input.kind));
    if (input.productId) filters.push(eq(a.productId, input.productId));
    if (input.before) filters.push(lt(a.id, input.before));
    const rows = this.adb.db
      .select()
      .from(a)
      .where(and(...filters))
      .orderBy(desc(a.id))
      .limit(input.limit + 1)
      .all();
    const items = this.toAlerts(rows.slice(0, input.limit));
    return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  counts(input: ParsedInputOf<'alerts.counts'>): OutputOf<'alerts.counts'> {
    const rows = this.adb.db
      .select({ status: stockAlerts.status, kind: stockAlerts.kind, n: count() })
      .from(stockAlerts)
      .where(
        and(
          ne(stockAlerts.status, 'resolved'),
          input.storeId ? eq(stockAlerts.storeId, input.storeId) : undefined,
        ),
      )
      .groupBy(stockAlerts.status, stockAlerts.kind)
      .all();
    const counts: OutputOf<'alerts.counts'> = {
      new: 0,
      acknowledged: 0,
      snoozed: 0,
      byKind: { low_stock: 0, slow_moving: 0, negative_stock: 0 },
    };
    for (const row of rows) {
      if (row.status !== 'resolved') counts[row.status] += row.n;
      if (row.status === 'new') counts.byKind[row.kind] += row.n;
    }
    return counts;
  }

  acknowledge(ctx: HandlerContext, input: ParsedInputOf<'alerts.acknowledge'>): Alert {
    return this.change(ctx, input.id, 'alerts.acknowledge', (row) => ({
      status: 'acknowledged',
      snoozedUntil: null,
      acknowledgedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
      couponTemplateId: input.couponTemplateId ?? row.couponTemplateId,
    }));
  }

  snooze(ctx: HandlerContext, input: ParsedInputOf<'alerts.snooze'>): Alert {
    return this.change(ctx, input.id, 'alerts.snooze', () => ({
      status: 'snoozed',
      snoozedUntil: this.clock.now() + input.days * DAY_MS,
    }));
  }

  thresholds(input: ParsedInputOf<'alerts.thresholds'>): Threshold[] {
    const t = stockThresholds;
    const rows = this.adb.db
      .select()
      .from(t)
      .where(
        and(
          input.storeId ? eq(t.storeId, input.storeId) : undefined,
          input.productId ? eq(t.productId, input.productId) : undefined,
          input.category !== undefined ? eq(t.category, input.category) : undefined,
        ),
      )
      .orderBy(asc(t.scopeKey))
      .all();
    return this.toThresholds(rows);
  }

  setThresholds(
    ctx: HandlerContext,
    input: ParsedInputOf<'alerts.setThresholds'>,
  ): OutputOf<'alerts.setThresholds'> {
    const { target, lowLevel, highLevel, slowDays } = input;
    if (target.storeId) this.stores.get(target.storeId);
    return this.adb.write(() => {
      const { db } = this.adb;
      const scopeKey = thresholdScopeKey(target);
      const cleared = lowLevel === null && highLevel === null && slowDays === null;
      let threshold: Threshold | null = null;
      if (cleared) {
        db.delete(stockThresholds).where(eq(stockThresholds.scopeKey, scopeKey)).run();
      } else {
        const now = this.clock.now();
        const values = { lowLevel, highLevel, slowDays, updatedAt: now };
        db.insert(stockThresholds)
          .values({
            id: newId(),
            scopeKey,
            productId: 'productId' in target ? target.productId : null,
            category: 'category' in target ? target.category : null,
            storeId: target.storeId,
            ...values,
          })
          .onConflictDoUpdate({ target: stockThresholds.scopeKey, set: values })
          .run();
        const row = db
          .select()
          .from(stockThresholds)
          .where(eq(stockThresholds.scopeKey, scopeKey))
          .get()!;
        threshold = this.toThresholds([row])[0]!;
      }
      this.audit.record(ctx, {
        action: 'alerts.setThresholds',
        targetType: 'productId' in target ? 'product' : 'category',
        targetId: 'productId' in target ? target.productId : undefined,
        storeId: target.storeId,
        details: {
          ...('category' in target ? { category: target.category } : {}),
          lowLevel,
          highLevel,
          slowDays,
        },
      });
      // A category default can touch thousands of levels: the set-based pass of that store
      // (or all stores) is cheaper than finding them one by one.
      this.evaluateWithin(target.storeId ? { storeId: target.storeId } : { all: true });
      return { threshold };
    });
  }

  strategies(input: ParsedInputOf<'strategies.list'>): OutputOf<'strategies.list'> {
    const store = this.stores.get(input.storeId);
    const rows = this.adb.db
      .select({ alert: stockAlerts, product: products })
      .from(stockAlerts)
      .innerJoin(products, eq(products.id, stockAlerts.productId))
      .where(
        and(
          eq(stockAlerts.storeId, store.id),
          ne(stockAlerts.status, 'resolved'),
          inArray(stockAlerts.kind, ['low_stock', 'slow_moving']),
        ),
      )
      .orderBy(asc(products.sku))
      .all();
    const published = this.publications.publishedAt(store.id);
    const item = ({ alert, product }: (typeof rows)[number], kind: StrategyKind) => ({
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      category: product.category,
      priceFen: product.priceFen,
      qty: alert.qty,
      since: alert.raisedAt,
      alertId: alert.id,
      publishedAt: published.get(`${product.id}:${kind}`) ?? null,
    });
    return {
      storeId: store.id,
      discounted: rows
        .filter((r) => r.alert.kind === 'slow_moving' && r.alert.payPermille !== null)
        .map((r) => ({
          ...item(r, 'discounted'),
          payPermille: r.alert.payPermille!,
          discountedPriceFen: discountedPriceFen(r.product.priceFen, r.alert.payPermille!),
          couponTemplateId: r.alert.couponTemplateId,
        })),
      priceMayRise: rows
        .filter((r) => r.alert.kind === 'low_stock')
        .map((r) => ({ ...item(r, 'priceMayRise'), lowLevel: r.alert.lowLevel ?? 0 })),
    };
  }

  private change(
    ctx: HandlerContext,
    id: string,
    action: string,
    set: (row: AlertRow) => Partial<AlertRow>,
  ): Alert {
    return this.adb.write(() => {
      const { db } = this.adb;
      const row = db.select().from(stockAlerts).where(eq(stockAlerts.id, id)).get();
      if (!row) throw new AppError('ALERT_NOT_FOUND', { id });
      if (row.status === 'resolved') throw new AppError('ALERT_RESOLVED');
      db.update(stockAlerts)
        .set({ ...set(row), updatedAt: this.clock.now() })
        .where(eq(stockAlerts.id, id))
        .run();
      const after = this.toAlerts([
        db.select().from(stockAlerts).where(eq(stockAlerts.id, id)).get()!,
      ])[0]!;
      this.audit.record(ctx, {
        action,
        targetType: 'product',
        targetId: row.productId,
        storeId: row.storeId,
        details: { kind: row.kind, product: after.productName, status: after.status },
      });
      this.adb.emitAfterCommit('alerts.changed', { raised: [], resolved: 0 });
      return after;
    });
  }

  private toAlerts(rows: AlertRow[]): Alert[] {
    if (!rows.length) return [];
    const { db } = this.adb;
    const productRows = db
      .select()
      .from(products)
      .where(inArray(products.id, [...new Set(rows.map((r) => r.productId))]))
      .all();
    const storeRows = db.select({ id: stores.id, name: stores.name }).from(stores).all();
    const staffIds = [...new Set(rows.map((r) => r.acknowledgedBy).filter((id) => id !== null))];
    const staffRows = staffIds.length
      ? db
          .select({ id: staff.id, name: staff.name })
          .from(staff)
          .where(inArray(staff.id, staffIds))
          .all()
      : [];
    const productById = new Map(productRows.map((p) => [p.id, p]));
    const storeName = new Map(storeRows.map((s) => [s.id, s.name]));
    const staffName = new Map(staffRows.map((s) => [s.id, s.name]));
    return rows.map((row) => {
      const product = productById.get(row.productId)!;
      const discount =
        row.kind === 'slow_moving' && row.payPermille !== null
          ? {
              payPermille: row.payPermille,
              unitPriceFen: product.priceFen,
              discountedPriceFen: discountedPriceFen(product.priceFen, row.payPermille),
              ...discountCouponDrafts({
                productId: product.id,
                productName: product.name,
                storeId: row.storeId,
                priceFen: product.priceFen,
                payPermille: row.payPermille,
              }),
            }
          : null;
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        storeId: row.storeId,
        storeName: storeName.get(row.storeId) ?? '',
        productId: row.productId,
        sku: product.sku,
        productName: product.name,
        category: product.category,
        qty: row.qty,
        lowLevel: row.lowLevel,
        highLevel: row.highLevel,
        slowDays: row.slowDays,
        aboveHighSince: row.aboveHighSince,
        priceMayRise: row.priceMayRise,
        restock: row.kind === 'low_stock' ? (row.restock ?? null) : null,
        discount,
        snoozedUntil: row.snoozedUntil,
        couponTemplateId: row.couponTemplateId,
        acknowledgedByName: row.acknowledgedBy ? (staffName.get(row.acknowledgedBy) ?? null) : null,
        raisedAt: row.raisedAt,
        updatedAt: row.updatedAt,
        resolvedAt: row.resolvedAt,
      };
    });
  }

  private toThresholds(rows: ThresholdRow[]): Threshold[] {
    if (!rows.length) return [];
    const { db } = this.adb;
    const productIds = rows.map((r) => r.productId).filter((id) => id !== null);
    const productRows = productIds.length
      ? db.select().from(products).where(inArray(products.id, productIds)).all()
      : [];
    const storeRows = db.select({ id: stores.id, name: stores.name }).from(stores).all();
    const productById = new Map(productRows.map((p) => [p.id, p]));
    const storeName = new Map(storeRows.map((s) => [s.id, s.name]));
    return rows.map((row) => ({
      id: row.id,
      productId: row.productId,
      productName: row.productId ? (productById.get(row.productId)?.name ?? null) : null,
      sku: row.productId ? (productById.get(row.productId)?.sku ?? null) : null,
      category: row.category,
      storeId: row.storeId,
      storeName: row.storeId ? (storeName.get(row.storeId) ?? null) : null,
      lowLevel: row.lowLevel,
      highLevel: row.highLevel,
      slowDays: row.slowDays,
      updatedAt: row.updatedAt,
    }));
  }
}
