import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { Sqlite } from '../db/open';
import { registerLocalDay } from './local-day';
import { ROLLUP_TABLES } from './rollups';

// The rollups computed again from the raw tables: the same rules as the live writer
// (rollups.ts), as GROUP BYs. Computed from a read snapshot into temporary tables, so tills keep
// working; then swapped in with one short write transaction, unless something was written in
// between (the generation counter moved), in which case it is computed again.

/**
 * The raw rows each rollup reads, each local day computed once: materialized as temporary tables
 * at the start of a rebuild (a CTE would be evaluated again by every table that uses it).
 */
const BASES: [name: string, select: string][] = [
  // Completed redemptions with their store's local day and region.
  [
    'live_redemptions',
    `SELECT r.id, r.template_id, r.store_id, r.staff_id, r.customer_phone, r.subtotal_fen, r.discount_fen,
       local_day(r.created_at, st.timezone) AS day, st.province_code, st.city_code
     FROM redemptions r JOIN stores st ON st.id = r.store_id WHERE r.status = 'completed'`,
  ],
  // The products on each completed redemption's priced lines, with the redemption's facts.
  [
    'redemption_products',
    `SELECT DISTINCT r.id AS redemption_id, json_extract(j.value, '$.productId') AS product_id, lr.day,
       lr.store_id, lr.province_code, lr.city_code, lr.customer_phone, lr.discount_fen
     FROM temp.live_redemptions lr JOIN redemptions r ON r.id = lr.id, json_each(r.lines) j
     WHERE COALESCE(json_extract(j.value, '$.productId'), '') != ''`,
  ],
  [
    'voids',
    `SELECT r.template_id, r.store_id, r.staff_id, local_day(r.voided_at, st.timezone) AS void_day
     FROM redemptions r JOIN stores st ON st.id = r.store_id WHERE r.status = 'voided'`,
  ],
  [
    'sales_days',
    `SELECT s.id, s.store_id, s.staff_id, s.customer_phone, s.total_fen, s.sold_at,
       local_day(s.sold_at, st.timezone) AS day
     FROM sales s JOIN stores st ON st.id = s.store_id`,
  ],
  [
    'lines',
    `SELECT s.store_id, s.id AS sale_id, local_day(s.sold_at, st.timezone) AS day, l.product_id, l.qty,
       l.amount_fen - l.discount_fen AS revenue_fen, s.customer_phone
     FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN stores st ON st.id = s.store_id`,
  ],
  // Returned goods with their refund (the same share sales.return computes), on the return's day;
  // movements older than their sale_line_id are priced from the product's first line.
  [
    'returns',
    `SELECT m.store_id, m.product_id, local_day(m.created_at, st.timezone) AS day, m.qty,
       (2 * ((l.amount_fen - l.discount_fen) * m.qty) + l.qty) / (2 * l.qty) AS refund_fen,
       s.customer_phone
     FROM stock_movements m
     JOIN stores st ON st.id = m.store_id
     JOIN sales s ON s.id = m.ref_id
     JOIN sale_lines l ON l.id = COALESCE(m.sale_line_id, (
       SELECT id FROM sale_lines WHERE sale_id = m.ref_id AND product_id = m.product_id ORDER BY line_no LIMIT 1))
     WHERE m.kind = 'return' AND m.ref_type = 'sale'`,
  ],
  [
    'cashback',
    `SELECT c.template_id, c.store_id, c.product_id, c.province_code, c.city_code, c.reward_fen, c.phone,
       c.redeemed_via, c.redeemed_by, local_day(c.redeemed_at, st.timezone) AS day
     FROM cashback_codes c JOIN stores st ON st.id = c.store_id WHERE c.status = 'redeemed'`,
  ],
];

const LIVE_REDEMPTIONS = 'temp.live_redemptions';
const REDEMPTION_PRODUCTS = 'temp.redemption_products';
const VOIDS = 'temp.voids';
const SALES = 'temp.sales_days';
const LINES = 'temp.lines';
const RETURNS = 'temp.returns';
const CASHBACK = 'temp.cashback';

/** Each table's SELECT, producing its key and measure columns in ROLLUP_TABLES order. */
const SELECTS: Record<keyof typeof ROLLUP_TABLES, string> = {
  storeDay: `
    SELECT store_id, day, SUM(sales), SUM(sales_fen), SUM(refund_fen), SUM(items), SUM(identified),
      SUM(is_returning), SUM(redemptions), SUM(discount_fen), SUM(cashback), SUM(cashback_fen), SUM(voids)
    FROM (
      SELECT store_id, day, 1 AS sales, total_fen AS sales_fen, 0 AS refund_fen, 0 AS items,
        customer_phone IS NOT NULL AS identified,
        customer_phone IS NOT NULL AND ROW_NUMBER() OVER (
          PARTITION BY store_id, customer_phone ORDER BY sold_at, id) > 1 AS is_returning,
        0 AS redemptions, 0 AS discount_fen, 0 AS cashback, 0 AS cashback_fen, 0 AS voids
      FROM ${SALES}
      UNION ALL SELECT store_id, day, 0, 0, 0, SUM(qty), 0, 0, 0, 0, 0, 0, 0 FROM ${LINES} GROUP BY 1, 2
      UNION ALL SELECT store_id, day, 0, 0, SUM(refund_fen), 0, 0, 0, 0, 0, 0, 0, 0 FROM ${RETURNS} GROUP BY 1, 2
      UNION ALL SELECT store_id, day, 0, 0, 0, 0, 0, 0, 1, discount_fen, 0, 0, 0 FROM ${LIVE_REDEMPTIONS}
      UNION ALL SELECT store_id, day, 0, 0, 0, 0, 0, 0, 0, 0, 1, reward_fen, 0 FROM ${CASHBACK}
      UNION ALL SELECT store_id, void_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 FROM ${VOIDS}
    ) GROUP BY store_id, day`,
  storeProductDay: `
    SELECT store_id, product_id, day, SUM(sales), SUM(qty), SUM(revenue_fen), SUM(returned_qty),
      SUM(refund_fen), SUM(redemptions)
    FROM (
      SELECT store_id, product_id, day, COUNT(DISTINCT sale_id) AS sales, SUM(qty) AS qty,
        SUM(revenue_fen) AS revenue_fen, 0 AS returned_qty, 0 AS refund_fen, 0 AS redemptions
      FROM ${LINES} GROUP BY 1, 2, 3
      UNION ALL SELECT store_id, product_id, day, 0, 0, 0, qty, refund_fen, 0 FROM ${RETURNS}
      UNION ALL SELECT store_id, product_id, day, 0, 0, 0, 0, 0, 1 FROM ${REDEMPTION_PRODUCTS}
      UNION ALL SELECT store_id, product_id, day, 0, 0, 0, 0, 0, 1 FROM ${CASHBACK}
    ) GROUP BY store_id, product_id, day`,
  // Summed from the per-store table just computed (a sale happens in one store).
  productDay: `
    SELECT product_id, day, SUM(sales), SUM(qty), SUM(revenue_fen), SUM(returned_qty), SUM(refund_fen),
      SUM(redemptions)
    FROM temp.next_rollup_store_product_day GROUP BY product_id, day`,
  templateDay: `
    SELECT template_id, store_id, day, SUM(issued), SUM(claimed), SUM(redeemed), SUM(cost_fen),
      SUM(order_revenue_fen), SUM(voided)
    FROM (
      SELECT c.template_id, '' AS store_id,
        local_day(c.issued_at, COALESCE(st.timezone, '${DEFAULT_TIME_ZONE}')) AS day, COUNT(*) AS issued,
        SUM(c.claimed) AS claimed, 0 AS redeemed, 0 AS cost_fen, 0 AS order_revenue_fen, 0 AS voided
      FROM coupons c LEFT JOIN stores st ON st.id = c.issued_store_id GROUP BY 1, 3
      UNION ALL SELECT c.template_id, '', local_day(c.issued_at, st.timezone), COUNT(*), 0, 0, 0, 0, 0
        FROM cashback_codes c JOIN stores st ON st.id = c.store_id GROUP BY 1, 3
      UNION ALL SELECT r.template_id, r.store_id, r.day, 0, 0, 1, r.discount_fen,
          COALESCE((SELECT s.total_fen FROM sale_coupons sc JOIN sales s ON s.id = sc.sale_id
                    WHERE sc.redemption_id = r.id), r.subtotal_fen - r.discount_fen), 0
        FROM ${LIVE_REDEMPTIONS} r
      UNION ALL SELECT template_id, store_id, day, 0, 0, 1, reward_fen, 0, 0 FROM ${CASHBACK}
      UNION ALL SELECT template_id, store_id, void_day, 0, 0, 0, 0, 0, 1 FROM ${VOIDS}
    ) GROUP BY template_id, store_id, day`,
  regionDay: `
    SELECT product_id, day, kind, store_id, province_code, city_code, COUNT(*), SUM(amount_fen)
    FROM (
      SELECT '' AS product_id, day, 'coupon' AS kind, store_id, province_code, city_code,
        discount_fen AS amount_fen FROM ${LIVE_REDEMPTIONS}
      UNION ALL SELECT product_id, day, 'coupon', store_id, province_code, city_code, discount_fen
        FROM ${REDEMPTION_PRODUCTS}
      UNION ALL SELECT '', day, 'cashback', store_id, province_code, city_code, reward_fen FROM ${CASHBACK}
      UNION ALL SELECT product_id, day, 'cashback', store_id, province_code, city_code, reward_fen FROM ${CASHBACK}
    ) GROUP BY product_id, day, kind, store_id, province_code, city_code`,
  cashierDay: `
    SELECT staff_id, store_id, day, SUM(sales), SUM(sales_fen), SUM(redemptions), SUM(discount_fen),
      SUM(cashback), SUM(voids)
    FROM (
      SELECT staff_id, store_id, day, 1 AS sales, total_fen AS sales_fen, 0 AS redemptions,
        0 AS discount_fen, 0 AS cashback, 0 AS voids FROM ${SALES} WHERE staff_id IS NOT NULL
      UNION ALL SELECT staff_id, store_id, day, 0, 0, 1, discount_fen, 0, 0
        FROM ${LIVE_REDEMPTIONS} WHERE staff_id IS NOT NULL
      UNION ALL SELECT redeemed_by, store_id, day, 0, 0, 0, 0, 1, 0
        FROM ${CASHBACK} WHERE redeemed_via = 'counter' AND redeemed_by IS NOT NULL
      UNION ALL SELECT staff_id, store_id, void_day, 0, 0, 0, 0, 0, 1
        FROM ${VOIDS} WHERE staff_id IS NOT NULL
    ) GROUP BY staff_id, store_id, day`,
  consumerDay: `
    SELECT phone, day, store_id, product_id, kind, COUNT(*), SUM(amount_fen)
    FROM (
      SELECT customer_phone AS phone, day, store_id, '' AS product_id, 'coupon' AS kind,
        discount_fen AS amount_fen FROM ${LIVE_REDEMPTIONS} WHERE customer_phone IS NOT NULL
      UNION ALL SELECT customer_phone, day, store_id, product_id, 'coupon', discount_fen
        FROM ${REDEMPTION_PRODUCTS} WHERE customer_phone IS NOT NULL
      UNION ALL SELECT phone, day, store_id, '', 'cashback', reward_fen FROM ${CASHBACK}
      UNION ALL SELECT phone, day, store_id, product_id, 'cashback', reward_fen FROM ${CASHBACK}
    ) GROUP BY phone, day, store_id, product_id, kind`,
  customerDay: `
    SELECT phone, day, store_id, product_id, SUM(sales), SUM(qty), SUM(spend_fen), SUM(refund_fen)
    FROM (
      SELECT customer_phone AS phone, day, store_id, '' AS product_id, 1 AS sales, 0 AS qty,
        total_fen AS spend_fen, 0 AS refund_fen FROM ${SALES} WHERE customer_phone IS NOT NULL
      UNION ALL SELECT customer_phone, day, store_id, '', 0, SUM(qty), 0, 0
        FROM ${LINES} WHERE customer_phone IS NOT NULL GROUP BY customer_phone, day, store_id
      UNION ALL SELECT customer_phone, day, store_id, product_id, COUNT(DISTINCT sale_id), SUM(qty),
          SUM(revenue_fen), 0
        FROM ${LINES} WHERE customer_phone IS NOT NULL GROUP BY customer_phone, day, store_id, product_id
      UNION ALL SELECT customer_phone, day, store_id, '', 0, 0, 0, refund_fen
        FROM ${RETURNS} WHERE customer_phone IS NOT NULL
      UNION ALL SELECT customer_phone, day, store_id, product_id, 0, 0, 0, refund_fen
        FROM ${RETURNS} WHERE customer_phone IS NOT NULL
    ) GROUP BY phone, day, store_id, product_id`,
};

const FIRST_PURCHASES = `
  SELECT store_id, customer_phone, MIN(sold_at) FROM sales
  WHERE customer_phone IS NOT NULL GROUP BY store_id, customer_phone`;

export interface RebuildProgress {
  phase: string;
  done: number;
  total: number;
}

export interface RebuildResult {
  /** Raw rows read (sales, lines, redemptions, cashback codes, coupons, movements). */
  sourceRows: number;
  rollupRows: number;
  attempts: number;
  ms: number;
}

const TABLE_KEYS = Object.keys(ROLLUP_TABLES) as (keyof typeof ROLLUP_TABLES)[];
const MAX_SNAPSHOT_ATTEMPTS = 3;

function columnsOf(table: (typeof ROLLUP_TABLES)[keyof typeof ROLLUP_TABLES]): string[] {
  return [...table.keys, ...table.measures];
}

/** The raw rows a rebuild reads, for its rows/s figure. */
export function countSourceRows(sqlite: Sqlite): number {
  return (
    sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM sales) + (SELECT COUNT(*) FROM sale_lines) +
           (SELECT COUNT(*) FROM redemptions) + (SELECT COUNT(*) FROM cashback_codes) +
           (SELECT COUNT(*) FROM coupons) AS n`,
      )
      .get() as { n: number }
  ).n;
}

/**
 * Recomputes every rollup table and replaces them in one transaction. Runs on its own
 * connection (the analytics worker, or a test/bench).
 */
export function rebuildRollups(
  sqlite: Sqlite,
  onProgress: (progress: RebuildProgress) => void = () => {},
): RebuildResult {
  const started = performance.now();
  registerLocalDay(sqlite);
  const reads = BASES.length;
  const total = reads + TABLE_KEYS.length + 2;
  const generation = () =>
    (
      sqlite.prepare('SELECT generation AS g FROM analytics_state WHERE id = 1').get() as {
        g: number;
      }
    ).g;

  const compute = () => {
    BASES.forEach(([name, select], i) => {
      onProgress({ phase: `read.${name}`, done: i, total });
      sqlite.exec(`DROP TABLE IF EXISTS temp.${name}`);
      sqlite.exec(`CREATE TEMP TABLE ${name} AS ${select}`);
    });
    TABLE_KEYS.forEach((key, i) => {
      onProgress({ phase: key, done: reads + i, total });
      const table = ROLLUP_TABLES[key];
      sqlite.exec(`DROP TABLE IF EXISTS temp.next_${table.name}`);
      sqlite.exec(`CREATE TEMP TABLE next_${table.name} (${columnsOf(table).join(', ')})`);
      sqlite.exec(`INSERT INTO temp.next_${table.name} ${SELECTS[key]}`);
    });
    onProgress({ phase: 'customers', done: reads + TABLE_KEYS.length, total });
    sqlite.exec('DROP TABLE IF EXISTS temp.next_customer_store_first');
    sqlite.exec('CREATE TEMP TABLE next_customer_store_first (store_id, phone, first_sold_at)');
    sqlite.exec(`INSERT INTO temp.next_customer_store_first ${FIRST_PURCHASES}`);
  };

  const swap = (): number => {
    onProgress({ phase: 'swap', done: reads + TABLE_KEYS.length + 1, total });
    let rows = 0;
    for (const key of TABLE_KEYS) {
      const table = ROLLUP_TABLES[key];
      const columns = columnsOf(table).join(', ');
      sqlite.exec(`DELETE FROM ${table.name}`);
      rows += sqlite
        .prepare(
          // In key order: the table's B-tree is filled by appends rather than page splits.
          `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM temp.next_${table.name}
           ORDER BY ${table.keys.join(', ')}`,
        )
        .run().changes;
    }
    sqlite.exec('DELETE FROM customer_store_first');
    sqlite.exec(
      'INSERT INTO customer_store_first (store_id, phone, first_sold_at) SELECT * FROM temp.next_customer_store_first',
    );
    // Every consumer day may read differently now: readers that keep days in memory read again.
    sqlite.exec('UPDATE rollup_consumer_stamp SET stamp = stamp + 1');
    sqlite.exec(
      `INSERT OR IGNORE INTO rollup_consumer_stamp (day, stamp)
       SELECT DISTINCT day, 1 FROM rollup_consumer_day WHERE product_id = ''`,
    );
    sqlite
      .prepare(
        'UPDATE analytics_state SET generation = generation + 1, rebuilt_at = ? WHERE id = 1',
      )
      .run(Date.now());
    return rows;
  };

  const dropTemps = () => {
    for (const [name] of BASES) sqlite.exec(`DROP TABLE IF EXISTS temp.${name}`);
    for (const key of TABLE_KEYS)
      sqlite.exec(`DROP TABLE IF EXISTS temp.next_${ROLLUP_TABLES[key].name}`);
    sqlite.exec('DROP TABLE IF EXISTS temp.next_customer_store_first');
  };

  let sourceRows = 0;
  let rollupRows = -1;
  let attempts = 0;
  // Rollups are derived data that a rebuild can always make again: no fsync for their swap.
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  sqlite.pragma('synchronous = NORMAL');
  try {
    // From a snapshot first: the tills keep writing while it is computed.
    while (rollupRows < 0 && attempts < MAX_SNAPSHOT_ATTEMPTS) {
      attempts++;
      sqlite.exec('BEGIN');
      let seen: number;
      try {
        seen = generation();
        sourceRows = countSourceRows(sqlite);
        compute();
      } finally {
        sqlite.exec('COMMIT');
      }
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        if (generation() === seen) rollupRows = swap();
        sqlite.exec('COMMIT');
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    }
    // A shop that never pauses: compute under the write lock, once.
    if (rollupRows < 0) {
      attempts++;
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        sourceRows = countSourceRows(sqlite);
        compute();
        rollupRows = swap();
        sqlite.exec('COMMIT');
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    }
  } finally {
    dropTemps();
    sqlite.pragma(`synchronous = ${String(synchronous)}`);
  }
  onProgress({ phase: 'done', done: total, total });
  return { sourceRows, rollupRows, attempts, ms: performance.now() - started };
}
