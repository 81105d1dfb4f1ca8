import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  cashbackIssuedSchema,
  cashbackRedeemedSchema,
  saleRecordedSchema,
  saleReturnedSchema,
  stockDocumentSchema,
  storeChangedSchema,
} from '../../src-shared/sync/events';
import { convert, type CoordSystem } from '../../src-shared/geo/coordinates';
import { localDate } from '../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { Queryable } from '../db/open';
import { PromotionsProjection } from '../promotions/projection';
import { WalletProjection } from '../wallet/projection';
import { ProjectionMemory, type ProjectedEvent } from './projection-memory';
import { chainStores } from './schema';

type DailyField =
  | 'salesCount'
  | 'salesFen'
  | 'refundsFen'
  | 'redemptionCount'
  | 'discountFen'
  | 'cashbackIssuedCount'
  | 'cashbackIssuedFen'
  | 'cashbackPaidCount'
  | 'cashbackPaidFen';
type Daily = { merchantId: string; storeId: string; day: string } & Record<DailyField, number>;
type StoreInfo = typeof chainStores.$inferInsert;

type StockDocument = z.infer<typeof stockDocumentSchema>;

/**
 * The payload of an accepted event: the push validated it against the catalogue already (read as
 * is); a legacy kind was taken as any object, so it is read only if it has the shape.
 */
function accepted<S extends z.ZodType>(
  validated: boolean,
  schema: S,
  payload: Record<string, unknown>,
): z.infer<S> | null {
  if (validated) return payload as z.infer<S>;
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/**
 * Folds events into changes of the projections, in memory, then writes them in one statement
 * per table: a push of a thousand events costs a handful of statements, not thousands.
 */
export class ProjectionBatch {
  private readonly stock = new Map<
    string,
    {
      merchantId: string;
      storeId: string;
      productId: string;
      sku: string | null;
      qty: number;
      rev: number;
      at: number;
    }
  >();
  private readonly daily = new Map<string, Daily>();
  private readonly infos = new Map<string, StoreInfo>();
  private readonly heard = new Map<string, { merchantId: string; storeId: string; at: number }>();
  /** What may be claimed on phones (templates, issuance QRs, store posters). */
  private readonly wallet = new WalletProjection();
  /** Items of advice shown to consumers. */
  private readonly promotions = new PromotionsProjection();

  constructor(private readonly memory: ProjectionMemory) {}

  get size() {
    return (
      this.stock.size +
      this.daily.size +
      this.infos.size +
      this.heard.size +
      this.wallet.size +
      this.promotions.size
    );
  }

  add(event: ProjectedEvent): void {
    if (event.status !== 'accepted') return;
    const { merchantId, payload, receivedAt } = event;
    const rev = event.seq ?? 0;
    const touch = (storeId: string) => {
      const key = `${merchantId}|${storeId}`;
      const prior = this.heard.get(key);
      if (!prior || prior.at < receivedAt)
        this.heard.set(key, { merchantId, storeId, at: receivedAt });
    };
    const move = (
      storeId: string,
      m: { productId: string; sku?: string | null | undefined; qty: number },
    ) => {
      const key = `${merchantId}|${storeId}|${m.productId}`;
      const row = this.stock.get(key);
      const sku = m.sku ?? null;
      if (row) {
        row.qty += m.qty;
        row.rev = rev;
        row.at = receivedAt;
        row.sku = sku ?? row.sku;
      } else
        this.stock.set(key, {
          merchantId,
          storeId,
          productId: m.productId,
          sku,
          qty: m.qty,
          rev,
          at: receivedAt,
        });
      touch(storeId);
    };
    const count = (storeId: string, day: string, changes: Partial<Record<DailyField, number>>) => {
      const key = `${merchantId}|${storeId}|${day}`;
      let row = this.daily.get(key);
      if (!row) {
        row = {
          merchantId,
          storeId,
          day,
          salesCount: 0,
          salesFen: 0,
          refundsFen: 0,
          redemptionCount: 0,
          discountFen: 0,
          cashbackIssuedCount: 0,
          cashbackIssuedFen: 0,
          cashbackPaidCount: 0,
          cashbackPaidFen: 0,
        };
        this.daily.set(key, row);
      }
      for (const [field, value] of Object.entries(changes)) row[field as DailyField] += value;
      touch(storeId);
    };
    const memory = this.memory;
    this.wallet.add(merchantId, event.kind, payload);
    this.promotions.add(merchantId, event.kind, payload);
    switch (event.kind) {
      case 'stock.received':
      case 'stock.adjusted':
      case 'stock.transferred': {
        for (const m of (payload as StockDocument).movements) move(m.storeId, m);
        break;
      }
      case 'stock.moved': {
        // The legacy name: counted when it carries movements as the documents do.
        const doc = stockDocumentSchema.safeParse(payload);
        if (doc.success) for (const m of doc.data.movements) move(m.storeId, m);
        break;
      }
      case 'sale.recorded':
      case 'sales.recorded': {
        const sale = accepted(event.kind === 'sale.recorded', saleRecordedSchema, payload);
        if (!sale) break;
        const s = sale;
        for (const m of s.movements) move(s.storeId, m);
        const day = s.businessDate || localDate(s.soldAt, memory.zone(s.storeId));
        count(s.storeId, day, { salesCount: 1, salesFen: s.totalFen });
        break;
      }
      case 'sale.returned': {
        const back = payload as z.infer<typeof saleReturnedSchema>;
        for (const m of back.movements) move(m.storeId, m);
        for (const r of back.refunds)
          count(r.storeId, r.businessDate || localDate(r.at, memory.zone(r.storeId)), {
            refundsFen: r.amountFen,
          });
        break;
      }
      case 'redemption.completed': {
        if (!memory.remember(event.kind, payload)) break;
        const claim = memory.redemptions.get(String(payload.id))!;
        count(claim.storeId, claim.day, { redemptionCount: 1, discountFen: claim.discountFen });
        break;
      }
      case 'redemption.voided': {
        if (!memory.remember(event.kind, payload)) break;
        const claim = memory.redemptions.get(String(payload.redemptionId))!;
        count(claim.storeId, claim.day, { redemptionCount: -1, discountFen: -claim.discountFen });
        break;
      }
      case 'cashback.issued': {
        if (!memory.remember(event.kind, payload)) break;
        const code = cashbackIssuedSchema.parse(payload);
        count(code.storeId, localDate(code.issuedAt, memory.zone(code.storeId)), {
          cashbackIssuedCount: 1,
          cashbackIssuedFen: code.rewardFen,
        });
        break;
      }
      case 'cashback.redeemed': {
        const paid = cashbackRedeemedSchema.safeParse(payload);
        const code = paid.success ? memory.cashbackCodes.get(paid.data.id) : undefined;
        if (!paid.success || !code) break;
        count(code.storeId, localDate(paid.data.redeemedAt, memory.zone(code.storeId)), {
          cashbackPaidCount: 1,
          cashbackPaidFen: code.rewardFen,
        });
        break;
      }
      case 'stores.changed': {
        const parsed = storeChangedSchema.safeParse(payload);
        if (!parsed.success) break;
        memory.remember(event.kind, payload);
        const s = parsed.data;
        const key = `${merchantId}|${s.id}`;
        const prior = this.infos.get(key);
        const updatedAt = s.updatedAt ?? receivedAt;
        if (!prior || (prior.updatedAt ?? 0) <= updatedAt)
          this.infos.set(key, {
            merchantId,
            storeId: s.id,
            name: s.name ?? '',
            code: s.code ?? '',
            provinceCode: s.provinceCode ?? '',
            cityCode: s.cityCode ?? '',
            districtCode: s.districtCode ?? '',
            // Kept in GCJ-02, the system every distance here is measured in.
            ...inGcj02(s),
            businessDistrict: s.businessDistrict ?? null,
            timezone: s.timezone ?? DEFAULT_TIME_ZONE,
            active: s.active ?? true,
            updatedAt,
            lastEventAt: receivedAt,
          });
        touch(s.id);
        break;
      }
    }
  }

  /** Writes the changes: stock and daily figures added, store descriptions newer-wins. */
  async flush(db: Queryable): Promise<void> {
    await this.wallet.flush(db);
    await this.promotions.flush(db);
    if (this.infos.size) {
      const rows = JSON.stringify(
        [...this.infos.values()].map((r) => ({
          merchant_id: r.merchantId,
          store_id: r.storeId,
          name: r.name,
          code: r.code,
          province_code: r.provinceCode,
          city_code: r.cityCode,
          district_code: r.districtCode,
          lat: r.lat,
          lng: r.lng,
          business_district: r.businessDistrict,
          timezone: r.timezone,
          active: r.active,
          updated_at: r.updatedAt,
          last_event_at: r.lastEventAt,
        })),
      );
      await db.execute(sql`
        insert into chain_stores (merchant_id, store_id, name, code, province_code, city_code,
          district_code, lat, lng, business_district, timezone, active, updated_at, last_event_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text,
          name text, code text, province_code text, city_code text, district_code text,
          lat double precision, lng double precision, business_district text, timezone text,
          active boolean, updated_at bigint, last_event_at bigint)
        on conflict (merchant_id, store_id) do update set name = excluded.name,
          code = excluded.code, province_code = excluded.province_code,
          city_code = excluded.city_code, district_code = excluded.district_code,
          lat = excluded.lat, lng = excluded.lng, business_district = excluded.business_district,
          timezone = excluded.timezone, active = excluded.active, updated_at = excluded.updated_at
        where excluded.updated_at >= chain_stores.updated_at`);
    }
    if (this.heard.size) {
      const rows = JSON.stringify(
        [...this.heard.values()].map((r) => ({
          merchant_id: r.merchantId,
          store_id: r.storeId,
          at: r.at,
        })),
      );
      await db.execute(sql`
        insert into chain_stores (merchant_id, store_id, last_event_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text,
          at bigint)
        on conflict (merchant_id, store_id) do update
          set last_event_at = greatest(chain_stores.last_event_at, excluded.last_event_at)`);
    }
    if (this.stock.size) {
      const rows = JSON.stringify(
        [...this.stock.values()].map((r) => ({
          merchant_id: r.merchantId,
          store_id: r.storeId,
          product_id: r.productId,
          sku: r.sku,
          qty: r.qty,
          rev: r.rev,
          updated_at: r.at,
        })),
      );
      await db.execute(sql`
        insert into store_stock (merchant_id, store_id, product_id, sku, qty, rev, updated_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text,
          product_id text, sku text, qty bigint, rev bigint, updated_at bigint)
        on conflict (merchant_id, store_id, product_id) do update
          set qty = store_stock.qty + excluded.qty, rev = excluded.rev,
            sku = coalesce(excluded.sku, store_stock.sku),
            updated_at = excluded.updated_at`);
    }
    if (this.daily.size) {
      const rows = JSON.stringify(
        [...this.daily.values()].map((r) => ({
          merchant_id: r.merchantId,
          store_id: r.storeId,
          day: r.day,
          sales_count: r.salesCount,
          sales_fen: r.salesFen,
          refunds_fen: r.refundsFen,
          redemption_count: r.redemptionCount,
          discount_fen: r.discountFen,
          cashback_issued_count: r.cashbackIssuedCount,
          cashback_issued_fen: r.cashbackIssuedFen,
          cashback_paid_count: r.cashbackPaidCount,
          cashback_paid_fen: r.cashbackPaidFen,
        })),
      );
      await db.execute(sql`
        insert into store_daily (merchant_id, store_id, day, sales_count, sales_fen, refunds_fen,
          redemption_count, discount_fen, cashback_issued_count, cashback_issued_fen,
          cashback_paid_count, cashback_paid_fen)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text,
          day text, sales_count bigint, sales_fen bigint, refunds_fen bigint,
          redemption_count bigint, discount_fen bigint, cashback_issued_count bigint,
          cashback_issued_fen bigint, cashback_paid_count bigint, cashback_paid_fen bigint)
        on conflict (merchant_id, store_id, day) do update set
          sales_count = store_daily.sales_count + excluded.sales_count,
          sales_fen = store_daily.sales_fen + excluded.sales_fen,
          refunds_fen = store_daily.refunds_fen + excluded.refunds_fen,
          redemption_count = store_daily.redemption_count + excluded.redemption_count,
          discount_fen = store_daily.discount_fen + excluded.discount_fen,
          cashback_issued_count = store_daily.cashback_issued_count + excluded.cashback_issued_count,
          cashback_issued_fen = store_daily.cashback_issued_fen + excluded.cashback_issued_fen,
          cashback_paid_count = store_daily.cashback_paid_count + excluded.cashback_paid_count,
          cashback_paid_fen = store_daily.cashback_paid_fen + excluded.cashback_paid_fen`);
    }
    this.stock.clear();
    this.daily.clear();
    this.infos.clear();
    this.heard.clear();
  }
}

/**
 * The live path: the events a push (or the cloud itself) is storing, projected in its
 * transaction. Call before the rows are inserted: what the log already holds is what came before.
 */
export async function projectEvents(db: Queryable, events: ProjectedEvent[]): Promise<void> {
  const accepted = events.filter((e) => e.status === 'accepted');
  if (!accepted.length) return;
  const byMerchant = new Map<string, ProjectedEvent[]>();
  for (const e of accepted)
    byMerchant.set(e.merchantId, [...(byMerchant.get(e.merchantId) ?? []), e]);
  for (const [merchantId, list] of byMerchant) {
    const memory = new ProjectionMemory();
    await memory.load(db, merchantId, list);
    const batch = new ProjectionBatch(memory);
    for (const e of list) batch.add(e);
    await batch.flush(db);
  }
}

/** A store's point in GCJ-02, whatever map its coordinates were read from. */
function inGcj02(s: { lat?: number | null; lng?: number | null; coordSystem?: CoordSystem }) {
  if (s.lat == null || s.lng == null) return { lat: null, lng: null };
  return convert({ lat: s.lat, lng: s.lng }, s.coordSystem ?? 'gcj02', 'gcj02');
}
