import { and, asc, count, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Product, ProductRef } from '../../../src-shared/contract/products';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import { formatFen } from '../../../src-shared/money';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { changedFields } from '../audit/changed-fields';
import { productBarcodes, products } from './schema';
import { nameInitials } from './initials';

export type ProductRow = typeof products.$inferSelect;

/** Lookups on the hot path (every line of every sale), prepared once per connection. */
const byKey = sql.placeholder('key');
const productQueries = (db: Drizzle) => ({
  byId: db.select().from(products).where(eq(products.id, byKey)).prepare(),
  bySku: db.select().from(products).where(eq(products.sku, byKey)).prepare(),
  byBarcode: db
    .select({ product: products })
    .from(productBarcodes)
    .innerJoin(products, eq(products.id, productBarcodes.productId))
    .where(eq(productBarcodes.barcode, byKey))
    .prepare(),
});

export class ProductsService {
  private readonly queries: ReturnType<typeof productQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.queries = productQueries(adb.db);
  }

  /** The product row a line names by id, SKU or barcode, if any. */
  find(ref: ProductRef): ProductRow | undefined {
    if ('productId' in ref) return this.queries.byId.get({ key: ref.productId });
    if ('sku' in ref) return this.queries.bySku.get({ key: ref.sku });
    return this.queries.byBarcode.get({ key: ref.barcode })?.product;
  }

  /** Like `find`, for line `line` (1-based) of a sale, receipt or transfer: refuses naming it. */
  forLine(ref: ProductRef, line: number): ProductRow {
    const row = this.find(ref);
    if (row) return row;
    const key =
      'productId' in ref
        ? { productId: ref.productId }
        : 'sku' in ref
          ? { sku: ref.sku }
          : { barcode: ref.barcode };
    throw new AppError('LINE_PRODUCT_NOT_FOUND', { line, ...key });
  }

  list(input: ParsedInputOf<'products.list'>): Product[] {
    const { db } = this.adb;
    const search = input.search ? `%${input.search.replace(/[%_]/g, '')}%` : null;
    const bySearchedBarcode = search
      ? db
          .select({ id: productBarcodes.productId })
          .from(productBarcodes)
          .where(like(productBarcodes.barcode, search))
      : null;
    const byExactBarcode = input.barcode
      ? db
          .select({ id: productBarcodes.productId })
          .from(productBarcodes)
          .where(eq(productBarcodes.barcode, input.barcode))
      : null;
    const active = input.active ?? (input.includeInactive ? undefined : true);
    const rows = db
      .select()
      .from(products)
      .where(
        and(
          active === undefined ? undefined : eq(products.active, active),
          input.category !== undefined ? eq(products.category, input.category) : undefined,
          byExactBarcode ? inArray(products.id, byExactBarcode) : undefined,
          search && bySearchedBarcode
            ? or(
                like(products.name, search),
                like(products.sku, search),
                like(products.nameInitials, search.toLowerCase()),
                inArray(products.id, bySearchedBarcode),
              )
            : undefined,
        ),
      )
      .orderBy(asc(products.sku))
      .limit(input.limit)
      .offset(input.offset)
      .all();
    return this.withBarcodes(rows);
  }

  categories(): OutputOf<'products.categories'> {
    return this.adb.db
      .select({ category: products.category, count: count() })
      .from(products)
      .where(eq(products.active, true))
      .groupBy(products.category)
      .orderBy(asc(products.category))
      .all();
  }

  get(id: string): Product {
    const row = this.adb.db.select().from(products).where(eq(products.id, id)).get();
    if (!row) throw new AppError('PRODUCT_NOT_FOUND', { id });
    return this.withBarcodes([row])[0]!;
  }

  /** By id, SKU or barcode; unknown keys answer PRODUCT_NOT_FOUND naming what was looked for. */
  lookup(ref: ProductRef): Product {
    const { db } = this.adb;
    if ('productId' in ref) return this.get(ref.productId);
    if ('sku' in ref) {
      const row = db.select().from(products).where(eq(products.sku, ref.sku)).get();
      if (!row) throw new AppError('PRODUCT_NOT_FOUND', { sku: ref.sku });
      return this.withBarcodes([row])[0]!;
    }
    const link = db
      .select()
      .from(productBarcodes)
      .where(eq(productBarcodes.barcode, ref.barcode))
      .get();
    if (!link) throw new AppError('PRODUCT_NOT_FOUND', { barcode: ref.barcode });
    return this.get(link.productId);
  }

  create(ctx: HandlerContext, input: ParsedInputOf<'products.create'>): Product {
    return this.adb.write(() => {
      this.assertSkuFree(input.sku);
      assertMemberPrice(input.priceFen, input.memberPriceFen ?? null);
      const now = this.clock.now();
      const row: ProductRow = {
        id: newId(),
        sku: input.sku,
        name: input.name,
        category: input.category,
        unit: input.unit,
        priceFen: input.priceFen,
        costFen: input.costFen,
        memberPriceFen: input.memberPriceFen ?? null,
        active: true,
        createdAt: now,
        updatedAt: now,
        nameInitials: nameInitials(input.name),
      };
      this.adb.db.insert(products).values(row).run();
      this.setBarcodes(row.id, input.barcodes);
      const product = this.get(row.id);
      this.audit.record(ctx, {
        action: 'products.create',
        targetType: 'product',
        targetId: row.id,
        details: { sku: row.sku, name: row.name, priceFen: row.priceFen },
      });
      this.adb.emitAfterCommit('products.changed', { productId: row.id });
      return product;
    });
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'products.update'>): Product {
    return this.adb.write(() => {
      const before = this.get(input.id);
      if (input.sku !== undefined && input.sku !== before.sku)
        this.assertSkuFree(input.sku, input.id);
      assertMemberPrice(
        input.priceFen ?? before.priceFen,
        input.memberPriceFen === undefined ? before.memberPriceFen : input.memberPriceFen,
      );
      const { id, barcodes, ...fields } = input;
      this.adb.db
        .update(products)
        .set({
          ...fields,
          ...(fields.name !== undefined ? { nameInitials: nameInitials(fields.name) } : {}),
          updatedAt: this.clock.now(),
        })
        .where(eq(products.id, id))
        .run();
      if (barcodes) this.setBarcodes(id, barcodes);
      const after = this.get(id);
      this.audit.record(ctx, {
        action: 'products.update',
        targetType: 'product',
        targetId: id,
        details: {
          sku: after.sku,
          ...changedFields(before, after),
          ...(barcodes ? { barcodes: { from: before.barcodes, to: after.barcodes } } : {}),
        },
      });
      this.adb.emitAfterCommit('products.changed', { productId: id });
      return after;
    });
  }

  private setBarcodes(productId: string, barcodes: string[]) {
    const { db } = this.adb;
    const unique = [...new Set(barcodes)];
    if (unique.length) {
      const taken = db
        .select()
        .from(productBarcodes)
        .where(
          and(inArray(productBarcodes.barcode, unique), ne(productBarcodes.productId, productId)),
        )
        .get();
      if (taken) throw new AppError('DUPLICATE_CODE', { code: taken.barcode });
    }
    db.delete(productBarcodes).where(eq(productBarcodes.productId, productId)).run();
    for (const barcode of unique) db.insert(productBarcodes).values({ barcode, productId }).run();
  }

  private assertSkuFree(sku: string, exceptId?: string) {
    const clash = this.adb.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.sku, sku), exceptId ? ne(products.id, exceptId) : undefined))
      .get();
    if (clash) throw new AppError('DUPLICATE_CODE', { code: sku });
  }

  private withBarcodes(rows: ProductRow[]): Product[] {
    if (!rows.length) return [];
    const links = this.adb.db
      .select()
      .from(productBarcodes)
      .where(
        inArray(
          productBarcodes.productId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(productBarcodes.barcode))
      .all();
    return rows.map((row) => ({
      ...row,
      barcodes: links.filter((l) => l.productId === row.id).map((l) => l.barcode),
    }));
  }
}

/** A member price is a benefit: never above what anyone pays. */
function assertMemberPrice(priceFen: number, memberPriceFen: number | null) {
  if (memberPriceFen !== null && memberPriceFen > priceFen)
    throw new AppError('MEMBER_PRICE_ABOVE_PRICE', {
      memberPrice: formatFen(memberPriceFen),
      price: formatFen(priceFen),
    });
}
