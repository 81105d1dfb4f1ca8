import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Movement, StockSettings } from '../../../src-shared/contract/stock';
import type { AlertsService } from '../alerts/service';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { products } from '../products/schema';
import type { ProductsService } from '../products/service';
import { staff } from '../staff/schema';
import { stores } from '../stores/schema';
import type { StoresService } from '../stores/service';
import { levelsQuery } from './levels';
import type { StockDocumentFacts } from '../events/catalogue';
import type { MovementDraft, MovementRow, StockLedger } from './ledger';
import { stockMovements, stockSettings } from './schema';

/** Receipts (进货), stocktakes (盘点) and transfers (调拨), and what they left on the shelves. */
export class StockService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly ledger: StockLedger,
    private readonly products: ProductsService,
    private readonly stores: StoresService,
    private readonly alerts: AlertsService,
  ) {}

  receive(ctx: HandlerContext, input: ParsedInputOf<'stock.receive'>): OutputOf<'stock.receive'> {
    const store = this.stores.get(input.storeId);
    return this.adb.write(() => {
      const receiptId = this.ledger.openDocument(ctx, {
        kind: 'receipt',
        storeId: store.id,
        supplier: input.supplier,
        note: input.note,
      });
      const drafts = input.lines.map((line, i): MovementDraft => {
        const product = this.products.forLine(line, i + 1);
        return {
          storeId: store.id,
          productId: product.id,
          kind: 'receive',
          qty: line.qty,
          refType: 'receipt',
          refId: receiptId,
          unitCostFen: line.unitCostFen,
          note: input.note,
          line: i + 1,
          productName: product.name,
        };
      });
      const movements = this.move(ctx, drafts, {
        kind: 'receipt',
        id: receiptId,
        storeId: store.id,
        supplier: input.supplier,
        lines: drafts.length,
      });
      return { receiptId, movements };
    });
  }

  adjust(ctx: HandlerContext, input: ParsedInputOf<'stock.adjust'>): OutputOf<'stock.adjust'> {
    const store = this.stores.get(input.storeId);
    return this.adb.write(() => {
      const stocktakeId = this.ledger.openDocument(ctx, {
        kind: 'stocktake',
        storeId: store.id,
        note: input.note,
      });
      const lines: OutputOf<'stock.adjust'>['lines'] = [];
      const drafts: MovementDraft[] = [];
      // Counted against the level at this moment, line by line (a product counted twice: the
      // second count is compared with the first).
      const expected = new Map<string, number>();
      input.lines.forEach((line, i) => {
        const product = this.products.forLine(line, i + 1);
        const expectedQty = expected.get(product.id) ?? this.ledger.level(store.id, product.id);
        const differenceQty = line.countedQty - expectedQty;
        expected.set(product.id, line.countedQty);
        lines.push({
          productId: product.id,
          sku: product.sku,
          productName: product.name,
          expectedQty,
          countedQty: line.countedQty,
          differenceQty,
        });
        if (differenceQty !== 0)
          drafts.push({
            storeId: store.id,
            productId: product.id,
            kind: 'adjust',
            qty: differenceQty,
            refType: 'stocktake',
            refId: stocktakeId,
            note: input.note,
            line: i + 1,
            productName: product.name,
          });
      });
      const movements = this.move(ctx, drafts, {
        kind: 'stocktake',
        id: stocktakeId,
        storeId: store.id,
        counted: lines.length,
      });
      return { stocktakeId, lines, movements };
    });
  }

  transfer(
    ctx: HandlerContext,
    input: ParsedInputOf<'stock.transfer'>,
  ): OutputOf<'stock.transfer'> {
    if (input.fromStoreId === input.toStoreId) throw new AppError('SAME_STORE_TRANSFER');
    const from = this.stores.get(input.fromStoreId);
    const to = this.stores.get(input.toStoreId);
    return this.adb.write(() => {
      const transferId = this.ledger.openDocument(ctx, {
        kind: 'transfer',
        storeId: from.id,
        toStoreId: to.id,
        note: input.note,
      });
      const drafts = input.lines.flatMap((line, i): MovementDraft[] => {
        const product = this.products.forLine(line, i + 1);
        const common = {
          productId: product.id,
          refType: 'transfer' as const,
          refId: transferId,
          note: input.note,
          line: i + 1,
          productName: product.name,
        };
        return [
          { ...common, storeId: from.id, kind: 'transfer_out', qty: -line.qty },
          { ...common, storeId: to.id, kind: 'transfer_in', qty: line.qty },
        ];
      });
      const movements = this.move(ctx, drafts, {
        kind: 'transfer',
        id: transferId,
        storeId: from.id,
        toStoreName: to.name,
        lines: input.lines.length,
      });
      return { transferId, movements };
    });
  }

  levels(input: ParsedInputOf<'stock.levels'>): OutputOf<'stock.levels'> {
    return levelsQuery(this.adb.sqlite, input);
  }

  movements(input: ParsedInputOf<'stock.movements'>): OutputOf<'stock.movements'> {
    const m = stockMovements;
    const filters: SQL[] = [];
    if (input.storeId) filters.push(eq(m.storeId, input.storeId));
    if (input.productId) filters.push(eq(m.productId, input.productId));
    if (input.kind) filters.push(eq(m.kind, input.kind));
    if (input.from !== undefined) filters.push(gte(m.createdAt, input.from));
    if (input.to !== undefined) filters.push(lte(m.createdAt, input.to));
    if (input.before) filters.push(lt(m.id, input.before));
    const rows = this.adb.db
      .select()
      .from(m)
      .where(and(...filters))
      .orderBy(desc(m.id))
      .limit(input.limit + 1)
      .all();
    const items = this.toMovements(rows.slice(0, input.limit));
    return {
      items,
      nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null,
    };
  }

  settings(storeId: string): StockSettings {
    this.stores.get(storeId);
    return this.ledger.settings(storeId);
  }

  setSettings(ctx: HandlerContext, input: ParsedInputOf<'stock.setSettings'>): StockSettings {
    this.stores.get(input.storeId);
    return this.adb.write(() => {
      const before = this.ledger.settings(input.storeId);
      const after = { ...before, ...input };
      const { storeId, ...values } = after;
      this.adb.db
        .insert(stockSettings)
        .values({ storeId, ...values, updatedAt: this.clock.now() })
        .onConflictDoUpdate({
          target: stockSettings.storeId,
          set: { ...values, updatedAt: this.clock.now() },
        })
        .run();
      this.audit.record(ctx, {
        action: 'stock.setSettings',
        targetType: 'store',
        targetId: storeId,
        storeId,
        details: values,
      });
      // Lead and cover days change the restock suggestions: refresh that store's alerts.
      this.alerts.evaluateWithin({ storeId });
      return after;
    });
  }

  /** Movements as the contract shows them, with store, product and staff names. */
  toMovements(rows: MovementRow[]): Movement[] {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const named = this.adb.db
      .select({
        id: stockMovements.id,
        storeName: stores.name,
        sku: products.sku,
        productName: products.name,
        staffName: staff.name,
      })
      .from(stockMovements)
      .innerJoin(stores, eq(stores.id, stockMovements.storeId))
      .innerJoin(products, eq(products.id, stockMovements.productId))
      .leftJoin(staff, eq(staff.id, stockMovements.staffId))
      .where(inArray(stockMovements.id, ids))
      .all();
    const byId = new Map(named.map((n) => [n.id, n]));
    return rows.map((row) => {
      const names = byId.get(row.id)!;
      return {
        id: row.id,
        storeId: row.storeId,
        storeName: names.storeName,
        productId: row.productId,
        sku: names.sku,
        productName: names.productName,
        kind: row.kind,
        qty: row.qty,
        levelAfter: row.levelAfter,
        refType: row.refType,
        refId: row.refId,
        unitCostFen: row.unitCostFen,
        note: row.note,
        staffName: names.staffName ?? null,
        createdAt: row.createdAt,
      };
    });
  }

  private move(ctx: HandlerContext, drafts: MovementDraft[], document: StockDocumentFacts) {
    const rows = this.ledger.move(ctx, drafts, document, (id) => this.stores.get(id).name);
    return this.toMovements(rows);
  }
}
