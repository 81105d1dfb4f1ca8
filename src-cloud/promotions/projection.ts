import { sql } from 'drizzle-orm';
import { strategyChangedSchema } from '../../src-shared/sync/events';
import type { Queryable } from '../db/open';

type Row = {
  merchant_id: string;
  store_id: string;
  product_id: string;
  kind: string;
  status: string;
  sku: string;
  product_name: string;
  category: string;
  price_fen: number;
  pay_permille: number | null;
  discounted_price_fen: number | null;
  coupon_template_id: string | null;
  updated_at: number;
};

/**
 * The promotions consumers read, folded from `strategies.changed` events: part of the
 * projector's batch (live pushes and rebuilds fold the same way); the newer edit wins.
 */
export class PromotionsProjection {
  private readonly rows = new Map<string, Row>();

  get size() {
    return this.rows.size;
  }

  add(merchantId: string, kind: string, payload: Record<string, unknown>): void {
    if (kind !== 'strategies.changed') return;
    const parsed = strategyChangedSchema.safeParse(payload);
    if (!parsed.success) return;
    const p = parsed.data;
    const key = `${merchantId}|${p.storeId}|${p.productId}|${p.kind}`;
    const prior = this.rows.get(key);
    if (prior && prior.updated_at > p.updatedAt) return;
    this.rows.set(key, {
      merchant_id: merchantId,
      store_id: p.storeId,
      product_id: p.productId,
      kind: p.kind,
      status: p.status,
      sku: p.sku,
      product_name: p.productName,
      category: p.category,
      price_fen: p.priceFen,
      pay_permille: p.payPermille ?? null,
      discounted_price_fen: p.discountedPriceFen ?? null,
      coupon_template_id: p.couponTemplateId ?? null,
      updated_at: p.updatedAt,
    });
  }

  async flush(db: Queryable): Promise<void> {
    if (!this.rows.size) return;
    const rows = JSON.stringify([...this.rows.values()]);
    this.rows.clear();
    await db.execute(sql`
      insert into published_strategies (merchant_id, store_id, product_id, kind, status, sku,
        product_name, category, price_fen, pay_permille, discounted_price_fen, coupon_template_id,
        updated_at)
      select merchant_id, store_id, product_id, kind, status, sku, product_name, category,
        price_fen, pay_permille, discounted_price_fen, coupon_template_id, updated_at
      from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text, product_id text,
        kind text, status text, sku text, product_name text, category text, price_fen bigint,
        pay_permille integer, discounted_price_fen bigint, coupon_template_id text, updated_at bigint)
      on conflict (merchant_id, store_id, product_id, kind) do update set
        status = excluded.status, sku = excluded.sku, product_name = excluded.product_name,
        category = excluded.category, price_fen = excluded.price_fen,
        pay_permille = excluded.pay_permille, discounted_price_fen = excluded.discounted_price_fen,
        coupon_template_id = excluded.coupon_template_id, updated_at = excluded.updated_at
      where published_strategies.updated_at <= excluded.updated_at`);
  }
}
