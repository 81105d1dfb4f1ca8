import { sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import {
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportIssue,
  type ImportMapping,
  type ImportRow,
} from '../../../src-shared/contract/products';
import type { Language } from '../../../src-shared/i18n';
import { guessMapping, splitBarcodes } from '../../../src-shared/inventory/import-mapping';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { readImportFile, type ImportTable } from '../imports/file';
import { ImportReport, columnReader, usableMapping, yuanCell } from '../imports/report';
import { productBarcodes, products } from './schema';
import {
  areImportBarcodes,
  isImportBarcode,
  isImportCategory,
  isImportName,
  isImportSku,
  isImportUnit,
} from './import-fields';
import { writeImportRows } from './import-writer';

type ImportInput = ParsedInputOf<'products.import'>;

const PREVIEW_ROWS = 200;
const MAX_ISSUES = 1000;

interface CheckedFile {
  table: ImportTable;
  mapping: ImportMapping;
  rows: ImportRow[];
  issues: ImportIssue[];
  /** SKU → id of the product on file (for updates). */
  existing: Map<string, string>;
}

/**
 * Products from a POS export, in two steps: a preview that reads and checks every row and writes
 * nothing, then the import, which checks again and writes all rows in one transaction or none.
 * The checking (and the reading of the file) happens before the write transaction, so even a
 * large file holds the database only for the inserts.
 */
export class ProductImportService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async preview(
    ctx: HandlerContext,
    input: ImportInput,
  ): Promise<OutputOf<'products.importPreview'>> {
    const checked = await this.check(ctx.lang, input);
    const withProblems = checked.rows.filter((r) => r.issues.length);
    const clean = checked.rows.filter((r) => !r.issues.length);
    return {
      format: checked.table.format,
      encoding: checked.table.encoding,
      headers: checked.table.headers,
      mapping: checked.mapping,
      rowCount: checked.rows.length,
      createCount: clean.filter((r) => r.action === 'create').length,
      updateCount: clean.filter((r) => r.action === 'update').length,
      errorCount: checked.issues.length,
      rows: [...withProblems, ...clean].slice(0, PREVIEW_ROWS),
      issues: checked.issues.slice(0, MAX_ISSUES),
    };
  }

  async commit(
    ctx: HandlerContext,
    input: ImportInput,
    progress: (phase: 'writing', done: number, total: number) => void = () => {},
  ): Promise<OutputOf<'products.import'>> {
    const started = performance.now();
    const checked = await this.check(ctx.lang, input);
    const onRows = new Set(checked.rows.flatMap((row) => row.issues));
    const rowless = checked.issues.filter((issue) => !onRows.has(issue));
    if (checked.issues.length && (!input.skipInvalid || rowless.length))
      throw new AppError('IMPORT_INVALID', {
        errorCount: checked.issues.length,
        first: checked.issues[0]!.message,
        problems: checked.issues.slice(0, 50),
      });
    const mapped = (field: ImportField) => checked.mapping[field] !== null;
    const rows = checked.rows.filter((row) => !row.issues.length);
    const skipped = checked.rows.length - rows.length;
    const writeStarted = performance.now();
    const { created, updated } = this.adb.write(() => {
      const counts = writeImportRows(
        this.adb.sqlite,
        rows,
        checked.existing,
        mapped,
        this.clock.now(),
        (done) => progress('writing', done, rows.length),
      );
      this.audit.record(ctx, {
        action: 'products.import',
        targetType: 'product',
        details: { fileName: input.fileName, ...counts, skipped },
      });
      this.adb.emitAfterCommit('products.imported', counts);
      return counts;
    });
    const finished = performance.now();
    return {
      created,
      updated,
      skipped,
      durationMs: Math.round(finished - started),
      writeMs: Math.round(finished - writeStarted),
    };
  }

  private async check(lang: Language, input: ImportInput): Promise<CheckedFile> {
    const table = await readImportFile(input.fileName, Buffer.from(input.contentBase64, 'base64'));
    const mapping = usableMapping(input.mapping ?? guessMapping(table.headers), table.headers);
    const report = new ImportReport<ImportField>(lang, (messages) => messages.importFields);
    const issue = report.add.bind(report);
    report.requireMapped(mapping, REQUIRED_IMPORT_FIELDS);
    const cell = columnReader(table, mapping);

    const rows: ImportRow[] = table.rows.map(({ row, cells }) => {
      const checked: ImportRow = {
        row,
        action: 'create',
        sku: cell(cells, 'sku'),
        name: cell(cells, 'name'),
        barcodes: splitBarcodes(cell(cells, 'barcodes')),
        category: cell(cells, 'category'),
        unit: cell(cells, 'unit') || '件',
        priceFen: null,
        costFen: null,
        issues: [],
      };
      // A required field with no column has one problem (the mapping), not one per row.
      if (!checked.sku) {
        if (mapping.sku !== null) issue(checked, row, 'sku', 'REQUIRED');
      } else if (!isImportSku(checked.sku)) issue(checked, row, 'sku', 'BAD_SKU', checked.sku);
      if (!checked.name) {
        if (mapping.name !== null) issue(checked, row, 'name', 'REQUIRED');
      } else if (!isImportName(checked.name)) issue(checked, row, 'name', 'TOO_LONG', checked.name);
      if (!isImportCategory(checked.category))
        issue(checked, row, 'category', 'TOO_LONG', checked.category);
      if (!isImportUnit(checked.unit)) issue(checked, row, 'unit', 'TOO_LONG', checked.unit);
      if (!areImportBarcodes(checked.barcodes)) {
        const bad = checked.barcodes.find((b) => !isImportBarcode(b));
        if (bad) issue(checked, row, 'barcodes', 'BAD_BARCODE', bad);
        else issue(checked, row, 'barcodes', 'TOO_LONG', checked.barcodes.join(','));
      }
      const priceRequired = mapping.priceYuan !== null; // else: one mapping problem
      checked.priceFen = this.yuan(
        checked,
        row,
        'priceYuan',
        cell(cells, 'priceYuan'),
        report,
        priceRequired,
      );
      checked.costFen = this.yuan(checked, row, 'costYuan', cell(cells, 'costYuan'), report, false);
      return checked;
    });

    // Duplicates within the file: the later row is the one in error, naming the first.
    const skuRow = new Map<string, number>();
    const barcodeRow = new Map<string, number>();
    for (const row of rows) {
      if (row.sku) {
        const first = skuRow.get(row.sku);
        if (first !== undefined)
          issue(row, row.row, 'sku', 'DUPLICATE_SKU_IN_FILE', row.sku, first);
        else skuRow.set(row.sku, row.row);
      }
      for (const barcode of new Set(row.barcodes)) {
        const first = barcodeRow.get(barcode);
        if (first !== undefined)
          issue(row, row.row, 'barcodes', 'DUPLICATE_BARCODE_IN_FILE', barcode, first);
        else barcodeRow.set(barcode, row.row);
      }
    }

    // Against the database, in two set lookups.
    const existing = this.existingSkus([...skuRow.keys()]);
    const owners = this.barcodeOwners([...barcodeRow.keys()]);
    for (const row of rows) {
      const productId = existing.get(row.sku);
      if (productId !== undefined) {
        if (input.updateExisting) row.action = 'update';
        else issue(row, row.row, 'sku', 'SKU_EXISTS', row.sku);
      }
      for (const barcode of row.barcodes) {
        const owner = owners.get(barcode);
        if (owner !== undefined && owner !== productId)
          issue(row, row.row, 'barcodes', 'BARCODE_TAKEN', barcode);
      }
    }
    return { table, mapping, rows, issues: report.sorted(), existing };
  }

  /** A price cell in fen, or null with its problem on the row. */
  private yuan(
    row: ImportRow,
    rowNumber: number,
    field: 'priceYuan' | 'costYuan',
    text: string,
    report: ImportReport<ImportField>,
    required: boolean,
  ): number | null {
    if (!text) {
      if (required) report.add(row, rowNumber, field, 'REQUIRED');
      return null;
    }
    const read = yuanCell(text);
    if ('fen' in read) return read.fen;
    report.add(row, rowNumber, field, read.problem, text);
    return null;
  }

  private existingSkus(skus: string[]): Map<string, string> {
    const rows = this.adb.db
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(sql`${products.sku} IN (SELECT value FROM json_each(${JSON.stringify(skus)}))`)
      .all();
    return new Map(rows.map((r) => [r.sku, r.id]));
  }

  private barcodeOwners(barcodes: string[]): Map<string, string> {
    const rows = this.adb.db
      .select()
      .from(productBarcodes)
      .where(
        sql`${productBarcodes.barcode} IN (SELECT value FROM json_each(${JSON.stringify(barcodes)}))`,
      )
      .all();
    return new Map(rows.map((r) => [r.barcode, r.productId]));
  }
}
