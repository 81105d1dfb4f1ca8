// The baseline of a bulk write (an import): the very rows it wrote, inserted again bare.
import type { Sqlite } from '../src-main/core/db/open';
import { round, type Metric } from './harness';

/** Each table's last rowid before the work: what it wrote afterwards lies past these. */
export type RowMarks = Map<string, number>;

const tablesOf = (sqlite: Sqlite) =>
  sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'bare_%'`,
    )
    .all() as { name: string; sql: string }[];

export function markRows(sqlite: Sqlite): RowMarks {
  const marks: RowMarks = new Map();
  for (const { name } of tablesOf(sqlite))
    marks.set(
      name,
      (sqlite.prepare(`SELECT max(rowid) FROM "${name}"`).pluck().get() as number) ?? 0,
    );
  return marks;
}

/** How long the replay took, and the rows it wrote in all and per table. */
export interface Replay {
  ms: number;
  rows: number;
  tables: Record<string, number>;
}

/**
 * The rows written since `marks` (every table), already made, inserted again in one
 * transaction into copies of their tables with the same columns and indexes. What the work took
 * beyond this is its own (reading and checking a file, building the rows, a worker), not what
 * SQLite must do for those tables anyway.
 */
export function bareReplay(sqlite: Sqlite, marks: RowMarks): Replay {
  const written = new Map<string, unknown[][]>();
  for (const { name, sql } of tablesOf(sqlite)) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${name}" WHERE rowid > ? ORDER BY rowid`)
      .raw()
      .all(marks.get(name) ?? 0) as unknown[][];
    if (!rows.length) continue;
    written.set(name, rows);
    const copy = `bare_${name}`;
    sqlite.exec(`DROP TABLE IF EXISTS "${copy}"`);
    sqlite.exec(sql.replace(/^CREATE TABLE [`"]?\w+[`"]?/, `CREATE TABLE "${copy}"`));
    const indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
      )
      .all(name) as { name: string; sql: string }[];
    for (const index of indexes)
      sqlite.exec(
        index.sql
          .replace(/^(CREATE (UNIQUE )?INDEX )[`"]?\w+[`"]?/, `$1"bare_${index.name}"`)
          .replace(/ ON [`"]?\w+[`"]?/, ` ON "${copy}"`),
      );
  }
  const inserts = [...written].map(([name, rows]) => ({
    rows,
    insert: sqlite.prepare(
      `INSERT INTO "bare_${name}" VALUES (${rows[0]!.map(() => '?').join(', ')})`,
    ),
  }));
  const started = performance.now();
  sqlite.transaction(() => {
    for (const { rows, insert } of inserts) for (const row of rows) insert.run(row);
  })();
  const ms = performance.now() - started;
  for (const name of written.keys()) sqlite.exec(`DROP TABLE "bare_${name}"`);
  const tables = Object.fromEntries([...written].map(([name, rows]) => [name, rows.length]));
  return { ms, rows: Object.values(tables).reduce((a, b) => a + b, 0), tables };
}

/**
 * An import's metric: its time from the call to the answer beside the bare replay of what it
 * wrote (target: 3×), and how long it held the write lock (the file is read and checked before).
 */
export function importMetric(name: string, ms: number, bare: Replay, writeMs: number): Metric {
  return {
    name,
    unit: 'ms',
    value: round(ms),
    baselineName: 'the rows it wrote, inserted bare into copies of their tables and indexes',
    baseline: round(bare.ms),
    ratio: round(ms / bare.ms),
    target: '<= 3× the bare insert',
    met: ms <= 3 * bare.ms,
    extra: {
      writeTransactionMs: writeMs,
      rowsWritten: bare.rows,
      tables: Object.entries(bare.tables)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', '),
    },
  };
}
