import { roundHalfUpDiv } from '../../../src-shared/money';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { cashbackCodes, redemptions } from '../coupons/schema';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import type { sales } from '../sales/schema';
import { fastLocalDate } from './local-day';

// The live side of the rollups: the domain events of sales, returns, redemptions, voids, cashback
// payouts and issues each call one method here inside their transaction (rollup-effects.ts), so
// a chart never disagrees with the till. The rebuild (rebuild.ts) computes the same numbers from
// the raw tables.

type RedemptionRow = typeof redemptions.$inferSelect;
type CashbackRow = typeof cashbackCodes.$inferSelect;
type SaleRow = typeof sales.$inferSelect;

/** Every rollup table: its key columns and the counters added up under each key. */
export const ROLLUP_TABLES = {
  storeDay: {
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
  storeProductDay: {
    name: 'rollup_store_product_day',
    keys: ['store_id', 'product_id', 'day'],
    measures: ['sales', 'qty', 'revenue_fen', 'returned_qty', 'refund_fen', 'redemptions'],
  },
  productDay: {
    name: 'rollup_product_day',
    keys: ['product_id', 'day'],
    measures: ['sales', 'qty', 'revenue_fen', 'returned_qty', 'refund_fen', 'redemptions'],
  },
  templateDay: {
    name: 'rollup_template_day',
    keys: ['template_id', 'store_id', 'day'],
    measures: ['issued', 'claimed', 'redeemed', 'cost_fen', 'order_revenue_fen', 'voided'],
  },
  regionDay: {
    name: 'rollup_region_day',
    keys: ['product_id', 'day', 'kind', 'store_id', 'province_code', 'city_code'],
    measures: ['count', 'amount_fen'],
  },
  cashierDay: {
    name: 'rollup_cashier_day',
    keys: ['staff_id', 'store_id', 'day'],
    measures: ['sales', 'sales_fen', 'redemptions', 'discount_fen', 'cashback', 'voids'],
  },
  consumerDay: {
    name: 'rollup_consumer_day',
    keys: ['phone', 'day', 'store_id', 'product_id', 'kind'],
    measures: ['count', 'amount_fen'],
  },
  customerDay: {
    name: 'rollup_customer_day',
    keys: ['phone', 'day', 'store_id', 'product_id'],
    measures: ['sales', 'qty', 'spend_fen', 'refund_fen'],
  },
} as const;

type Tables = typeof ROLLUP_TABLES;
type TableName = keyof Tables;
type Deltas<T extends TableName> = Partial<Record<Tables[T]['measures'][number], number>>;

/** All products together: the '' product row beside the per-product rows. */
export const ALL_PRODUCTS = '';

function upsertSql(table: Tables[TableName]): string {
  const columns = [...table.keys, ...table.measures];
  return `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${table.keys.join(', ')}) DO UPDATE SET
    ${table.measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`;
}

interface StoreFacts {
  timeZone: string;
  provinceCode: string;
  cityCode: string;
}

export class RollupWriter {
  private readonly statements = new Map<TableName, Statement<unknown[]>>();
  private readonly queries = new Map<string, Statement<unknown[]>>();

  constructor(private readonly sqlite: Sqlite) {}

  /** Each statement prepared once: the till's hot path runs several per redemption. */
  private statement(source: string): Statement<unknown[]> {
    let statement = this.queries.get(source);
    if (!statement) this.queries.set(source, (statement = this.sqlite.prepare(source)));
    return statement;
  }

  /** A deleted member's phone becomes their pseudonym in the consumer rollups (PIPL). */
  renamePhone(phone: string, pseudonym: string): void {
    this.statement('UPDATE rollup_consumer_day SET phone = ? WHERE phone = ?').run(
      pseudonym,
      phone,
    );
    this.statement('UPDATE customer_store_first SET phone = ? WHERE phone = ?').run(
      pseudonym,
      phone,
    );
    this.statement('UPDATE rollup_customer_day SET phone = ? WHERE phone = ?').run(
      pseudonym,
      phone,
    );
  }

  /** A sale on the day it was rung up: takings, items, products, cashier, returning customer. */
  onSale(
    sale: Pick<SaleRow, 'id' | 'storeId' | 'staffId' | 'customerPhone' | 'totalFen' | 'soldAt'>,
    lines: { productId: string; qty: number; amountFen: number; discountFen: number }[],
    redemptionIds: string[],
  ): void {
    const store = this.store(sale.storeId);
    const day = fastLocalDate(sale.soldAt, store.timeZone);
    const returning = sale.customerPhone
      ? this.noteCustomer(sale, sale.customerPhone, store.timeZone)
      : false;
    this.add('storeDay', [sale.storeId, day], {
      sales: 1,
      sales_fen: sale.totalFen,
      items: lines.reduce((n, l) => n + l.qty, 0),
      identified_sales: sale.customerPhone ? 1 : 0,
      returning_sales: returning ? 1 : 0,
    });
    const byProduct = new Map<string, { qty: number; revenueFen: number }>();
    for (const line of lines) {
      const sum = byProduct.get(line.productId) ?? { qty: 0, revenueFen: 0 };
      sum.qty += line.qty;
      sum.revenueFen += line.amountFen - line.discountFen;
      byProduct.set(line.productId, sum);
    }
    for (const [productId, sum] of byProduct)
      this.addProduct(sale.storeId, productId, day, {
        sales: 1,
        qty: sum.qty,
        revenue_fen: sum.revenueFen,
      });
    if (sale.customerPhone) {
      const phone = sale.customerPhone;
      this.add('customerDay', [phone, day, sale.storeId, ALL_PRODUCTS], {
        sales: 1,
        qty: lines.reduce((n, l) => n + l.qty, 0),
        spend_fen: sale.totalFen,
      });
      for (const [productId, sum] of byProduct)
        this.add('customerDay', [phone, day, sale.storeId, productId], {
          sales: 1,
          qty: sum.qty,
          spend_fen: sum.revenueFen,
        });
    }
    if (sale.staffId)
      this.add('cashierDay', [sale.staffId, sale.storeId, day], {
        sales: 1,
        sales_fen: sale.totalFen,
      });
    // A coupon used on a sale is credited with the whole sale's total, not just its own order view.
    for (const id of redemptionIds) {
      const r = this.redemption(id);
      if (!r) continue;
      this.add('templateDay', [r.templateId, r.storeId, this.dayOf(r.storeId, r.createdAt)], {
        order_revenue_fen: sale.totalFen - (r.subtotalFen - r.discountFen),
      });
    }
    this.bump();
  }

  /** Goods back: refunds and returned units on the day of the return. */
  onReturn(
    sale: Pick<SaleRow, 'storeId' | 'customerPhone'>,
    returned: { saleLineId: string; qty: number }[],
    at: number,
  ): void {
    const day = this.dayOf(sale.storeId, at);
    let refundFen = 0;
    for (const { saleLineId, qty } of returned) {
      const line = this.statement(
        'SELECT product_id AS productId, qty, amount_fen AS amountFen, discount_fen AS discountFen FROM sale_lines WHERE id = ?',
      ).get(saleLineId) as
        { productId: string; qty: number; amountFen: number; discountFen: number } | undefined;
      if (!line) continue;
      // The same share the refund itself was computed with (sales.return).
      const lineRefund = roundHalfUpDiv((line.amountFen - line.discountFen) * qty, line.qty);
      refundFen += lineRefund;
      this.addProduct(sale.storeId, line.productId, day, {
        returned_qty: qty,
        refund_fen: lineRefund,
      });
      if (sale.customerPhone)
        this.add('customerDay', [sale.customerPhone, day, sale.storeId, line.productId], {
          refund_fen: lineRefund,
        });
    }
    this.add('storeDay', [sale.storeId, day], { refund_fen: refundFen });
    if (sale.customerPhone)
      this.add('customerDay', [sale.customerPhone, day, sale.storeId, ALL_PRODUCTS], {
        refund_fen: refundFen,
      });
    this.bump();
  }

  /** A coupon redeemed at a till (alone or as part of a sale). */
  onRedemption(r: RedemptionRow): void {
    this.addRedemption(r, 1);
    this.bump();
  }

  /** A void takes the redemption out of every count of its day, and counts a void on this one. */
  onRedemptionVoided(r: RedemptionRow, voidedAt: number): void {
    this.addRedemption(r, -1);
    const saleTotal = this.statement(
      'SELECT s.total_fen AS totalFen FROM sale_coupons c JOIN sales s ON s.id = c.sale_id WHERE c.redemption_id = ?',
    ).get(r.id) as { totalFen: number } | undefined;
    if (saleTotal)
      this.add('templateDay', [r.templateId, r.storeId, this.dayOf(r.storeId, r.createdAt)], {
        order_revenue_fen: -(saleTotal.totalFen - (r.subtotalFen - r.discountFen)),
      });
    const day = this.dayOf(r.storeId, voidedAt);
    this.add('storeDay', [r.storeId, day], { voids: 1 });
    this.add('templateDay', [r.templateId, r.storeId, day], { voided: 1 });
    if (r.staffId) this.add('cashierDay', [r.staffId, r.storeId, day], { voids: 1 });
    this.bump();
  }

  /** A cashback code paid out to a phone. */
  onCashbackRedeemed(code: CashbackRow, phone: string, at: number, staffId: string | null): void {
    const day = this.dayOf(code.storeId, at);
    this.add('storeDay', [code.storeId, day], { cashback: 1, cashback_fen: code.rewardFen });
    this.addProduct(code.storeId, code.productId, day, { redemptions: 1 });
    this.add('templateDay', [code.templateId, code.storeId, day], {
      redeemed: 1,
      cost_fen: code.rewardFen,
    });
    for (const productId of [ALL_PRODUCTS, code.productId]) {
      this.add(
        'regionDay',
        [productId, day, 'cashback', code.storeId, code.provinceCode, code.cityCode],
        { count: 1, amount_fen: code.rewardFen },
      );
      this.add('consumerDay', [phone, day, code.storeId, productId, 'cashback'], {
        count: 1,
        amount_fen: code.rewardFen,
      });
    }
    this.stampConsumerDay(day);
    if (staffId) this.add('cashierDay', [staffId, code.storeId, day], { cashback: 1 });
    this.bump();
  }

  /**
   * Codes of a template that came to exist here (a batch chunk, a till's spend-and-get, a
   * cashback slip, codes pulled from another PC or claimed on phones), on the issuing store's
   * day; claimed codes count among the issued too.
   */
  onIssued(
    templateId: string,
    count: number,
    at: number,
    storeId: string | null,
    claimed: boolean,
  ): void {
    const day = fastLocalDate(at, storeId ? this.store(storeId).timeZone : DEFAULT_TIME_ZONE);
    this.add('templateDay', [templateId, '', day], { issued: count, claimed: claimed ? count : 0 });
    this.bump();
  }

  /** The rollups no longer follow the raw rows: the next start (or the caller) rebuilds them. */
  markForRebuild(): void {
    this.statement('UPDATE analytics_state SET rebuilt_at = NULL WHERE id = 1').run();
  }

  private addRedemption(r: RedemptionRow, sign: 1 | -1): void {
    const store = this.store(r.storeId);
    const day = fastLocalDate(r.createdAt, store.timeZone);
    const discount = sign * r.discountFen;
    this.add('storeDay', [r.storeId, day], { redemptions: sign, discount_fen: discount });
    this.add('templateDay', [r.templateId, r.storeId, day], {
      redeemed: sign,
      cost_fen: discount,
      order_revenue_fen: sign * (r.subtotalFen - r.discountFen),
    });
    if (r.staffId)
      this.add('cashierDay', [r.staffId, r.storeId, day], {
        redemptions: sign,
        discount_fen: discount,
      });
    const products = productsOf(r.lines);
    for (const productId of products)
      this.addProduct(r.storeId, productId, day, { redemptions: sign });
    for (const productId of [ALL_PRODUCTS, ...products]) {
      this.add(
        'regionDay',
        [productId, day, 'coupon', r.storeId, store.provinceCode, store.cityCode],
        { count: sign, amount_fen: discount },
      );
      if (r.customerPhone)
        this.add('consumerDay', [r.customerPhone, day, r.storeId, productId, 'coupon'], {
          count: sign,
          amount_fen: discount,
        });
    }
    if (r.customerPhone) this.stampConsumerDay(day);
  }

  /** Whether the customer bought in this store before; remembers the first purchase. */
  private noteCustomer(
    sale: Pick<SaleRow, 'storeId' | 'soldAt'>,
    phone: string,
    timeZone: string,
  ): boolean {
    const first = this.statement(
      'SELECT first_sold_at AS at FROM customer_store_first WHERE store_id = ? AND phone = ?',
    ).get(sale.storeId, phone) as { at: number } | undefined;
    if (first && first.at <= sale.soldAt) return true;
    // A late-posted sale older than the first we knew: that one was a return visit after all.
    if (first)
      this.add('storeDay', [sale.storeId, fastLocalDate(first.at, timeZone)], {
        returning_sales: 1,
      });
    // New here, or earlier than the one we knew: this one is the first.
    this.statement(
      `INSERT INTO customer_store_first (store_id, phone, first_sold_at) VALUES (?, ?, ?)
         ON CONFLICT (store_id, phone) DO UPDATE SET first_sold_at = excluded.first_sold_at`,
    ).run(sale.storeId, phone, sale.soldAt);
    return false;
  }

  /** A product's figures count for its store and for the product over all stores. */
  private addProduct(
    storeId: string,
    productId: string,
    day: string,
    deltas: Deltas<'storeProductDay'>,
  ): void {
    this.add('storeProductDay', [storeId, productId, day], deltas);
    this.add('productDay', [productId, day], deltas);
  }

  private add<T extends TableName>(table: T, key: string[], deltas: Deltas<T>): void {
    let statement = this.statements.get(table);
    if (!statement)
      this.statements.set(
        table,
        (statement = this.sqlite.prepare(upsertSql(ROLLUP_TABLES[table]))),
      );
    const measures = ROLLUP_TABLES[table].measures as readonly string[];
    statement.run(...key, ...measures.map((m) => (deltas as Record<string, number>)[m] ?? 0));
  }

  /** Tells in-memory readers of the consumer rows that this day changed. */
  private stampConsumerDay(day: string): void {
    this.statement(
      `INSERT INTO rollup_consumer_stamp (day, stamp) VALUES (?, 1)
         ON CONFLICT (day) DO UPDATE SET stamp = stamp + 1`,
    ).run(day);
  }

  private bump(): void {
    this.statement('UPDATE analytics_state SET generation = generation + 1 WHERE id = 1').run();
  }

  private store(storeId: string): StoreFacts {
    const row = this.statement(
      'SELECT timezone AS timeZone, province_code AS provinceCode, city_code AS cityCode FROM stores WHERE id = ?',
    ).get(storeId) as StoreFacts | undefined;
    return row ?? { timeZone: 'Asia/Shanghai', provinceCode: '', cityCode: '' };
  }

  private dayOf(storeId: string, at: number): string {
    return fastLocalDate(at, this.store(storeId).timeZone);
  }

  private redemption(id: string): RedemptionRow | undefined {
    const row = this.statement(
      `SELECT id, template_id AS templateId, store_id AS storeId, subtotal_fen AS subtotalFen,
           discount_fen AS discountFen, created_at AS createdAt FROM redemptions WHERE id = ?`,
    ).get(id);
    return row as RedemptionRow | undefined;
  }
}

/** The distinct products a redemption's priced lines name (none for a subtotal-only order). */
export function productsOf(lines: unknown): string[] {
  const ids = new Set<string>();
  if (Array.isArray(lines))
    for (const line of lines) {
      const productId = (line as { productId?: unknown }).productId;
      if (typeof productId === 'string' && productId) ids.add(productId);
    }
  return [...ids];
}
