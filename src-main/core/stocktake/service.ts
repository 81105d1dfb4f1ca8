import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type {
  StocktakeLine,
  StocktakeSheet,
  StocktakeSummary,
  ValueBasis,
} from '../../../src-shared/contract/stocktake';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { HandlerContext } from '../platform/context';
import type { ProductsService } from '../products/service';
import type { StockService } from '../stock/service';
import type { StoresService } from '../stores/service';
import { staffIdOf } from '../stock/ledger';
import { stocktakeTotals } from '../../../src-shared/inventory/stocktake-totals';

interface SheetRow {
  id: string;
  storeId: string;
  storeName: string;
  category: string | null;
  status: StocktakeSummary['status'];
  note: string;
  uncounted: 'keep' | 'zero' | null;
  stockDocumentId: string | null;
  staffName: string | null;
  lineCount: number;
  countedCount: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

interface LineRow {
  productId: string;
  sku: string;
  productName: string;
  category: string;
  unit: string;
  barcode: string | null;
  liveBook: number;
  frozenBook: number | null;
  countedQty: number | null;
  costFen: number | null;
  priceFen: number;
  frozenUnitValue: number | null;
  frozenBasis: ValueBasis | null;
}

const SHEET_SELECT = `SELECT s.id, s.store_id storeId, st.name storeName, s.category, s.status, s.note,
    s.uncounted, s.stock_document_id stockDocumentId, f.name staffName,
    (SELECT count(*) FROM stocktake_lines l WHERE l.sheet_id = s.id) lineCount,
    (SELECT count(*) FROM stocktake_lines l WHERE l.sheet_id = s.id AND l.counted_at IS NOT NULL) countedCount,
    s.created_at createdAt, s.updated_at updatedAt, s.finished_at finishedAt
  FROM stocktake_sheets s
  JOIN stores st ON st.id = s.store_id
  LEFT JOIN staff f ON f.id = s.staff_id`;

// A line's product, its book quantity now, and its cost: the product's own cost price, else
// the unit cost of its latest receipt of goods (any store), else none (valued at retail).
const LINE_SELECT = `SELECT p.id productId, p.sku, p.name productName, p.category, p.unit,
    (SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id ORDER BY b.barcode LIMIT 1) barcode,
    COALESCE(lv.qty, 0) liveBook, l.book_qty frozenBook, l.counted_qty countedQty,
    COALESCE(p.cost_fen, (SELECT m.unit_cost_fen FROM stock_movements m
       WHERE m.product_id = p.id AND m.kind = 'receive' AND m.unit_cost_fen IS NOT NULL
       ORDER BY m.created_at DESC LIMIT 1)) costFen,
    p.price_fen priceFen, l.unit_value_fen frozenUnitValue, l.value_basis frozenBasis
  FROM stocktake_lines l
  JOIN products p ON p.id = l.product_id
  LEFT JOIN stock_levels lv ON lv.store_id = :storeId AND lv.product_id = l.product_id`;

/**
 * Count sheets (盘点单): opened for a store or a category, counted line by line (each count saved
 * at once), then posted as one stocktake through the stock service, which alone writes stock.
 */
export class StocktakeService {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly stock: StockService,
    private readonly products: ProductsService,
    private readonly stores: StoresService,
  ) {
    const { sqlite } = adb;
    this.q = {
      sheet: sqlite.prepare<{ id: string }, SheetRow>(`${SHEET_SELECT} WHERE s.id = :id`),
      openOf: sqlite.prepare<{ storeId: string }, { id: string }>(
        `SELECT id FROM stocktake_sheets WHERE store_id = :storeId AND status = 'open' LIMIT 1`,
      ),
      lines: sqlite.prepare<{ id: string; storeId: string }, LineRow>(
        `${LINE_SELECT} WHERE l.sheet_id = :id ORDER BY l.position`,
      ),
      line: sqlite.prepare<{ id: string; storeId: string; productId: string }, LineRow>(
        `${LINE_SELECT} WHERE l.sheet_id = :id AND l.product_id = :productId`,
      ),
      // Everything sold here, and whatever is still on the books though no longer sold.
      productsToCount: sqlite.prepare<{ storeId: string; category: string | null }, { id: string }>(
        `SELECT p.id FROM products p
          LEFT JOIN stock_levels lv ON lv.store_id = :storeId AND lv.product_id = p.id
          WHERE (p.active = 1 OR COALESCE(lv.qty, 0) <> 0)
            AND (:category IS NULL OR p.category = :category)
          ORDER BY p.category, p.sku`,
      ),
      insertSheet: sqlite.prepare(
        `INSERT INTO stocktake_sheets (id, store_id, category, status, note, staff_id, created_at, updated_at)
         VALUES (:id, :storeId, :category, 'open', :note, :staffId, :now, :now)`,
      ),
      insertLine: sqlite.prepare(
        `INSERT INTO stocktake_lines (sheet_id, product_id, position) VALUES (:id, :productId, :position)`,
      ),
      addLine: sqlite.prepare(
        `INSERT INTO stocktake_lines (sheet_id, product_id, position)
         SELECT :id, :productId, COALESCE(max(position), 0) + 1 FROM stocktake_lines WHERE sheet_id = :id
         ON CONFLICT DO NOTHING`,
      ),
      setCount: sqlite.prepare(
        `UPDATE stocktake_lines SET counted_qty = :countedQty, counted_at = :countedAt
          WHERE sheet_id = :id AND product_id = :productId`,
      ),
      freezeLine: sqlite.prepare(
        `UPDATE stocktake_lines SET counted_qty = :countedQty, book_qty = :bookQty,
            unit_value_fen = :unitValueFen, value_basis = :valueBasis
          WHERE sheet_id = :id AND product_id = :productId`,
      ),
      touch: sqlite.prepare(`UPDATE stocktake_sheets SET updated_at = :now WHERE id = :id`),
      close: sqlite.prepare(
        `UPDATE stocktake_sheets SET status = :status, uncounted = :uncounted,
            stock_document_id = :stockDocumentId, finished_at = :now, updated_at = :now
          WHERE id = :id`,
      ),
      list: sqlite.prepare<{ storeId: string | null; limit: number }, SheetRow>(
        `${SHEET_SELECT} WHERE (:storeId IS NULL OR s.store_id = :storeId) AND s.status <> 'discarded'
          ORDER BY s.status = 'open' DESC, s.created_at DESC LIMIT :limit`,
      ),
    };
  }

  start(ctx: HandlerContext, input: ParsedInputOf<'stocktake.start'>): StocktakeSheet {
    const store = this.stores.get(input.storeId);
    const id = this.adb.write(() => {
      // One open sheet per store: two counts of the same shelf would post twice.
      if (this.q.openOf.get({ storeId: store.id }))
        throw new AppError('STOCKTAKE_ALREADY_OPEN', { storeName: store.name });
      const toCount = this.q.productsToCount.all({
        storeId: store.id,
        category: input.category,
      });
      if (!toCount.length)
        throw new AppError('STOCKTAKE_NO_PRODUCTS', {
          storeName: store.name,
          category: input.category === null ? '' : ` · ${input.category || '未分类'}`,
        });
      const id = newId();
      this.q.insertSheet.run({
        id,
        storeId: store.id,
        category: input.category,
        note: input.note,
        staffId: staffIdOf(ctx),
        now: this.clock.now(),
      });
      toCount.forEach((product, i) =>
        this.q.insertLine.run({ id, productId: product.id, position: i + 1 }),
      );
      this.audit.record(ctx, {
        action: 'stocktake.start',
        targetType: 'stocktake',
        targetId: id,
        storeId: store.id,
        details: { lines: toCount.length },
      });
      return id;
    });
    return this.get(id);
  }

  list(input: ParsedInputOf<'stocktake.list'>): OutputOf<'stocktake.list'> {
    return {
      items: this.q.list
        .all({ storeId: input.storeId ?? null, limit: input.limit })
        .map((row) => summaryOf(row)),
    };
  }

  get(id: string): StocktakeSheet {
    const sheet = this.sheetRow(id);
    const lines = this.q.lines.all({ id, storeId: sheet.storeId }).map((row) => lineOf(row, sheet));
    return {
      ...summaryOf(sheet),
      uncounted: sheet.uncounted,
      stockDocumentId: sheet.stockDocumentId,
      lines,
      totals: stocktakeTotals(lines),
    };
  }

  count(ctx: HandlerContext, input: ParsedInputOf<'stocktake.count'>): OutputOf<'stocktake.count'> {
    return this.adb.write(() => {
      const sheet = this.openSheet(input.id);
      // A product found on the shelf but not on the sheet (another category, new) joins it.
      this.products.forLine({ productId: input.productId }, 1);
      this.q.addLine.run({ id: sheet.id, productId: input.productId });
      const now = this.clock.now();
      this.q.setCount.run({
        id: sheet.id,
        productId: input.productId,
        countedQty: input.countedQty,
        countedAt: input.countedQty === null ? null : now,
      });
      this.q.touch.run({ id: sheet.id, now });
      const after = this.sheetRow(sheet.id);
      const row = this.q.line.get({
        id: sheet.id,
        storeId: sheet.storeId,
        productId: input.productId,
      })!;
      return { line: lineOf(row, after), countedCount: after.countedCount };
    });
  }

  finish(ctx: HandlerContext, input: ParsedInputOf<'stocktake.finish'>): StocktakeSheet {
    this.adb.write(() => {
      const sheet = this.openSheet(input.id);
      const lines = this.q.lines.all({ id: sheet.id, storeId: sheet.storeId });
      const posted = lines
        .map((row) => ({
          row,
          countedQty: row.countedQty ?? (input.uncounted === 'zero' ? 0 : null),
        }))
        .filter((line): line is { row: LineRow; countedQty: number } => line.countedQty !== null);
      if (!posted.length) throw new AppError('STOCKTAKE_NOTHING_COUNTED');
      // The stock service posts the differences against the books at this moment, in this
      // transaction: the same path (ledger, events, outbox, audit) as any stocktake.
      const result = this.stock.adjust(ctx, {
        storeId: sheet.storeId,
        note: sheet.note,
        lines: posted.map((line) => ({
          productId: line.row.productId,
          countedQty: line.countedQty,
        })),
      });
      const bookAtPosting = new Map(result.lines.map((line) => [line.productId, line.expectedQty]));
      for (const row of lines) {
        const value = unitValueOf(row);
        const countedQty = row.countedQty ?? (input.uncounted === 'zero' ? 0 : null);
        this.q.freezeLine.run({
          id: sheet.id,
          productId: row.productId,
          countedQty,
          bookQty: bookAtPosting.get(row.productId) ?? row.liveBook,
          unitValueFen: value.unitValueFen,
          valueBasis: value.valueBasis,
        });
      }
      this.q.close.run({
        id: sheet.id,
        status: 'finished',
        uncounted: input.uncounted,
        stockDocumentId: result.stocktakeId,
        now: this.clock.now(),
      });
    });
    return this.get(input.id);
  }

  discard(ctx: HandlerContext, input: ParsedInputOf<'stocktake.discard'>): StocktakeSummary {
    this.adb.write(() => {
      const sheet = this.openSheet(input.id);
      this.q.close.run({
        id: sheet.id,
        status: 'discarded',
        uncounted: null,
        stockDocumentId: null,
        now: this.clock.now(),
      });
      this.audit.record(ctx, {
        action: 'stocktake.discard',
        targetType: 'stocktake',
        targetId: sheet.id,
        storeId: sheet.storeId,
        details: { counted: sheet.countedCount },
      });
    });
    return summaryOf(this.sheetRow(input.id));
  }

  private sheetRow(id: string): SheetRow {
    const row = this.q.sheet.get({ id });
    if (!row) throw new AppError('STOCKTAKE_NOT_FOUND');
    return row;
  }

  private openSheet(id: string): SheetRow {
    const row = this.sheetRow(id);
    if (row.status !== 'open') throw new AppError('STOCKTAKE_CLOSED');
    return row;
  }
}

const summaryOf = (row: SheetRow): StocktakeSummary => ({
  id: row.id,
  storeId: row.storeId,
  storeName: row.storeName,
  category: row.category,
  status: row.status,
  note: row.note,
  staffName: row.staffName,
  lineCount: row.lineCount,
  countedCount: row.countedCount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  finishedAt: row.finishedAt,
});

/** Cost where the shop knows it, else the retail price. */
function unitValueOf(row: LineRow): { unitValueFen: number; valueBasis: ValueBasis } {
  if (row.frozenUnitValue !== null && row.frozenBasis !== null)
    return { unitValueFen: row.frozenUnitValue, valueBasis: row.frozenBasis };
  return row.costFen !== null
    ? { unitValueFen: row.costFen, valueBasis: 'cost' }
    : { unitValueFen: row.priceFen, valueBasis: 'retail' };
}

function lineOf(row: LineRow, sheet: SheetRow): StocktakeLine {
  const finished = sheet.status === 'finished';
  const bookQty = finished && row.frozenBook !== null ? row.frozenBook : row.liveBook;
  const { unitValueFen, valueBasis } = unitValueOf(row);
  const differenceQty = row.countedQty === null ? null : row.countedQty - bookQty;
  return {
    productId: row.productId,
    sku: row.sku,
    productName: row.productName,
    category: row.category,
    unit: row.unit,
    barcode: row.barcode,
    bookQty,
    countedQty: row.countedQty,
    differenceQty,
    unitValueFen,
    valueBasis,
    valueFen: differenceQty === null ? null : differenceQty * unitValueFen,
  };
}
