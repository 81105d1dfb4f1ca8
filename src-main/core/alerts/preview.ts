import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import {
  DAY_MS,
  isAboveHigh,
  isLowStock,
  isSlowMoving,
} from '../../../src-shared/inventory/alert-rules';
import type { Sqlite } from '../db/open';
import type { Clock } from '../../../src-node/clock';
import type { StoresService } from '../stores/service';

interface ScopeRow {
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  qty: number;
}

/** A preview lists at most this many products per rule (the counts stay whole). */
const MAX_LISTED = 200;

/**
 * What a low level and a slow-moving rule would flag in a store, before they are saved: for the
 * thresholds form, so a new shop sees its rule at work on day one instead of an empty alerts
 * list. Slow-moving is dated from the stock history: since when each product has stood above
 * the high level, and from when it would be flagged if nothing sells.
 */
export class AlertRulePreview {
  private readonly q;

  constructor(
    sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly stores: StoresService,
  ) {
    this.q = {
      scope: sqlite.prepare<
        { storeId: string; productId: string | null; category: string | null },
        ScopeRow
      >(
        `SELECT p.id productId, p.sku, p.name productName, p.unit, COALESCE(l.qty, 0) qty
           FROM products p
           LEFT JOIN stock_levels l ON l.store_id = :storeId AND l.product_id = p.id
          WHERE (p.active = 1 OR COALESCE(l.qty, 0) <> 0)
            AND (:productId IS NULL OR p.id = :productId)
            -- A category's rule does not reach products with thresholds of their own here.
            AND (:category IS NULL OR (p.category = :category AND NOT EXISTS (
                  SELECT 1 FROM stock_thresholds t WHERE t.scope_key = 'p:' || p.id || ':' || :storeId)))
          ORDER BY p.sku`,
      ),
      lastAtOrBelow: sqlite.prepare<
        { storeId: string; productId: string; high: number },
        { at: number | null }
      >(
        `SELECT max(created_at) at FROM stock_movements
          WHERE product_id = :productId AND store_id = :storeId AND level_after <= :high`,
      ),
      firstAfter: sqlite.prepare<
        { storeId: string; productId: string; after: number },
        { at: number | null }
      >(
        `SELECT min(created_at) at FROM stock_movements
          WHERE product_id = :productId AND store_id = :storeId AND created_at > :after`,
      ),
      firstMovement: sqlite.prepare<{ storeId: string }, { at: number | null }>(
        `SELECT min(created_at) at FROM stock_movements WHERE store_id = :storeId`,
      ),
    };
  }

  preview(input: ParsedInputOf<'alerts.previewRules'>): OutputOf<'alerts.previewRules'> {
    const store = this.stores.get(input.storeId);
    const now = this.clock.now();
    const rows = this.q.scope.all({
      storeId: store.id,
      productId: input.productId ?? null,
      category: input.productId ? null : (input.category ?? null),
    });
    const first = this.q.firstMovement.get({ storeId: store.id })?.at ?? null;
    const low: OutputOf<'alerts.previewRules'>['low'] = [];
    const aboveHigh: OutputOf<'alerts.previewRules'>['aboveHigh'] = [];
    for (const row of rows) {
      if (input.lowLevel !== null && isLowStock(row.qty, input.lowLevel))
        low.push({ ...row, lowLevel: input.lowLevel });
      if (input.highLevel !== null && isAboveHigh(row.qty, input.highLevel)) {
        const since = this.aboveHighSince(store.id, row.productId, input.highLevel) ?? now;
        aboveHigh.push({
          ...row,
          aboveHighSince: since,
          flaggedFrom: input.slowDays === null ? null : since + input.slowDays * DAY_MS,
          slowNow: isSlowMoving(since, input.slowDays, now),
        });
      }
    }
    aboveHigh.sort((a, b) => a.aboveHighSince - b.aboveHighSince);
    return {
      products: rows.length,
      historyDays: first === null ? 0 : Math.floor((now - first) / DAY_MS),
      low: low.slice(0, MAX_LISTED),
      aboveHigh: aboveHigh.slice(0, MAX_LISTED),
    };
  }

  /** When the level last rose above `high` and stayed there: the movement after the last one at or below it. */
  private aboveHighSince(storeId: string, productId: string, high: number): number | null {
    const after = this.q.lastAtOrBelow.get({ storeId, productId, high })?.at ?? -1;
    return this.q.firstAfter.get({ storeId, productId, after })?.at ?? null;
  }
}
