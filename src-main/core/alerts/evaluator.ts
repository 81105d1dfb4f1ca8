import type { Statement } from 'better-sqlite3';
import type { PayloadOf } from '../../../src-shared/contract';
import {
  DAY_MS,
  averageDailySales,
  isAboveHigh,
  isLowStock,
  isSlowMoving,
  suggestPayPermille,
  suggestRestockQty,
} from '../../../src-shared/inventory/alert-rules';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { DEFAULT_STOCK_SETTINGS, type StockPair } from '../stock/ledger';
import { HIGH_LEVEL, LOW_LEVEL, SLOW_DAYS, THRESHOLD_JOINS } from './thresholds-sql';

export type AlertScope = { all: true } | { storeId: string } | { pairs: StockPair[] };

export interface PassResult {
  /** Levels near a threshold (meeting a rule, or with the slow-moving clock running). */
  checked: number;
  raised: PayloadOf<'alerts.changed'>['raised'];
  raisedCount: number;
  resolved: number;
}

const d = DEFAULT_STOCK_SETTINGS;

interface PairState {
  qty: number;
  since: number | null;
  low: number | null;
  high: number | null;
  slow: number | null;
  hasOpen: 0 | 1;
}

/**
 * The alert pass, set-based: one statement per step over every level in scope (all stores, one
 * store, or the pairs a movement touched), never a loop over products in JS. The rules live in
 * src-shared/inventory/alert-rules.ts; the suggestions call them as SQLite functions, only for
 * the rows that raise an alert. Run inside the caller's write transaction.
 */
export class AlertEvaluator {
  private readonly passes = new Map<'all' | 'store' | 'pairs', Statement[]>();

  private readonly fillScope: Statement;

  private readonly clearScope: Statement;

  private readonly raisedNames: Statement;

  private readonly pairStates: Statement;

  private now = 0;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {
    const { sqlite } = adb;
    sqlite.function('alert_new_id', { deterministic: false }, () => newId(this.now));
    sqlite.function(
      'alert_restock',
      { deterministic: true },
      (qty, lowLevel, sold, windowDays, leadTimeDays, coverDays) => {
        const input = {
          qty: Number(qty),
          lowLevel: Number(lowLevel),
          soldInWindow: Number(sold),
          windowDays: Number(windowDays),
          leadTimeDays: Number(leadTimeDays),
          coverDays: Number(coverDays),
        };
        return JSON.stringify({
          qty: suggestRestockQty(input),
          avgDailySales: averageDailySales(input.soldInWindow, input.windowDays),
          windowDays: input.windowDays,
          leadTimeDays: input.leadTimeDays,
          coverDays: input.coverDays,
        });
      },
    );
    sqlite.function('alert_pay_permille', { deterministic: true }, (qty, high, price, cost) =>
      suggestPayPermille({
        qty: Number(qty),
        highLevel: Number(high),
        priceFen: Number(price),
        costFen: cost === null ? null : Number(cost),
      }),
    );
    // The pass's scratch tables stay in memory: nothing of them needs to reach the disk.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.exec(`
      CREATE TEMP TABLE IF NOT EXISTS alert_scope (store_id TEXT NOT NULL, product_id TEXT NOT NULL,
        PRIMARY KEY (store_id, product_id)) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS alert_eval (store_id TEXT NOT NULL, product_id TEXT NOT NULL,
        qty INTEGER NOT NULL, old_since INTEGER, since INTEGER, low INTEGER, high INTEGER,
        slow INTEGER, price_fen INTEGER NOT NULL, cost_fen INTEGER, window_days INTEGER NOT NULL,
        lead_days INTEGER NOT NULL, cover_days INTEGER NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS alert_cond (kind TEXT NOT NULL, store_id TEXT NOT NULL,
        product_id TEXT NOT NULL, qty INTEGER NOT NULL, low INTEGER, high INTEGER, slow INTEGER,
        since INTEGER, restock TEXT, pay_permille INTEGER,
        PRIMARY KEY (kind, store_id, product_id)) WITHOUT ROWID;
    `);
    this.fillScope = sqlite.prepare(
      'INSERT OR IGNORE INTO temp.alert_scope (store_id, product_id) VALUES (?, ?)',
    );
    this.clearScope = sqlite.prepare('DELETE FROM temp.alert_scope');
    this.raisedNames = sqlite.prepare(`
      SELECT a.id, a.kind, s.name AS storeName, p.name AS productName
      FROM stock_alerts a JOIN stores s ON s.id = a.store_id JOIN products p ON p.id = a.product_id
      WHERE a.id IN (SELECT value FROM json_each(?))`);
    this.pairStates = sqlite.prepare(`
      SELECT l.qty, l.above_high_since AS since, ${LOW_LEVEL} AS low, ${HIGH_LEVEL} AS high,
        ${SLOW_DAYS} AS slow,
        EXISTS (SELECT 1 FROM stock_alerts a WHERE a.store_id = l.store_id
          AND a.product_id = l.product_id AND a.status <> 'resolved') AS hasOpen
      FROM json_each(?) j
      JOIN stock_levels l ON l.store_id = j.value ->> 0 AND l.product_id = j.value ->> 1
      JOIN products p ON p.id = l.product_id
      ${THRESHOLD_JOINS}`);
  }

  /**
   * After a movement: the pass for the pairs it touched, but only when one of them has an open
   * alert or meets a rule (the rules in JS, on a few rows); most sales change nothing.
   */
  runForMovement(pairs: StockPair[]): PassResult | null {
    const now = this.clock.now();
    const states = this.pairStates.all(
      JSON.stringify(pairs.map((p) => [p.storeId, p.productId])),
    ) as PairState[];
    const needed = states.some(
      (s) =>
        s.hasOpen ||
        s.qty < 0 ||
        isLowStock(s.qty, s.low) ||
        isAboveHigh(s.qty, s.high) !== (s.since !== null) ||
        isSlowMoving(s.since, s.slow, now),
    );
    return needed ? this.run({ pairs }) : null;
  }

  /** Checks the levels in scope against their thresholds: raises, refreshes and resolves alerts. */
  run(scope: AlertScope): PassResult {
    this.now = this.clock.now();
    const kind = 'all' in scope ? 'all' : 'storeId' in scope ? 'store' : 'pairs';
    if ('pairs' in scope) {
      this.clearScope.run();
      for (const pair of scope.pairs) this.fillScope.run(pair.storeId, pair.productId);
    }
    const params = { now: this.now, storeId: 'storeId' in scope ? scope.storeId : null };
    const [clearEval, fillEval, moveClock, clearCond, fillCond, resolve, refresh, raise] =
      this.statementsFor(kind);
    clearEval!.run();
    const checked = fillEval!.run(params).changes;
    moveClock!.run();
    clearCond!.run();
    fillCond!.run(params);
    const resolved = resolve!.run(params).changes;
    refresh!.run(params);
    const raisedIds = (raise!.all(params) as { id: string }[]).map((r) => r.id);
    const raised = raisedIds.length
      ? (this.raisedNames.all(JSON.stringify(raisedIds.slice(0, 20))) as PassResult['raised'])
      : [];
    return { checked, raised, raisedCount: raisedIds.length, resolved };
  }

  private statementsFor(kind: 'all' | 'store' | 'pairs'): Statement[] {
    let statements = this.passes.get(kind);
    if (!statements) {
      statements = passSql(kind).map((source) => this.adb.sqlite.prepare(source));
      this.passes.set(kind, statements);
    }
    return statements;
  }
}

/** The steps of a pass; `kind` decides which levels (and which open alerts) are in scope. */
function passSql(kind: 'all' | 'store' | 'pairs'): string[] {
  const levelScope = {
    all: '1',
    store: 'l.store_id = :storeId',
    pairs: '(l.store_id, l.product_id) IN (SELECT store_id, product_id FROM temp.alert_scope)',
  }[kind];
  const alertScope = {
    all: '1',
    store: 'stock_alerts.store_id = :storeId',
    pairs:
      '(stock_alerts.store_id, stock_alerts.product_id) IN (SELECT store_id, product_id FROM temp.alert_scope)',
  }[kind];
  const sameTarget =
    'c.kind = stock_alerts.kind AND c.store_id = stock_alerts.store_id AND c.product_id = stock_alerts.product_id';
  return [
    'DELETE FROM temp.alert_eval',
    // Each level with the thresholds in force (see thresholds-sql.ts).
    `INSERT INTO temp.alert_eval
     SELECT l.store_id, l.product_id, l.qty, l.above_high_since,
       CASE WHEN l.qty > ${HIGH_LEVEL} THEN coalesce(l.above_high_since, :now) END,
       ${LOW_LEVEL}, ${HIGH_LEVEL}, ${SLOW_DAYS}, p.price_fen, p.cost_fen,
       coalesce(ss.sales_window_days, ${d.salesWindowDays}), coalesce(ss.lead_time_days, ${d.leadTimeDays}),
       coalesce(ss.cover_days, ${d.coverDays})
     FROM stock_levels l
     JOIN products p ON p.id = l.product_id AND p.active = 1
     ${THRESHOLD_JOINS}
     LEFT JOIN stock_settings ss ON ss.store_id = l.store_id
     WHERE ${levelScope}
       -- Only levels a rule could touch; the rest have no clock to stop and no alert to raise.
       AND (l.qty < 0 OR l.above_high_since IS NOT NULL OR l.qty <= ${LOW_LEVEL}
         OR l.qty > ${HIGH_LEVEL})`,
    // The slow-moving clock starts when a level goes above its high level and stops below it.
    `UPDATE stock_levels SET above_high_since = e.since
     FROM temp.alert_eval e
     WHERE stock_levels.store_id = e.store_id AND stock_levels.product_id = e.product_id
       AND e.since IS NOT e.old_since`,
    'DELETE FROM temp.alert_cond',
    `INSERT INTO temp.alert_cond
     SELECT 'negative_stock', store_id, product_id, qty, low, high, slow, since, NULL, NULL
       FROM temp.alert_eval WHERE qty < 0
     UNION ALL
     SELECT 'low_stock', e.store_id, e.product_id, e.qty, e.low, e.high, e.slow, e.since,
       alert_restock(e.qty, e.low,
         (SELECT coalesce(-sum(m.qty), 0) FROM stock_movements m
          WHERE m.store_id = e.store_id AND m.product_id = e.product_id
            AND m.created_at >= :now - e.window_days * ${DAY_MS} AND m.kind IN ('sale', 'return')),
         e.window_days, e.lead_days, e.cover_days), NULL
       FROM temp.alert_eval e WHERE e.low IS NOT NULL AND e.qty < e.low
     UNION ALL
     SELECT 'slow_moving', store_id, product_id, qty, low, high, slow, since, NULL,
       alert_pay_permille(qty, high, price_fen, cost_fen)
       FROM temp.alert_eval
       WHERE slow IS NOT NULL AND since IS NOT NULL AND since <= :now - slow * ${DAY_MS}`,
    // Open alerts whose cause is gone (or whose product was taken off sale) resolve themselves.
    `UPDATE stock_alerts SET status = 'resolved', resolved_at = :now, updated_at = :now
     WHERE status <> 'resolved' AND ${alertScope}
       AND NOT EXISTS (SELECT 1 FROM temp.alert_cond c WHERE ${sameTarget})`,
    // Open alerts still true follow the level; a snooze that ran out makes the alert new again.
    `UPDATE stock_alerts SET qty = c.qty, low_level = c.low, high_level = c.high,
       slow_days = c.slow, above_high_since = c.since, restock = c.restock,
       pay_permille = c.pay_permille, updated_at = :now,
       status = CASE WHEN status = 'snoozed' AND snoozed_until <= :now THEN 'new' ELSE status END,
       snoozed_until = CASE WHEN status = 'snoozed' AND snoozed_until <= :now THEN NULL ELSE snoozed_until END
     FROM temp.alert_cond c
     WHERE stock_alerts.status <> 'resolved' AND ${sameTarget}
       AND (stock_alerts.qty IS NOT c.qty OR stock_alerts.low_level IS NOT c.low
         OR stock_alerts.high_level IS NOT c.high OR stock_alerts.slow_days IS NOT c.slow
         OR stock_alerts.restock IS NOT c.restock OR stock_alerts.pay_permille IS NOT c.pay_permille
         OR (stock_alerts.status = 'snoozed' AND stock_alerts.snoozed_until <= :now))`,
    `INSERT INTO stock_alerts (id, kind, status, store_id, product_id, qty, low_level, high_level,
       slow_days, above_high_since, price_may_rise, restock, pay_permille, snoozed_until,
       coupon_template_id, acknowledged_by, raised_at, updated_at, resolved_at)
     SELECT alert_new_id(), c.kind, 'new', c.store_id, c.product_id, c.qty, c.low, c.high, c.slow,
       c.since, c.kind = 'low_stock', c.restock, c.pay_permille, NULL, NULL, NULL, :now, :now, NULL
     FROM temp.alert_cond c
     WHERE NOT EXISTS (SELECT 1 FROM stock_alerts WHERE status <> 'resolved' AND ${sameTarget})
     RETURNING id`,
  ];
}
