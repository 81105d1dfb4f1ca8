import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rebuildRollups } from '../../src-main/core/analytics/rebuild';
import type { Core } from '../../src-main/core';
import { callers } from './core';

// Live rollups against a rebuild: the charts must never disagree with the till. Every rollup
// table is read whole (a test shop is small), keyed and sorted, and compared row by row with
// what `analytics.rebuildRollups` makes of the raw tables.

/** A rollup table: its key columns and the counters under each key (as in the schema). */
export interface RollupTable {
  name: string;
  keys: readonly string[];
  measures: readonly string[];
}

/**
 * The tables compared, written out here rather than imported, so the test keeps its own idea of
 * what a chart reads when the writer is rewritten. `customer_store_first` is rebuilt beside them
 * (it decides returning customers), so it is compared too.
 */
export const ROLLUPS: readonly RollupTable[] = [
  {
    name: 'rollup_store_day',
    keys: ['store_id', 'day'],
    measures: [
      'sales',
      'sales_fen',
      'refund_fen',
      'items',
      'identified_sales',
      'returning_sales',
      'redemptions',
      'discount_fen',
      'cashback',
      'cashback_fen',
      'voids',
    ],
  },
  {
    name: 'rollup_store_product_day',
    keys: ['store_id', 'product_id', 'day'],
    measures: ['sales', 'qty', 'revenue_fen', 'returned_qty', 'refund_fen', 'redemptions'],
  },
  {
    name: 'rollup_product_day',
    keys: ['product_id', 'day'],
    measures: ['sales', 'qty', 'revenue_fen', 'returned_qty', 'refund_fen', 'redemptions'],
  },
  {
    name: 'rollup_template_day',
    keys: ['template_id', 'store_id', 'day'],
    measures: ['issued', 'claimed', 'redeemed', 'cost_fen', 'order_revenue_fen', 'voided'],
  },
  {
    name: 'rollup_region_day',
    keys: ['product_id', 'day', 'kind', 'store_id', 'province_code', 'city_code'],
    measures: ['count', 'amount_fen'],
  },
  {
    name: 'rollup_cashier_day',
    keys: ['staff_id', 'store_id', 'day'],
    measures: ['sales', 'sales_fen', 'redemptions', 'discount_fen', 'cashback', 'voids'],
  },
  {
    name: 'rollup_consumer_day',
    keys: ['phone', 'day', 'store_id', 'product_id', 'kind'],
    measures: ['count', 'amount_fen'],
  },
  {
    name: 'customer_store_first',
    keys: ['store_id', 'phone'],
    measures: ['first_sold_at'],
  },
  {
    name: 'rollup_customer_day',
    keys: ['phone', 'day', 'store_id', 'product_id'],
    measures: ['sales', 'qty', 'spend_fen', 'refund_fen'],
  },
];

type Row = Record<string, string | number | null>;
/** Per table: rows by their key (the key columns joined by ' | '). */
export type RollupSnapshot = Record<string, Map<string, Row>>;

const keyOf = (table: RollupTable, row: Row) => table.keys.map((k) => String(row[k])).join(' | ');

/**
 * Every compared table, sorted by key. Rows whose counters are all zero are dropped: a void
 * brings the live row back to zero and leaves it, while the rebuild never makes it.
 */
export function snapshotRollups(sqlite: Database.Database): RollupSnapshot {
  const snapshot: RollupSnapshot = {};
  for (const table of ROLLUPS) {
    const rows = sqlite
      .prepare(
        `SELECT ${[...table.keys, ...table.measures].join(', ')} FROM ${table.name}
         ORDER BY ${table.keys.join(', ')}`,
      )
      .all() as Row[];
    snapshot[table.name] = new Map(
      rows
        .filter((row) => table.measures.some((m) => row[m] !== 0))
        .map((row) => [keyOf(table, row), row]),
    );
  }
  return snapshot;
}

export interface TableDiff {
  table: string;
  /** Rows the live tables have and the rebuild does not (key → counters). */
  onlyLive: string[];
  onlyRebuilt: string[];
  /** Same key, other counters: `key: measure live → rebuilt`. */
  differ: string[];
}

const measuresText = (table: RollupTable, row: Row) =>
  table.measures
    .filter((m) => row[m] !== 0)
    .map((m) => `${m}=${row[m]}`)
    .join(' ');

/** Table by table, row by row: what the live side has that the rebuild has not, and back. */
export function diffRollups(live: RollupSnapshot, rebuilt: RollupSnapshot): TableDiff[] {
  const diffs: TableDiff[] = [];
  for (const table of ROLLUPS) {
    const a = live[table.name]!;
    const b = rebuilt[table.name]!;
    const diff: TableDiff = { table: table.name, onlyLive: [], onlyRebuilt: [], differ: [] };
    for (const [key, row] of a) {
      const other = b.get(key);
      if (!other) diff.onlyLive.push(`${key}: ${measuresText(table, row)}`);
      else {
        const changed = table.measures
          .filter((m) => row[m] !== other[m])
          .map((m) => `${m} ${row[m]} → ${other[m]}`);
        if (changed.length) diff.differ.push(`${key}: ${changed.join(', ')}`);
      }
    }
    for (const [key, row] of b)
      if (!a.has(key)) diff.onlyRebuilt.push(`${key}: ${measuresText(table, row)}`);
    if (diff.onlyLive.length || diff.onlyRebuilt.length || diff.differ.length) diffs.push(diff);
  }
  return diffs;
}

/** The diff as lines a person reads: `live → rebuilt` for every differing counter. */
export function formatDiff(diffs: TableDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    const keys = ROLLUPS.find((t) => t.name === d.table)!.keys.join(' | ');
    lines.push(`${d.table} (key: ${keys})`);
    for (const row of d.onlyLive) lines.push(`  live only:    ${row}`);
    for (const row of d.onlyRebuilt) lines.push(`  rebuild only: ${row}`);
    for (const row of d.differ) lines.push(`  live → rebuild: ${row}`);
  }
  return lines.join('\n');
}

/** The snapshot as plain sorted rows per table (for `toEqual` with vitest's own diff). */
export function rowsOf(snapshot: RollupSnapshot, table: string): Row[] {
  return [...snapshot[table]!.values()];
}

/** Days with consumer rows (any product, non-zero), with those rows as one comparable text. */
export function consumerDays(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare(
      `SELECT day, phone, store_id, product_id, kind, count, amount_fen FROM rollup_consumer_day
       ORDER BY day, phone, store_id, product_id, kind`,
    )
    .all() as Row[];
  const days = new Map<string, string>();
  for (const row of rows) {
    if (row.count === 0 && row.amount_fen === 0) continue;
    const day = String(row.day);
    days.set(day, (days.get(day) ?? '') + JSON.stringify(row));
  }
  return days;
}

export function consumerStamps(sqlite: Database.Database): Map<string, number> {
  const rows = sqlite.prepare('SELECT day, stamp FROM rollup_consumer_stamp').all() as {
    day: string;
    stamp: number;
  }[];
  return new Map(rows.map((r) => [r.day, r.stamp]));
}

/**
 * The stamp contract (consumer-ranking.ts): a day whose consumer rows changed has a new stamp, so
 * a reader holding the day in memory reads it again; and a day with rows has a stamp at all.
 * Returns the broken promises, one line each.
 */
export function stampProblems(
  before: { days: Map<string, string>; stamps: Map<string, number> },
  after: { days: Map<string, string>; stamps: Map<string, number> },
): string[] {
  const problems: string[] = [];
  const days = new Set([...before.days.keys(), ...after.days.keys()]);
  for (const day of days) {
    if (before.days.get(day) === after.days.get(day)) continue;
    const was = before.stamps.get(day);
    const now = after.stamps.get(day);
    if (now === undefined || now === was)
      problems.push(`${day}: consumer rows changed, stamp stayed ${String(was)}`);
  }
  for (const day of after.days.keys())
    if (!after.stamps.has(day)) problems.push(`${day}: consumer rows without a stamp`);
  return problems;
}

/** Reads the consumer rows and stamps of a database, for `stampProblems`. */
export const consumerState = (sqlite: Database.Database) => ({
  days: consumerDays(sqlite),
  stamps: consumerStamps(sqlite),
});

/**
 * Runs `analytics.rebuildRollups` as the app does (the handler starts a worker over its own
 * connection) and waits, through `analytics.status`, until the job has ended; fails if it failed.
 */
export async function rebuildThroughHandler(core: Core, ownerToken: string): Promise<void> {
  const { ok } = callers(core);
  const job = await ok('analytics.rebuildRollups', {}, ownerToken);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await ok('analytics.status', {}, ownerToken);
    if (status.job && status.job.id === job.id && status.job.status !== 'running') {
      if (status.job.status !== 'done')
        throw new Error(`rollup rebuild ${status.job.status}: ${String(status.job.error)}`);
      return;
    }
    if (Date.now() > deadline) throw new Error('rollup rebuild did not finish within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/**
 * Live rollups of a shop against a rebuild through the handler. The live tables are replaced by
 * the rebuild afterwards (the app's own behaviour), so drift found here does not carry on.
 * Also checks that the rebuild kept the stamp promise for the days it rewrote.
 */
export async function liveAgainstRebuild(core: Core, ownerToken: string) {
  const live = snapshotRollups(core.sqlite);
  const stampsBefore = consumerState(core.sqlite);
  await rebuildThroughHandler(core, ownerToken);
  const rebuilt = snapshotRollups(core.sqlite);
  const stamps = stampProblems(stampsBefore, consumerState(core.sqlite));
  return { live, rebuilt, diffs: diffRollups(live, rebuilt), stampProblems: stamps };
}

/**
 * Brings a shop's live rollups back in line with its raw tables, as the rebuild's worker would
 * (its function over a second connection to the same file): after a check that found drift, so
 * the next check shows only what happened since. Test bookkeeping, not a check.
 */
export function realignRollups(sqlite: Database.Database): void {
  const other = new Database(sqlite.name);
  try {
    other.pragma('busy_timeout = 5000');
    rebuildRollups(other);
  } finally {
    other.close();
  }
}

/**
 * The same comparison without touching the shop: the database copied (`VACUUM INTO`, a read),
 * the rebuild's own function run over the copy, as the worker runs it. Cheap enough for several
 * checkpoints in a run, and drift keeps adding up in the live tables between them.
 */
export function liveAgainstRebuiltCopy(sqlite: Database.Database) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-rebuild-'));
  const file = path.join(dir, 'copy.db');
  try {
    const live = snapshotRollups(sqlite);
    sqlite.prepare('VACUUM INTO ?').run(file);
    const copy = new Database(file);
    try {
      rebuildRollups(copy);
      const rebuilt = snapshotRollups(copy);
      return { live, rebuilt, diffs: diffRollups(live, rebuilt) };
    } finally {
      copy.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
