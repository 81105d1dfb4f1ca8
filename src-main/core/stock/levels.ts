import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { LevelStatus } from '../../../src-shared/contract/stock';
import { HIGH_LEVEL, LOW_LEVEL, THRESHOLD_JOINS } from '../alerts/thresholds-sql';
import type { Sqlite } from '../db/open';

const STATUS = `CASE WHEN l.qty < 0 THEN 'negative'
  WHEN ${LOW_LEVEL} IS NOT NULL AND l.qty < ${LOW_LEVEL} THEN 'low'
  WHEN ${HIGH_LEVEL} IS NOT NULL AND l.qty > ${HIGH_LEVEL} THEN 'high'
  ELSE 'ok' END`;

interface LevelRow {
  storeId: string;
  storeName: string;
  productId: string;
  sku: string;
  productName: string;
  category: string;
  unit: string;
  qty: number;
  lowLevel: number | null;
  highLevel: number | null;
  status: LevelStatus;
  aboveHighSince: number | null;
  updatedAt: number;
}

/** Levels with the thresholds in force and a status, filtered and paged in SQL. */
export function levelsQuery(
  sqlite: Sqlite,
  input: ParsedInputOf<'stock.levels'>,
): OutputOf<'stock.levels'> {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: input.limit, offset: input.offset };
  if (input.storeId) {
    where.push('l.store_id = :storeId');
    params.storeId = input.storeId;
  }
  if (input.productId) {
    where.push('l.product_id = :productId');
    params.productId = input.productId;
  }
  if (input.category !== undefined) {
    where.push('p.category = :category');
    params.category = input.category;
  }
  if (input.search) {
    where.push(
      '(p.name LIKE :search OR p.sku LIKE :search OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode LIKE :search))',
    );
    params.search = `%${input.search.replace(/[%_]/g, '')}%`;
  }
  if (input.status) {
    where.push(`${STATUS} = :status`);
    params.status = input.status;
  }
  const from = `FROM stock_levels l
    JOIN products p ON p.id = l.product_id
    JOIN stores s ON s.id = l.store_id
    ${THRESHOLD_JOINS}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = sqlite
    .prepare(
      `SELECT l.store_id AS storeId, s.name AS storeName, l.product_id AS productId, p.sku,
         p.name AS productName, p.category, p.unit, l.qty, ${LOW_LEVEL} AS lowLevel,
         ${HIGH_LEVEL} AS highLevel, ${STATUS} AS status, l.above_high_since AS aboveHighSince,
         l.updated_at AS updatedAt
       ${from}
       ORDER BY p.sku, s.code LIMIT :limit OFFSET :offset`,
    )
    .all(params) as LevelRow[];
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from}`).get(countParams) as { n: number })
    .n;
  return { items: rows.map((row) => ({ ...row, negative: row.qty < 0 })), total };
}
