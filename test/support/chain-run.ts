import { expect } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/contract';
import { chainShop, type ChainShop } from './chain';
import { operation, PHONES, type Kind } from './chain-ops';
import type { TestCloud } from './cloud';
import { Prng } from './prng';
import {
  consumerState,
  formatDiff,
  liveAgainstRebuild,
  liveAgainstRebuiltCopy,
  realignRollups,
  stampProblems,
} from './rollup-check';

// One run of the ledger property test (test/unit/ledgers/rollups-property.test.ts): two stores
// of one merchant on a real cloud, what the run knows of them (codes, sales, redemptions,
// cashback slips), the operations drawn (chain-ops.ts) and the checks between them.

/** Every this many operations, each store's live rollups against a rebuilt copy. */
const CHECK_EVERY = 10;

export type TillKey = 'A' | 'B';

export interface Store {
  id: string;
  terminalId: string;
}
export interface Code {
  code: string;
  origin: TillKey;
  /** Sent to the cloud by its till: every till that syncs afterwards knows it. */
  pushed: boolean;
  knownAt: Set<TillKey>;
  redeemed: boolean;
}
export interface SaleLine {
  id: string;
  qty: number;
  returned: number;
}
export interface Redemption {
  id: string;
  code: string;
  voided: boolean;
}
export interface Cashback {
  code: string;
  qr: string;
  paid: boolean;
}
export interface Till {
  key: TillKey;
  shop: ChainShop;
  stores: Store[];
  skus: { sku: string; priceFen: number }[];
  sales: { id: string; lines: SaleLine[] }[];
  redemptions: Redemption[];
  cashback: Cashback[];
  lastSale?: InputOf<'sales.record'>;
  lastRedeem?: InputOf<'redemption.redeem'>;
}

type Attempt<M extends MethodName> = { ok: true; data: OutputOf<M> } | { ok: false; code: string };

/** Business refusals an operation may meet; anything else fails the run. */
const REFUSALS: Partial<Record<MethodName, readonly string[]>> = {
  'sales.record': ['COUPON_*'],
  'redemption.redeem': ['COUPON_*'],
  'sales.return': ['RETURN_EXCEEDS_SOLD'],
  'redemption.void': ['VOID_WINDOW_PASSED', 'ALREADY_VOIDED'],
  'coupons.issue': ['ISSUE_LIMIT_REACHED', 'CUSTOMER_ISSUE_LIMIT_REACHED'],
  'coupons.startBatch': ['ISSUE_LIMIT_REACHED'],
  'cashback.requestCode': ['NO_CASHBACK_TEMPLATE', 'CASHBACK_SALE_REQUIRED', 'CASHBACK_UNITS_USED'],
  'cashback.redeem': ['CASHBACK_ALREADY_REDEEMED', 'CASHBACK_EXPIRED'],
  'sync.resolveConflict': ['SYNC_ISSUE_NOT_FOUND'],
};

export class Run {
  readonly rng: Prng;
  readonly log: string[] = [];
  readonly codes: Code[] = [];
  tills!: Record<TillKey, Till>;
  couponTemplates: string[] = [];
  merchantCode = '';
  private serial = 0;
  private lastAgreed = 0;
  private stamps = new Map<TillKey, ReturnType<typeof consumerState>>();

  constructor(
    readonly seed: number,
    readonly cloud: TestCloud,
    /** What the runs of a backend did, to prove the generator reached every path. */
    private readonly reached: Map<string, number>,
    /** The operations drawn, with their odds. */
    private readonly kinds: Partial<Record<Kind, number>>,
  ) {
    this.rng = new Prng(seed);
  }

  note(what: string) {
    this.reached.set(what, (this.reached.get(what) ?? 0) + 1);
  }

  next = () => ++this.serial;

  async attempt<M extends MethodName>(
    till: Till,
    method: M,
    input: InputOf<M>,
    token: string,
  ): Promise<Attempt<M>> {
    const result = await till.shop.core.call(method, input, { credential: token, source: 'app' });
    if (result.ok) {
      this.note(method);
      return { ok: true, data: result.data as OutputOf<M> };
    }
    const code = result.error.code;
    const allowed = REFUSALS[method] ?? [];
    if (!allowed.some((a) => (a.endsWith('*') ? code.startsWith(a.slice(0, -1)) : a === code)))
      throw new Error(
        `${method} at ${till.key} failed unexpectedly: ${code} ${result.error.message} ` +
          JSON.stringify(result.error.details ?? {}),
      );
    this.note(`${method} refused`);
    return { ok: false, code };
  }

  async setup() {
    const merchant = await this.cloud.newMerchant();
    const a = await chainShop(this.cloud, merchant.id, '一号店');
    const b = await chainShop(this.cloud, merchant.id, '二号店');
    this.merchantCode = merchant.code;
    const tillOf = (key: TillKey, shop: ChainShop): Till => ({
      key,
      shop,
      stores: [{ id: shop.ids.storeId, terminalId: shop.ids.terminalId }],
      skus: [
        { sku: 'APL-1', priceFen: 1299 },
        { sku: 'MLK-1', priceFen: 650 },
        { sku: 'BAG-1', priceFen: 200 },
      ],
      sales: [],
      redemptions: [],
      cashback: [],
    });
    this.tills = { A: tillOf('A', a), B: tillOf('B', b) };
    // A second store at A, in Xinjiang time (UTC+6): its days end two hours after Shanghai's.
    const west = await a.ok(
      'stores.create',
      { name: '鲜果优选 天山店', districtCode: '650102', timezone: 'Asia/Urumqi' },
      a.ownerToken,
    );
    this.tills.A.stores.push({ id: west.id, terminalId: west.terminals[0]!.id });
    for (const till of Object.values(this.tills))
      for (const store of till.stores)
        await till.shop.ok(
          'stock.setSettings',
          { storeId: store.id, allowNegative: true },
          till.shop.ownerToken,
        );

    // Coupons made at A (synced to B) and at B (synced to A).
    const { products } = a;
    const templates = [
      await a.activeTemplate({
        name: '满50减8',
        rule: { type: 'threshold', thresholdFen: 5000, amountFen: 800 },
        stackable: true,
        issueOnSpendFen: 8000,
      }),
      await a.activeTemplate({
        name: '水果9折',
        rule: { type: 'percent', payPermille: 900, maxDiscountFen: 1500 },
        scope: { productIds: [], categories: ['水果'] },
        stackable: true,
      }),
      await a.activeTemplate({
        name: '5元券',
        rule: { type: 'voucher', amountFen: 500 },
        perCustomerLimit: 2,
      }),
      // Products are not synced between PCs: coupons naming one of A's products are A's alone.
      await a.activeTemplate({
        name: '牛奶1元购',
        rule: { type: 'item', productId: products.milk.id, mode: 'price', priceFen: 100 },
        stackable: true,
        storeIds: this.tills.A.stores.map((s) => s.id),
      }),
      await a.activeTemplate({
        name: '满30赠袋',
        rule: { type: 'gift', thresholdFen: 3000, giftProductId: products.bag.id },
        storeIds: this.tills.A.stores.map((s) => s.id),
      }),
      await b.activeTemplate({
        name: '二号店3元券',
        rule: { type: 'voucher', amountFen: 300, minSpendFen: 1000 },
        stackable: true,
      }),
    ];
    this.couponTemplates = templates.map((t) => t.id);
    for (const shop of [a, b])
      await shop.activeTemplate({
        name: '苹果返现',
        rule: { type: 'cashback', rewardFen: shop === a ? 200 : 150 },
        scope: { productIds: [shop.products.apple.id], categories: [] },
      });
    await this.sync(this.tills.A);
    await this.sync(this.tills.B);
    await this.sync(this.tills.A);
    // A few codes of every template at each store to start with, known at both.
    for (const till of Object.values(this.tills))
      for (const templateId of this.couponTemplates) {
        const { codes } = await till.shop.ok(
          'coupons.issue',
          { templateId, count: 2 },
          till.shop.ownerToken,
        );
        this.addCodes(till, codes);
      }
    await this.sync(this.tills.A);
    await this.sync(this.tills.B);
    await this.sync(this.tills.A);
    for (const till of Object.values(this.tills))
      this.stamps.set(till.key, consumerState(till.shop.core.sqlite));
  }

  /** Codes this till knows of, not redeemed as far as the run knows. */
  usableCodes(till: Till): Code[] {
    return this.codes.filter((c) => c.knownAt.has(till.key) && !c.redeemed);
  }

  addCodes(till: Till, codes: { code: string }[]) {
    for (const { code } of codes)
      this.codes.push({
        code,
        origin: till.key,
        pushed: false,
        knownAt: new Set([till.key]),
        redeemed: false,
      });
  }

  phone = () => (this.rng.chance(0.5) ? this.rng.pick(PHONES) : undefined);
  token = (till: Till) => (this.rng.chance(0.5) ? till.shop.cashierToken : till.shop.ownerToken);

  /** 1–3 lines of distinct products; or one product on two lines at two prices. */
  orderLines(till: Till, sameProductTwice = false) {
    const products = [...till.skus];
    const lines = Array.from({ length: this.rng.int(1, Math.min(3, products.length)) }, () => {
      const product = products.splice(this.rng.int(0, products.length - 1), 1)[0]!;
      return {
        sku: product.sku,
        qty: this.rng.int(1, 4),
        unitPriceFen: this.rng.chance(0.8)
          ? product.priceFen
          : product.priceFen - this.rng.int(1, 99),
      };
    });
    if (sameProductTwice)
      lines.push({
        ...lines[0]!,
        qty: this.rng.int(1, 3),
        unitPriceFen: lines[0]!.unitPriceFen + 37,
      });
    return lines;
  }

  async sync(till: Till) {
    await till.shop.syncNow();
    for (const code of this.codes) {
      if (code.origin === till.key) code.pushed = true;
      if (code.pushed) code.knownAt.add(till.key);
    }
  }

  // --- operations ------------------------------------------------------------------------------

  op(kind: Kind, till: Till): Promise<string> {
    return operation(this, kind, till);
  }

  async redeem(till: Till, code: Code, input: InputOf<'redemption.redeem'>): Promise<string> {
    const done = await this.attempt(till, 'redemption.redeem', input, till.shop.cashierToken);
    if (!done.ok) return `redeem refused ${done.code}`;
    if (done.data.replayed) return 'redeem replayed';
    code.redeemed = true;
    till.redemptions.push({ id: done.data.redemption.id, code: code.code, voided: false });
    return `redeemed ${done.data.verdict.discountFen} fen`;
  }

  trackSale(till: Till, sale: OutputOf<'sales.get'>) {
    if (till.sales.some((s) => s.id === sale.id)) return;
    till.sales.push({
      id: sale.id,
      lines: sale.lines.map((l) => ({ id: l.id, qty: l.qty, returned: l.returnedQty })),
    });
  }

  // --- checks ----------------------------------------------------------------------------------

  replay = () =>
    `seed ${this.seed}; replay: LEDGER_SEED=${this.seed} npx vitest run test/unit/ledgers/rollups-property.test.ts`;

  /** Disagreements found so far (each reported by its own soft assertion). */
  failures = 0;

  /** The operations since the rollups last agreed: where to look. */
  window(): string {
    const recent = this.log.slice(this.lastAgreed);
    return [
      `operations since the rollups last agreed (#${this.lastAgreed + 1}–#${this.log.length}):`,
      ...(recent.length ? recent : ['(the setup)']).map((l) => `  ${l}`),
    ].join('\n');
  }

  /**
   * A soft assertion: the run goes on and reports every disagreement it meets, each with the
   * operations that led to it.
   */
  private expectNone(found: string | string[], what: string): boolean {
    const none = Array.isArray(found) ? !found.length : !found;
    expect
      .soft(found, `${this.replay()}\n${what}\n${this.window()}`)
      .toEqual(Array.isArray(found) ? [] : '');
    if (!none) this.failures++;
    return none;
  }

  checkStamps() {
    for (const till of Object.values(this.tills)) {
      const now = consumerState(till.shop.core.sqlite);
      this.expectNone(
        stampProblems(this.stamps.get(till.key)!, now),
        `consumer stamps at ${till.key} after #${this.log.length}`,
      );
      this.stamps.set(till.key, now);
    }
  }

  /**
   * Each store's live rollups against a rebuild of a copy. A store that disagrees is then rebuilt
   * in place, so the next check shows only what the operations after this one did.
   */
  async checkCopies(where = `after #${this.log.length}`) {
    for (const till of Object.values(this.tills)) {
      const { diffs } = liveAgainstRebuiltCopy(till.shop.core.sqlite);
      const agreed = this.expectNone(
        formatDiff(diffs),
        `store ${till.key}'s live rollups (+) against a rebuild (-) ${where}`,
      );
      if (!agreed) {
        realignRollups(till.shop.core.sqlite);
        this.stamps.set(till.key, consumerState(till.shop.core.sqlite));
      }
    }
    this.lastAgreed = this.log.length;
  }

  /** At the end: the app's own rebuild (`analytics.rebuildRollups`, in its worker), both stores at once. */
  async checkWithHandler() {
    const tills = Object.values(this.tills);
    const results = await Promise.all(
      tills.map((till) => liveAgainstRebuild(till.shop.core, till.shop.ownerToken)),
    );
    for (const [i, till] of tills.entries()) {
      const { diffs, stampProblems: stamps } = results[i]!;
      this.expectNone(
        formatDiff(diffs),
        `store ${till.key}'s live rollups (+) against analytics.rebuildRollups (-) at the end`,
      );
      this.expectNone(stamps, `consumer stamps after the rebuild at ${till.key}`);
      this.stamps.set(till.key, consumerState(till.shop.core.sqlite));
    }
  }

  async play(ops: number, endWithHandler: boolean) {
    await this.checkCopies('after the setup (templates and codes made at both stores, synced)');
    for (let i = 0; i < ops; i++) {
      const kind = this.rng.weighted(this.kinds);
      const till = this.tills[this.rng.pick(['A', 'B'] as const)];
      const what = await this.op(kind, till);
      this.log.push(`#${this.log.length + 1} ${till.key} ${kind}: ${what}`);
      this.checkStamps();
      if ((i + 1) % CHECK_EVERY === 0) await this.checkCopies();
    }
    // Everything heard everywhere, conflicts settled, heard again: then the app's own rebuild.
    for (const key of ['A', 'B', 'A', 'B'] as const) await this.sync(this.tills[key]);
    for (const key of ['A', 'B'] as const)
      this.log.push(
        `#${this.log.length + 1} ${key} resolve: ${await this.op('resolve', this.tills[key])}`,
      );
    for (const key of ['A', 'B', 'A'] as const) await this.sync(this.tills[key]);
    this.log.push(`#${this.log.length + 1} settle: synced A, B, A, B, resolved, synced A, B, A`);
    this.checkStamps();
    if (endWithHandler) await this.checkWithHandler();
    else await this.checkCopies('at the end');
    expect(
      this.failures,
      `${this.replay()}\n${this.failures} disagreement(s), each reported above; the whole run:\n` +
        this.log.map((l) => `  ${l}`).join('\n'),
    ).toBe(0);
  }
}
