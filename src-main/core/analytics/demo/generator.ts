import { dammCheckDigit } from '../../../../src-shared/coupons/codes';
import { allocateLargestRemainder } from '../../../../src-shared/money';
import { resolveDistrict } from '../../../../src-shared/regions';
import { addDays, localDate, startOfLocalDay } from '../../../../src-shared/time';
import { DEMO_STAFF_PIN } from '../../../../src-shared/auth/demo';

export { DEMO_STAFF_PIN };
import { hashPin } from '../../auth/secrets';
import type { Sqlite } from '../../db/open';
import { DEMO_CATALOG, DEMO_NAMES, DEMO_STORES, DEMO_TEMPLATES } from './catalog';
import { DemoCustomers } from './customers';
import { signUpMembers } from './members';
import { Random } from './random';
import { nameInitials } from '../../products/initials';

// A realistic merchant, written straight into the tables with prepared statements in one
// transaction per week: stores in several provinces, products, staff, coupon templates, issued
// codes and their redemptions on sales, cashback codes paid out to a few thousand phones, and
// weekly seasonality with one store slipping (and one growing) in the last weeks. The same seed
// gives the same shop. The caller rebuilds the rollups afterwards.

const TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
/** Mon..Sun: weekends are busier. */
const WEEKDAY_FACTOR = [0.85, 0.9, 0.92, 0.97, 1.12, 1.35, 1.3];
const DAYS_PER_TRANSACTION = 7;
/** Page cache while generating (KiB): the bench's three years make a multi-gigabyte file. */
const GENERATION_CACHE_KIB = 512 * 1024;

export interface DemoOptions {
  days: number;
  seed: number;
  /** The end of the history (the demo's "now"). */
  now: number;
  stores?: number;
  products?: number;
  /** Mean sales per store on an ordinary day. */
  salesPerDay?: number;
  /** Share of sales that redeem a coupon. */
  couponRate?: number;
  /** Cashback codes printed per store and day (about 70 % are paid out). */
  cashbackPerDay?: number;
  /** Consumers (phones) who show up at tills and redeem cashback codes. */
  phones?: number;
}

export type DemoSummary = Record<
  | 'stores'
  | 'products'
  | 'staff'
  | 'sales'
  | 'saleLines'
  | 'redemptions'
  | 'voided'
  | 'couponsIssued'
  | 'cashbackRedeemed',
  number
>;

export type DemoProgress = (phase: string, done: number, total: number) => void;

/** The stores whose trend the demo bends, so the insights have something to find. */
export const DEMO_DECLINING_STORE = 1;
export const DEMO_GROWING_STORE = 3;

export async function generateDemo(
  sqlite: Sqlite,
  options: DemoOptions,
  onProgress: DemoProgress = () => {},
): Promise<DemoSummary> {
  const rnd = new Random(options.seed);
  const o = {
    stores: Math.min(options.stores ?? 6, DEMO_STORES.length),
    products: Math.min(options.products ?? 60, DEMO_CATALOG.length * 8),
    salesPerDay: options.salesPerDay ?? 70,
    couponRate: options.couponRate ?? 0.15,
    cashbackPerDay: options.cashbackPerDay ?? 10,
    phones: options.phones ?? 3000,
  };
  const lastDay = localDate(options.now, TIME_ZONE);
  const latest = options.now - 5 * 60_000;
  const firstDay = addDays(lastDay, -(options.days - 1));
  const createdAt = startOfLocalDay(firstDay, TIME_ZONE) - 7 * DAY_MS;
  const id = (at: number) => rnd.uuidv7(at);
  let codeCounter = 0;
  const nextCode = () => {
    const digits = `1${String(++codeCounter).padStart(11, '0')}${rnd.digits(7)}`;
    return digits + dammCheckDigit(digits);
  };
  const pinHash = await hashPin(DEMO_STAFF_PIN);
  const run = (sql: string) => sqlite.prepare(sql);
  const summary: DemoSummary = {
    stores: 0,
    products: 0,
    staff: 0,
    sales: 0,
    saleLines: 0,
    redemptions: 0,
    voided: 0,
    couponsIssued: 0,
    cashbackRedeemed: 0,
  };

  // --- The merchant's set-up: stores, terminals, staff, products, templates.
  onProgress('setup', 0, options.days);
  // Store codes D01, D02 … skipping any the shop already uses.
  const takenCodes = new Set(
    (sqlite.prepare('SELECT code FROM stores').all() as { code: string }[]).map((r) => r.code),
  );
  let codeNo = 0;
  const nextStoreCode = () => {
    let code: string;
    do code = `D${String(++codeNo).padStart(2, '0')}`;
    while (takenCodes.has(code));
    return code;
  };
  const stores = DEMO_STORES.slice(0, o.stores).map((s) => {
    const region = resolveDistrict(s.districtCode)!;
    return {
      id: id(createdAt),
      code: nextStoreCode(),
      name: s.name,
      region,
      terminalId: id(createdAt),
      staff: [] as { id: string; role: string }[],
      weight: 0.7 + rnd.next() * 0.6,
    };
  });
  const products = Array.from({ length: o.products }, (_, i) => {
    const base = DEMO_CATALOG[i % DEMO_CATALOG.length]!;
    const variant = Math.floor(i / DEMO_CATALOG.length);
    return {
      id: id(createdAt),
      sku: `DEMO-${String(i + 1).padStart(4, '0')}`,
      name: variant
        ? `${base.name}（${['大', '小', '家庭', '礼盒', '特惠', '新款', '经典'][variant - 1]}装）`
        : base.name,
      category: base.category,
      priceFen: base.priceFen + variant * 150,
      // Zipf-like popularity: a few products sell most.
      weight: 1 / Math.pow(i + 1, 0.8),
    };
  });
  const productWeights = products.map((p) => p.weight);
  const templates = DEMO_TEMPLATES.map((t) => ({ ...t, id: id(createdAt) }));
  const cashbackTemplate = templates.find((t) => t.rule.type === 'cashback')!;
  const cashbackProducts = products.slice(0, Math.min(8, products.length));
  const customers = new DemoCustomers(options.seed);
  const phones = Array.from({ length: o.phones }, (_, i) => customers.phoneAt(i));

  sqlite.transaction(() => {
    const insertStore = run(
      `INSERT INTO stores (id, code, name, province_code, city_code, district_code, address, timezone, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const insertTerminal = run(
      'INSERT INTO terminals (id, store_id, code, name, active, created_at) VALUES (?, ?, ?, ?, 1, ?)',
    );
    const insertStaff = run(
      `INSERT INTO staff (id, name, role, store_id, pin_hash, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    let nameIndex = 0;
    for (const store of stores) {
      insertStore.run(
        store.id,
        store.code,
        store.name,
        store.region.province.code,
        store.region.city.code,
        store.region.district.code,
        `${store.region.district.name}演示路 ${stores.indexOf(store) + 1} 号`,
        TIME_ZONE,
        createdAt,
        createdAt,
      );
      insertTerminal.run(store.terminalId, store.id, '01', '1 号收银台', createdAt);
      for (const role of ['manager', 'cashier', 'cashier']) {
        const staffId = id(createdAt);
        insertStaff.run(
          staffId,
          DEMO_NAMES[nameIndex++ % DEMO_NAMES.length],
          role,
          store.id,
          pinHash,
          createdAt,
          createdAt,
        );
        store.staff.push({ id: staffId, role });
        summary.staff++;
      }
      summary.stores++;
    }
    const insertProduct = run(
      `INSERT INTO products (id, sku, name, category, unit, price_fen, cost_fen, active, created_at,
         updated_at, name_initials)
       VALUES (?, ?, ?, ?, '件', ?, ?, 1, ?, ?, ?)`,
    );
    for (const p of products) {
      insertProduct.run(
        p.id,
        p.sku,
        p.name,
        p.category,
        p.priceFen,
        Math.round(p.priceFen * 0.62),
        createdAt,
        createdAt,
        nameInitials(p.name),
      );
      summary.products++;
    }
    const insertTemplate = run(
      `INSERT INTO coupon_templates (id, name, description, type, status, version, validity_kind, valid_days, store_ids,
         share_mode, code_format, created_at, updated_at)
       VALUES (?, ?, '', ?, 'active', 1, 'relative', 30, '[]', 'none', 'numeric', ?, ?)`,
    );
    const insertVersion = run(
      `INSERT INTO coupon_template_versions (template_id, version, rule, scope, stackable, created_at)
       VALUES (?, 1, ?, ?, 0, ?)`,
    );
    for (const t of templates) {
      insertTemplate.run(t.id, t.name, t.rule.type, createdAt, createdAt);
      const scope = {
        productIds: t.rule.type === 'cashback' ? cashbackProducts.map((p) => p.id) : [],
        categories: [],
      };
      insertVersion.run(t.id, JSON.stringify(t.rule), JSON.stringify(scope), createdAt);
    }
  })();

  // Demo rows move no money: no fsync per transaction while they are written. A large page
  // cache keeps the indexes that take rows in random order (phones, coupon ids) in memory.
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma(`cache_size = ${String(-GENERATION_CACHE_KIB)}`);

  // --- Day by day: sales (some with a coupon), cashback codes printed and paid out.
  const insertSale = run(
    `INSERT INTO sales (id, store_id, origin_key, terminal_sale_id, fingerprint, terminal_id, staff_id, source,
       customer_phone, subtotal_fen, discount_fen, total_fen, paid_fen, refunded_fen, status, sold_at, recorded_at,
       business_date)
     VALUES (?, ?, ?, ?, 'demo', ?, ?, 'terminal', ?, ?, ?, ?, ?, 0, 'completed', ?, ?,
       date(? / 1000 + 28800, 'unixepoch'))`, // the business day in TIME_ZONE (+8 h, no DST)
  );
  const insertLine = run(
    `INSERT INTO sale_lines (id, sale_id, line_no, product_id, qty, unit_price_fen, amount_fen, discount_fen, returned_qty)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const insertCoupon = run(
    `INSERT INTO coupons (id, code, template_id, template_version, status, customer_phone, valid_from, valid_until,
       batch_id, issued_store_id, issued_at)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertRedemption = run(
    `INSERT INTO redemptions (id, coupon_id, code, template_id, template_version, store_id, terminal_id, staff_id,
       customer_phone, idempotency_key, subtotal_fen, discount_fen, lines, gift, status, created_at, voided_at,
       voided_by, void_reason)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertSaleCoupon = run(
    'INSERT INTO sale_coupons (sale_id, redemption_id, position) VALUES (?, ?, 0)',
  );
  const insertCashback = run(
    `INSERT INTO cashback_codes (id, code, template_id, product_id, terminal_id, store_id, province_code, city_code,
       district_code, reward_fen, issued_at, valid_until, status, phone, redeemed_at, redeemed_via, redeemed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const couponTemplates = templates.filter((t) => t.rule.type !== 'cashback');
  const cashbackReward =
    cashbackTemplate.rule.type === 'cashback' ? cashbackTemplate.rule.rewardFen : 0;

  const writeDay = (d: number) => {
    const date = addDays(firstDay, d);
    const dayStart = startOfLocalDay(date, TIME_ZONE);
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const daysLeft = options.days - 1 - d;
    stores.forEach((store, storeIndex) => {
      // The slipping store loses up to 45 % over its last three weeks; the growing one gains.
      let trend = 1;
      if (storeIndex === DEMO_DECLINING_STORE && daysLeft < 21)
        trend = 1 - 0.45 * ((21 - daysLeft) / 21);
      if (storeIndex === DEMO_GROWING_STORE && daysLeft < 14)
        trend = 1 + 0.35 * ((14 - daysLeft) / 14);
      const mean = o.salesPerDay * store.weight * WEEKDAY_FACTOR[weekday]! * trend;
      const count = Math.max(0, Math.round(mean * (0.9 + rnd.next() * 0.2)));
      const cashiers = store.staff.filter((s) => s.role === 'cashier');
      const manager = store.staff.find((s) => s.role === 'manager')!;
      // Sales through the business day (08:00–22:00), in time order.
      // Today's only up to now (less the void window's 5 minutes): nothing is stamped later.
      const times = Array.from(
        { length: count },
        () => dayStart + 8 * 3_600_000 + Math.floor(rnd.next() * 14 * 3_600_000),
      )
        .filter((at) => at <= latest)
        .sort((a, b) => a - b);
      for (const soldAt of times) {
        const saleId = id(soldAt);
        const lineCount = 1 + Math.floor(rnd.next() * rnd.next() * 5);
        const lines = Array.from({ length: lineCount }, () => {
          const product = products[rnd.weighted(productWeights)]!;
          const qty = 1 + Math.floor(rnd.next() * rnd.next() * 3);
          return { product, qty, amountFen: qty * product.priceFen };
        });
        const subtotal = lines.reduce((sum, l) => sum + l.amountFen, 0);
        // Four sales in ten give a member's phone (two draws, as before, keep the rest alike).
        const phone =
          rnd.next() < 0.4 ? customers.memberPhone(storeIndex, d, rnd.next(), rnd.next()) : null;
        const cashier = cashiers[Math.floor(rnd.next() * cashiers.length)]!;
        let discount = 0;
        let redemption: {
          template: (typeof couponTemplates)[number];
          discount: number;
        } | null = null;
        if (rnd.next() < o.couponRate) {
          const template = couponTemplates[rnd.weighted(couponTemplates.map((t) => t.weight))]!;
          discount = Math.min(discountOf(template.rule, subtotal), subtotal);
          if (discount > 0) redemption = { template, discount };
          else discount = 0;
        }
        const lineDiscounts = allocateLargestRemainder(
          discount,
          lines.map((l) => l.amountFen),
        );
        const total = subtotal - discount;
        insertSale.run(
          saleId,
          store.id,
          store.terminalId,
          `T${soldAt}${Math.floor(rnd.next() * 1000)}`,
          store.terminalId,
          cashier.id,
          phone,
          subtotal,
          discount,
          total,
          total,
          soldAt,
          soldAt,
          soldAt,
        );
        lines.forEach((line, i) =>
          insertLine.run(
            id(soldAt),
            saleId,
            i + 1,
            line.product.id,
            line.qty,
            line.product.priceFen,
            line.amountFen,
            lineDiscounts[i]!,
          ),
        );
        summary.sales++;
        summary.saleLines += lines.length;
        if (redemption) {
          const issuedAt = soldAt - Math.floor(rnd.next() * 20 * DAY_MS);
          const couponId = id(issuedAt);
          const code = nextCode();
          const voided = rnd.next() < 0.01;
          insertCoupon.run(
            couponId,
            code,
            redemption.template.id,
            voided ? 'active' : 'redeemed',
            phone,
            issuedAt,
            issuedAt + 30 * DAY_MS,
            store.id,
            issuedAt,
          );
          const redemptionId = id(soldAt);
          insertRedemption.run(
            redemptionId,
            couponId,
            code,
            redemption.template.id,
            store.id,
            store.terminalId,
            cashier.id,
            phone,
            `sale:${saleId}:0`,
            subtotal,
            redemption.discount,
            JSON.stringify(
              lines.map((l, i) => ({
                productId: l.product.id,
                name: null,
                qty: l.qty,
                unitPriceFen: l.product.priceFen,
                discountFen: lineDiscounts[i],
              })),
            ),
            voided ? 'voided' : 'completed',
            soldAt,
            voided ? soldAt + 5 * 60_000 : null,
            voided ? manager.id : null,
            voided ? '顾客取消' : null,
          );
          insertSaleCoupon.run(saleId, redemptionId);
          summary.couponsIssued++;
          summary.redemptions++;
          if (voided) summary.voided++;
          // Codes handed out that were never used: the redemption rate is not 100 %.
          if (rnd.next() < 0.8) {
            const unusedAt = soldAt - Math.floor(rnd.next() * 10 * DAY_MS);
            insertCoupon.run(
              id(unusedAt),
              nextCode(),
              redemption.template.id,
              'active',
              null,
              unusedAt,
              unusedAt + 30 * DAY_MS,
              store.id,
              unusedAt,
            );
            summary.couponsIssued++;
          }
        }
      }
      // Cashback slips printed at the till; most are paid out to a phone within a few days.
      const printed = Math.round(
        o.cashbackPerDay * store.weight * WEEKDAY_FACTOR[weekday]! * trend,
      );
      for (let i = 0; i < printed; i++) {
        const issuedAt = dayStart + 9 * 3_600_000 + Math.floor(rnd.next() * 12 * 3_600_000);
        if (issuedAt > latest) continue;
        const product = cashbackProducts[Math.floor(rnd.next() * cashbackProducts.length)]!;
        const redeemedAt = issuedAt + Math.floor(rnd.next() * 3 * DAY_MS);
        const redeemed = rnd.next() < 0.7 && redeemedAt <= options.now;
        const viaCounter = rnd.next() < 0.3;
        insertCashback.run(
          id(issuedAt),
          nextCode(),
          cashbackTemplate.id,
          product.id,
          store.terminalId,
          store.id,
          store.region.province.code,
          store.region.city.code,
          store.region.district.code,
          cashbackReward,
          issuedAt,
          issuedAt + 30 * DAY_MS,
          redeemed ? 'redeemed' : 'issued',
          redeemed ? phones[Math.floor(rnd.next() * o.phones)]! : null,
          redeemed ? redeemedAt : null,
          redeemed ? (viaCounter ? 'counter' : 'cloud') : null,
          redeemed && viaCounter ? cashiers[0]!.id : null,
        );
        if (redeemed) summary.cashbackRedeemed++;
      }
    });
  };

  try {
    // A week per transaction: the hot index pages are written once per week, not once per day.
    for (let start = 0; start < options.days; start += DAYS_PER_TRANSACTION) {
      const end = Math.min(start + DAYS_PER_TRANSACTION, options.days);
      sqlite.transaction(() => {
        for (let d = start; d < end; d++) writeDay(d);
      })();
      onProgress('days', end, options.days);
    }
  } finally {
    sqlite.pragma(`synchronous = ${String(synchronous)}`);
    sqlite.pragma(`cache_size = ${String(cacheSize)}`);
  }

  signUpMembers(sqlite, customers, stores, createdAt, id);

  // The templates' own counters, as the live paths would have kept them.
  sqlite.exec(`
    UPDATE coupon_templates SET
      issued_count = (SELECT COUNT(*) FROM coupons c WHERE c.template_id = coupon_templates.id)
        + (SELECT COUNT(*) FROM cashback_codes c WHERE c.template_id = coupon_templates.id),
      redeemed_count = (SELECT COUNT(*) FROM redemptions r WHERE r.template_id = coupon_templates.id AND r.status = 'completed')
        + (SELECT COUNT(*) FROM cashback_codes c WHERE c.template_id = coupon_templates.id AND c.status = 'redeemed'),
      redeemed_fen = (SELECT COALESCE(SUM(discount_fen), 0) FROM redemptions r WHERE r.template_id = coupon_templates.id AND r.status = 'completed')
    WHERE id IN (${templates.map((t) => `'${t.id}'`).join(', ')})`);
  return summary;
}

type DemoRule = (typeof DEMO_TEMPLATES)[number]['rule'];

/** What a demo coupon takes off an order (the real pricing lives in src-shared/coupons). */
function discountOf(rule: DemoRule, subtotal: number): number {
  switch (rule.type) {
    case 'threshold':
      return subtotal >= rule.thresholdFen ? rule.amountFen : 0;
    case 'percent':
      return Math.round((subtotal * (1000 - rule.payPermille)) / 1000);
    case 'voucher':
      return subtotal >= (rule.minSpendFen ?? 0) ? rule.amountFen : 0;
    default:
      return 0;
  }
}
