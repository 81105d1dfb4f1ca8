import { sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import {
  REQUIRED_SALES_IMPORT_FIELDS,
  type SalesImportField,
  type SalesImportMapping,
  type SalesImportRow,
} from '../../../src-shared/contract/sales';
import type { Language } from '../../../src-shared/i18n';
import { guessSalesMapping } from '../../../src-shared/inventory/import-mapping';
import { normalizeMainlandMobile } from '../../../src-shared/phone';
import { parseLocalDateTime } from '../../../src-shared/time';
import type { AuditService } from '../audit/service';
import type { AppDatabase, WriteIntent } from '../db/database';
import { readImportFile, type ImportTable } from '../imports/file';
import { ImportReport, columnReader, usableMapping, yuanCell } from '../imports/report';
import { AppError } from '../../../src-node/app-error';
import type { HandlerContext } from '../platform/context';
import { productBarcodes, products } from '../products/schema';
import { stores } from '../stores/schema';
import type { HeldOutbox, SalesImportRuns } from './import-runs';
import type { SalesService } from './service';

type ImportInput = ParsedInputOf<'sales.import'>;
export type ImportProgress = (phase: 'checking' | 'writing', done: number, total: number) => void;

const PREVIEW_ROWS = 200;
const MAX_ISSUES = 1000;
const MAX_QTY = 1_000_000;
/** How often the single-transaction write reports progress (sales). */
const PROGRESS_EVERY = 250;
/** A chunk of a large import holds the write lock about this long (DESIGN: ~16 ms). */
const SLICE_MS = 12;

/** Lets messages in, and writers that do not announce themselves take the lock, between chunks. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
/** A main thread write waits at most a chunk; the import waits for it at most this long. */
const STEP_ASIDE_MAX_MS = 250;

/** In the worker: the import writes in chunks, and undoes them all if one fails. */
export interface ChunkedWrites {
  runs: SalesImportRuns;
  /** The outbox the worker's SalesService writes to: staged with the run until its end. */
  outbox: HeldOutbox;
  /** The main thread's writes: a chunk starts only when none is waiting. */
  mainWrites: WriteIntent;
}

/** The rows of one sale id, checked: what sales.record is given. */
interface ImportedSale {
  saleId: string;
  storeId: string;
  soldAt: number | null;
  customerPhone: string | null;
  lines: { productId: string; qty: number; unitPriceFen: number }[];
}

interface CheckedFile {
  table: ImportTable;
  mapping: SalesImportMapping;
  rows: SalesImportRow[];
  issues: SalesImportRow['issues'];
  sales: ImportedSale[];
  /** Sale ids of the file already recorded in their store. */
  duplicates: Set<string>;
}

interface StoreRow {
  id: string;
  code: string;
  name: string;
  timezone: string;
}

/**
 * Sales from a POS export (流水): rows sharing a sale id are one sale's lines. Like the products
 * import: a preview that reads and checks every row and writes nothing, then the import, which
 * checks again and records every sale through `SalesService.record` (stock, alerts, rollups,
 * outbox as at the till) in one transaction, or none. Sales already recorded are skipped.
 */
export class SalesImportService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly audit: AuditService,
    private readonly sales: SalesService,
    private readonly chunked: ChunkedWrites | null = null,
  ) {}

  async preview(ctx: HandlerContext, input: ImportInput): Promise<OutputOf<'sales.importPreview'>> {
    const checked = await this.check(ctx.lang, input);
    const withProblems = checked.rows.filter((r) => r.issues.length);
    const clean = checked.rows.filter((r) => !r.issues.length);
    const fresh = checked.sales.filter((s) => !checked.duplicates.has(s.saleId));
    return {
      format: checked.table.format,
      encoding: checked.table.encoding,
      headers: checked.table.headers,
      mapping: checked.mapping,
      rowCount: checked.rows.length,
      saleCount: fresh.length,
      lineCount: fresh.reduce((total, s) => total + s.lines.length, 0),
      duplicateCount: checked.duplicates.size,
      duplicateSaleIds: [...checked.duplicates].slice(0, MAX_ISSUES),
      errorCount: checked.issues.length,
      rows: [...withProblems, ...clean].slice(0, PREVIEW_ROWS),
      issues: checked.issues.slice(0, MAX_ISSUES),
    };
  }

  async commit(
    ctx: HandlerContext,
    input: ImportInput,
    progress: ImportProgress = () => {},
  ): Promise<OutputOf<'sales.import'>> {
    const started = performance.now();
    const checked = await this.check(ctx.lang, input);
    if (checked.issues.length)
      throw new AppError('SALES_IMPORT_INVALID', {
        errorCount: checked.issues.length,
        first: checked.issues[0]!.message,
        problems: checked.issues.slice(0, 50),
      });
    const writeStarted = performance.now();
    const result = this.chunked
      ? await this.writeInChunks(ctx, input.fileName, checked.sales, this.chunked, progress)
      : this.adb.write(() => {
          // Checked again inside the write: a till may have posted one of them since the check.
          const duplicates = this.recordedSaleIds(checked.sales);
          const fresh = checked.sales.filter((s) => !duplicates.has(s.saleId));
          const lastSaleOfStore = new Map<string, string>();
          fresh.forEach((sale, i) => {
            lastSaleOfStore.set(sale.storeId, this.recordOne(ctx, sale));
            if ((i + 1) % PROGRESS_EVERY === 0) progress('writing', i + 1, fresh.length);
          });
          return this.finishWithin(ctx, input.fileName, fresh, [...duplicates], lastSaleOfStore);
        });
    const finished = performance.now();
    return {
      recorded: result.recorded,
      lines: result.lines,
      duplicates: result.duplicates.length,
      duplicateSaleIds: result.duplicates.slice(0, MAX_ISSUES),
      durationMs: Math.round(finished - started),
      writeMs: Math.round(finished - writeStarted),
    };
  }

  /**
   * A large import in the worker: transactions of ~12 ms each, so a till's sale waits at most
   * one chunk; the run notes each chunk's sales, and a failure undoes them all. The outbox rows
   * (what the cloud learns) are staged and go out with the last chunk: nothing undone was sent.
   */
  private async writeInChunks(
    ctx: HandlerContext,
    fileName: string,
    sales: ImportedSale[],
    { runs, outbox, mainWrites }: ChunkedWrites,
    progress: ImportProgress,
  ) {
    const runId = runs.start(fileName);
    outbox.holdFor(runId);
    const recorded: ImportedSale[] = [];
    const duplicates: string[] = [];
    const lastSaleOfStore = new Map<string, string>();
    try {
      let next = 0;
      while (next < sales.length) {
        mainWrites.waitForOthers(STEP_ASIDE_MAX_MS);
        const sliceStart = performance.now();
        this.adb.write(() => {
          const saleIds: string[] = [];
          while (next < sales.length && performance.now() - sliceStart < SLICE_MS) {
            const sale = sales[next++]!;
            // A till (or another import) may have posted this sale id since the check.
            if (this.recordedSaleIds([sale]).size) {
              duplicates.push(sale.saleId);
              continue;
            }
            const saleId = this.recordOne(ctx, sale);
            saleIds.push(saleId);
            lastSaleOfStore.set(sale.storeId, saleId);
            recorded.push(sale);
          }
          runs.noteSales(runId, saleIds);
        });
        progress('writing', next, sales.length);
        await breathe();
      }
      return this.adb.write(() => {
        runs.finish(runId);
        return this.finishWithin(ctx, fileName, recorded, duplicates, lastSaleOfStore);
      });
    } catch (error) {
      runs.undo(runId);
      throw error;
    } finally {
      outbox.holdFor(null);
    }
  }

  /** One sale of the file through sales.record (stock, alerts, rollups, outbox); its id. */
  private recordOne(ctx: HandlerContext, sale: ImportedSale): string {
    return this.sales.record(
      ctx,
      {
        terminalSaleId: sale.saleId,
        storeId: sale.storeId,
        lines: sale.lines,
        couponCodes: [],
        ...(sale.customerPhone ? { customerPhone: sale.customerPhone } : {}),
        ...(sale.soldAt !== null ? { soldAt: sale.soldAt } : {}),
      },
      true,
    ).sale.id;
  }

  /** Inside the last write: the audit entry and one announcement per store, not one per sale. */
  private finishWithin(
    ctx: HandlerContext,
    fileName: string,
    recorded: ImportedSale[],
    duplicates: string[],
    lastSaleOfStore: Map<string, string>,
  ) {
    const lines = recorded.reduce((total, sale) => total + sale.lines.length, 0);
    this.audit.record(ctx, {
      action: 'sales.import',
      targetType: 'sale',
      details: { fileName, recorded: recorded.length, lines, duplicates: duplicates.length },
    });
    for (const [storeId, saleId] of lastSaleOfStore)
      this.adb.emitAfterCommit('sales.changed', { saleId, storeId });
    return { recorded: recorded.length, lines, duplicates };
  }

  private async check(lang: Language, input: ImportInput): Promise<CheckedFile> {
    const table = await readImportFile(input.fileName, Buffer.from(input.contentBase64, 'base64'));
    const mapping = usableMapping(input.mapping ?? guessSalesMapping(table.headers), table.headers);
    const report = new ImportReport<SalesImportField>(lang, (m) => m.salesImportFields);
    report.requireMapped(mapping, REQUIRED_SALES_IMPORT_FIELDS);
    if (mapping.sku === null && mapping.barcode === null)
      report.add(null, 1, 'sku', 'COLUMN_NOT_MAPPED');
    const storeRows = this.adb.db
      .select({ id: stores.id, code: stores.code, name: stores.name, timezone: stores.timezone })
      .from(stores)
      .all();
    const chosenStore = input.storeId ? storeRows.find((s) => s.id === input.storeId) : undefined;
    if (input.storeId && !chosenStore)
      throw new AppError('NOT_FOUND', { entity: 'store', id: input.storeId });
    if (mapping.store === null && !chosenStore) report.add(null, 1, 'store', 'COLUMN_NOT_MAPPED');
    const storeByKey = new Map<string, StoreRow>();
    for (const store of storeRows) {
      storeByKey.set(store.name, store);
      storeByKey.set(store.code, store);
    }
    const cell = columnReader(table, mapping);

    const parsed = table.rows.map(({ row, cells }) => {
      const checked: SalesImportRow & { storeId: string | null; productKey: string } = {
        row,
        saleId: cell(cells, 'saleId'),
        soldAt: null,
        storeName: '',
        productName: '',
        product: '',
        qty: null,
        unitPriceFen: null,
        customerPhone: null,
        duplicate: false,
        issues: [],
        storeId: null,
        productKey: '',
      };
      if (!checked.saleId) {
        if (mapping.saleId !== null) report.add(checked, row, 'saleId', 'REQUIRED');
      } else if (checked.saleId.length > 64)
        report.add(checked, row, 'saleId', 'TOO_LONG', checked.saleId);

      const storeText = cell(cells, 'store');
      const store = storeText ? storeByKey.get(storeText) : chosenStore;
      if (store) {
        checked.storeId = store.id;
        checked.storeName = store.name;
      } else if (storeText) report.add(checked, row, 'store', 'UNKNOWN_STORE', storeText);
      else if (mapping.store !== null) report.add(checked, row, 'store', 'REQUIRED');

      const timeText = cell(cells, 'soldAt');
      if (timeText) {
        checked.soldAt = parseLocalDateTime(timeText, store?.timezone ?? 'Asia/Shanghai');
        if (checked.soldAt === null) report.add(checked, row, 'soldAt', 'BAD_TIME', timeText);
      }

      const sku = cell(cells, 'sku');
      const barcode = cell(cells, 'barcode');
      checked.product = sku || barcode;
      checked.productKey = sku ? `sku:${sku}` : barcode ? `barcode:${barcode}` : '';
      if (!checked.product && (mapping.sku !== null || mapping.barcode !== null))
        report.add(checked, row, mapping.sku !== null ? 'sku' : 'barcode', 'REQUIRED');

      const qtyText = cell(cells, 'qty');
      const qty = Number(qtyText);
      if (!qtyText) {
        if (mapping.qty !== null) report.add(checked, row, 'qty', 'REQUIRED');
      } else if (!/^\s*-?\d+(\.0+)?\s*$/.test(qtyText) || qty < 1 || qty > MAX_QTY)
        report.add(checked, row, 'qty', 'BAD_QTY', qtyText);
      else checked.qty = qty;

      const priceText = cell(cells, 'unitPriceYuan');
      if (!priceText) {
        if (mapping.unitPriceYuan !== null) report.add(checked, row, 'unitPriceYuan', 'REQUIRED');
      } else {
        const price = yuanCell(priceText);
        if ('fen' in price) checked.unitPriceFen = price.fen;
        else report.add(checked, row, 'unitPriceYuan', price.problem, priceText);
      }

      const phoneText = cell(cells, 'customerPhone');
      if (phoneText) {
        checked.customerPhone = normalizeMainlandMobile(phoneText);
        if (!checked.customerPhone)
          report.add(checked, row, 'customerPhone', 'BAD_PHONE', phoneText);
      }
      return checked;
    });

    // Products in two set lookups: by SKU, and by barcode.
    const productOf = this.productsByKey(parsed.map((r) => r.productKey));
    const lineProducts = parsed.map((row) => {
      const found = row.productKey ? productOf.get(row.productKey) : undefined;
      if (found) row.productName = found.name;
      else if (row.productKey)
        report.add(
          row,
          row.row,
          row.productKey.startsWith('sku:') ? 'sku' : 'barcode',
          'UNKNOWN_PRODUCT',
          row.product,
        );
      return found?.id ?? null;
    });

    // Rows of one sale: the same store, time and customer as its first row.
    const sales = new Map<string, ImportedSale & { firstRow: (typeof parsed)[number] }>();
    parsed.forEach((row, i) => {
      if (!row.saleId) return;
      const sale = sales.get(row.saleId);
      if (!sale) {
        sales.set(row.saleId, {
          saleId: row.saleId,
          storeId: row.storeId ?? '',
          soldAt: row.soldAt,
          customerPhone: row.customerPhone,
          lines: [],
          firstRow: row,
        });
      } else {
        const first = sale.firstRow;
        if (row.storeId && first.storeId && row.storeId !== first.storeId)
          report.add(row, row.row, 'store', 'SALE_STORE_DIFFERS', row.storeName, first.row);
        if (row.soldAt !== null && first.soldAt !== null && row.soldAt !== first.soldAt)
          report.add(row, row.row, 'soldAt', 'SALE_TIME_DIFFERS', row.saleId, first.row);
        if (row.customerPhone && row.customerPhone !== sale.customerPhone) {
          if (sale.customerPhone)
            report.add(row, row.row, 'customerPhone', 'SALE_PHONE_DIFFERS', row.saleId, first.row);
          else sale.customerPhone = row.customerPhone;
        }
      }
      const productId = lineProducts[i];
      if (productId && row.qty !== null && row.unitPriceFen !== null)
        sales.get(row.saleId)!.lines.push({
          productId,
          qty: row.qty,
          unitPriceFen: row.unitPriceFen,
        });
    });

    const checkedSales = [...sales.values()].map(({ firstRow: _, ...sale }) => sale);
    const duplicates = this.recordedSaleIds(checkedSales.filter((s) => s.storeId));
    const rows: SalesImportRow[] = parsed.map(({ storeId: _, productKey: __, ...row }) => ({
      ...row,
      duplicate: duplicates.has(row.saleId),
    }));
    return {
      table,
      mapping,
      rows,
      issues: report.sorted(),
      sales: checkedSales,
      duplicates,
    };
  }

  /** Products of the file by "sku:…" / "barcode:…". */
  private productsByKey(keys: string[]): Map<string, { id: string; name: string }> {
    const skus = new Set<string>();
    const barcodes = new Set<string>();
    for (const key of keys)
      if (key.startsWith('sku:')) skus.add(key.slice(4));
      else if (key.startsWith('barcode:')) barcodes.add(key.slice(8));
    const found = new Map<string, { id: string; name: string }>();
    const { db } = this.adb;
    if (skus.size)
      for (const p of db
        .select({ id: products.id, name: products.name, sku: products.sku })
        .from(products)
        .where(sql`${products.sku} IN (SELECT value FROM json_each(${JSON.stringify([...skus])}))`)
        .all())
        found.set(`sku:${p.sku}`, { id: p.id, name: p.name });
    if (barcodes.size)
      for (const p of db
        .select({ id: products.id, name: products.name, barcode: productBarcodes.barcode })
        .from(productBarcodes)
        .innerJoin(products, sql`${products.id} = ${productBarcodes.productId}`)
        .where(
          sql`${productBarcodes.barcode} IN (SELECT value FROM json_each(${JSON.stringify([...barcodes])}))`,
        )
        .all())
        found.set(`barcode:${p.barcode}`, { id: p.id, name: p.name });
    return found;
  }

  /** The sale ids already recorded in their store (by a till, the sale screen or an import). */
  private recordedSaleIds(sales: { saleId: string; storeId: string }[]): Set<string> {
    if (!sales.length) return new Set();
    const rows = this.adb.sqlite
      .prepare(
        // Through every numbering of the store (the sale screen's '' and each terminal's), so
        // each look-up is one probe of the unique index.
        `SELECT s.terminal_sale_id AS saleId FROM json_each(?) j
         JOIN (SELECT id AS store_id, '' AS origin_key FROM stores
               UNION ALL SELECT store_id, id FROM terminals) o ON o.store_id = j.value ->> 0
         JOIN sales s ON s.store_id = o.store_id AND s.origin_key = o.origin_key
           AND s.terminal_sale_id = j.value ->> 1`,
      )
      .all(JSON.stringify(sales.map((s) => [s.storeId, s.saleId]))) as { saleId: string }[];
    return new Set(rows.map((r) => r.saleId));
  }
}
