import { expect } from 'vitest';
import type { InputOf } from '../../src-shared/contract';
import type { Code, Run, Till } from './chain-run';
import { OWNER_PIN } from './core';
import { freshPhone } from './phones';

// The operations of the ledger property test (test/unit/ledgers/rollups-property.test.ts): what
// the tills of two stores do, each through the handlers (or the cloud's consumer endpoint), at
// random. Each returns a line for the run's log.

export const HOUR = 3_600_000;
/** The run's consumers: phones of this process, so texts to them are not capped by other suites. */
export const PHONES = [freshPhone(), freshPhone(), freshPhone(), freshPhone()];
/** A range wide enough for every day a run writes (the cloud's clock is the real one). */
const CHART_RANGE = { from: '2026-10-01', to: '2027-03-31' };

/** How often each operation is drawn. */
export const WEIGHTS = {
  sale: 12,
  /** Posted hours late by a till that was offline (soldAt in the past). */
  saleLate: 1.5,
  /** One product on two lines at two prices (a price changed mid-sale). */
  saleSameProductTwice: 1.5,
  saleReplay: 1,
  return: 6,
  redeem: 10,
  redeemReplay: 1,
  void: 5,
  issue: 5,
  issueForSale: 2,
  batch: 0.6,
  cashbackCode: 5,
  cashbackCounter: 4,
  cashbackCloud: 3,
  importProducts: 1,
  importSales: 2,
  receive: 1,
  race: 2,
  resolve: 2,
  sync: 10,
  tick: 8,
  charts: 2,
} as const;
export type Kind = keyof typeof WEIGHTS;
export function kindsFrom(spec: string | undefined): Partial<Record<Kind, number>> {
  if (!spec) return WEIGHTS;
  const names = spec.split(',').map((k) => k.trim());
  for (const name of names)
    if (!(name.replace(/^-/, '') in WEIGHTS)) throw new Error(`LEDGER_KINDS: no operation ${name}`);
  const without = names.filter((k) => k.startsWith('-')).map((k) => k.slice(1));
  const only = names.filter((k) => !k.startsWith('-'));
  return Object.fromEntries(
    Object.entries(WEIGHTS).filter(
      ([k]) => (!only.length || only.includes(k)) && !without.includes(k),
    ),
  );
}

/** One operation at one till; what happened, for the log. */
export async function operation(run: Run, kind: Kind, till: Till): Promise<string> {
  const rng = run.rng;
  const shop = till.shop;
  const other = run.tills[till.key === 'A' ? 'B' : 'A'];
  switch (kind) {
    case 'sale':
    case 'saleLate':
    case 'saleSameProductTwice': {
      const usable = run.usableCodes(till);
      const count = Math.min(usable.length, rng.pick([0, 0, 0, 1, 1, 2]));
      const coupons = new Set<Code>();
      while (coupons.size < count) coupons.add(rng.pick(usable));
      const input: InputOf<'sales.record'> = {
        terminalSaleId: `${till.key}-${run.next()}`,
        storeId: rng.pick(till.stores).id,
        lines: run.orderLines(till, kind === 'saleSameProductTwice'),
        customerPhone: run.phone(),
        couponCodes: [...coupons].map((c) => c.code),
        soldAt: kind === 'saleLate' ? shop.clock.now() - rng.int(1, 36) * HOUR : undefined,
      };
      till.lastSale = input;
      const done = await run.attempt(till, 'sales.record', input, run.token(till));
      if (!done.ok) return `sale with ${count} coupon(s) refused ${done.code}`;
      run.trackSale(till, done.data.sale);
      for (const c of done.data.sale.coupons) {
        till.redemptions.push({ id: c.redemptionId, code: c.code, voided: false });
        for (const code of coupons) if (code.code === c.code) code.redeemed = true;
      }
      if (done.data.sale.coupons.length) run.note('sale with coupons');
      return `sale ${done.data.sale.totalFen} fen, ${input.lines.length} lines, phone ${input.customerPhone ?? '-'}, ${done.data.sale.coupons.length} coupon(s)${input.soldAt ? ', posted late' : ''}`;
    }
    case 'saleReplay': {
      if (!till.lastSale) return 'no sale to post again';
      const done = await run.attempt(till, 'sales.record', till.lastSale, shop.ownerToken);
      return done.ok ? `sale posted again: replayed ${done.data.replayed}` : `refused ${done.code}`;
    }
    case 'return': {
      const open = till.sales.filter((s) => s.lines.some((l) => l.returned < l.qty));
      if (!open.length) return 'nothing to return';
      const sale = rng.pick(open);
      const lines = sale.lines.filter((l) => l.returned < l.qty);
      const chosen = [...new Set([rng.pick(lines), rng.pick(lines)])];
      const input = {
        saleId: sale.id,
        lines: chosen.map((l) => ({ saleLineId: l.id, qty: rng.int(1, l.qty - l.returned) })),
        reason: '顾客退货',
      };
      const done = await run.attempt(till, 'sales.return', input, shop.ownerToken);
      if (!done.ok) return `return refused ${done.code}`;
      input.lines.forEach((l, i) => (chosen[i]!.returned += l.qty));
      return `return of ${input.lines.map((l) => l.qty).join('+')} unit(s), refund ${done.data.refundFen} fen`;
    }
    case 'redeem': {
      const usable = run.usableCodes(till);
      if (!usable.length) return 'no code to redeem';
      const code = rng.pick(usable);
      const input: InputOf<'redemption.redeem'> = {
        code: code.code,
        order: rng.chance(0.5)
          ? { subtotalFen: rng.int(1000, 20000), customerPhone: run.phone() }
          : {
              lines: run.orderLines(till).map(({ sku, qty }) => ({ sku, qty })),
              customerPhone: run.phone(),
            },
        idempotencyKey: `key-${run.seed}-${till.key}-${run.next()}`,
        storeId: rng.pick(till.stores).id,
      };
      till.lastRedeem = input;
      return run.redeem(till, code, input);
    }
    case 'redeemReplay': {
      if (!till.lastRedeem) return 'no redemption to send again';
      const code = run.codes.find((c) => c.code === till.lastRedeem!.code)!;
      return `again: ${await run.redeem(till, code, till.lastRedeem)}`;
    }
    case 'void': {
      const live = till.redemptions.filter((r) => !r.voided);
      if (!live.length) return 'nothing to void';
      const redemption = rng.pick(live);
      const done = await run.attempt(
        till,
        'redemption.void',
        {
          redemptionId: redemption.id,
          managerId: shop.ids.ownerId,
          managerPin: OWNER_PIN,
          reason: '收银错误',
        },
        shop.cashierToken,
      );
      if (!done.ok) {
        if (done.code === 'ALREADY_VOIDED') redemption.voided = true;
        return `void refused ${done.code}`;
      }
      redemption.voided = true;
      const code = run.codes.find((c) => c.code === redemption.code);
      if (code) code.redeemed = false;
      return `void of a ${done.data.discountFen} fen redemption`;
    }
    case 'issue': {
      const input = {
        templateId: rng.pick(run.couponTemplates),
        count: rng.int(1, 3),
        phone: rng.chance(0.3) ? rng.pick(PHONES) : undefined,
      };
      const done = await run.attempt(till, 'coupons.issue', input, shop.ownerToken);
      if (!done.ok) return `issue refused ${done.code}`;
      run.addCodes(till, done.data.codes);
      return `issued ${done.data.codes.length} code(s)`;
    }
    case 'issueForSale': {
      const done = await run.attempt(
        till,
        'coupons.issueForSale',
        { saleTotalFen: rng.int(5000, 15000), phone: run.phone() },
        shop.cashierToken,
      );
      if (!done.ok) return `refused ${done.code}`;
      run.addCodes(till, done.data);
      return `spend-and-get: ${done.data.length} code(s)`;
    }
    case 'batch': {
      const templateId = rng.pick(run.couponTemplates);
      const started = await run.attempt(
        till,
        'coupons.startBatch',
        { templateId, count: rng.int(5, 20) },
        shop.ownerToken,
      );
      if (!started.ok) return `batch refused ${started.code}`;
      for (const deadline = Date.now() + 60_000; ;) {
        const batches = await shop.ok('coupons.listBatches', { templateId }, shop.ownerToken);
        const batch = batches.find((b) => b.id === started.data.id)!;
        if (batch.status !== 'running') {
          expect(batch.status, `batch at ${till.key}`).toBe('done');
          return `batch of ${batch.issued} code(s) in the worker`;
        }
        if (Date.now() > deadline) throw new Error('batch did not finish within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    case 'cashbackCode': {
      const store = rng.pick(till.stores);
      // Codes are given for units of a recorded sale: the till sells an apple first.
      await run.attempt(
        till,
        'sales.record',
        {
          terminalSaleId: `CB-${till.key}-${run.log.length}-${rng.int(0, 1e9)}`,
          storeId: store.id,
          lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
        },
        shop.cashierToken,
      );
      const done = await run.attempt(
        till,
        'cashback.requestCode',
        { sku: 'APL-1', terminalId: store.terminalId },
        shop.cashierToken,
      );
      if (!done.ok) return `refused ${done.code}`;
      till.cashback.push({ code: done.data.code, qr: done.data.qrPayload, paid: false });
      return `cashback slip of ${done.data.rewardFen} fen`;
    }
    case 'cashbackCounter': {
      const unpaid = till.cashback.filter((c) => !c.paid);
      if (!unpaid.length) return 'no cashback slip to pay';
      const slip = rng.pick(unpaid);
      const done = await run.attempt(
        till,
        'cashback.redeem',
        { code: slip.code, phone: rng.pick(PHONES) },
        run.token(till),
      );
      slip.paid = true;
      return done.ok ? `cashback paid at the counter` : `counter payout refused ${done.code}`;
    }
    case 'cashbackCloud': {
      if (!till.cashback.length) return 'no cashback slip to pay';
      const slip = rng.pick(till.cashback);
      const phone = rng.pick(PHONES);
      // The consumer proves the phone with the texted code (the cloud caps texts per phone).
      const otp = await run.cloud.otpFor(run.merchantCode, phone).catch(() => null);
      if (!otp) return 'consumer payout: no code could be texted now';
      const answer = await run.cloud.request(
        'POST',
        `/v1/consumers/${run.merchantCode}/cashback/redeem`,
        { body: { code: slip.qr, phone, otp } },
      );
      if (answer.status >= 500)
        throw new Error(`cloud payout: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (answer.status === 200) {
        slip.paid = true;
        run.note('cloud payout');
      }
      return `consumer payout through the cloud: ${answer.status}`;
    }
    case 'importProducts': {
      const n = run.next();
      const priceFen = rng.int(300, 3000);
      const csv = [
        '商品编码,商品名称,条码,分类,单位,零售价,进价',
        `IMP-${n},导入商品${n},,${rng.pick(['水果', '乳品'])},个,${(priceFen / 100).toFixed(2)},`,
      ].join('\r\n');
      const done = await run.attempt(
        till,
        'products.import',
        { fileName: 'products.csv', contentBase64: Buffer.from(csv).toString('base64') },
        shop.ownerToken,
      );
      if (!done.ok) return `refused ${done.code}`;
      till.skus.push({ sku: `IMP-${n}`, priceFen });
      return `imported product IMP-${n}`;
    }
    case 'importSales': {
      const store = rng.pick(till.stores);
      const rows: string[] = ['单号,销售时间,商品编码,数量,单价,会员手机'];
      const ids: string[] = [];
      for (let s = rng.int(1, 2); s > 0; s--) {
        const id = `POS-${till.key}-${run.next()}`;
        ids.push(id);
        const at = shanghaiText(shop.clock.now() - rng.int(2, 40) * HOUR);
        const phone = run.phone() ?? '';
        // A POS export may list one product on two rows at two prices.
        for (const line of run.orderLines(till, rng.chance(0.3)))
          rows.push(
            `${id},${at},${line.sku},${line.qty},${(line.unitPriceFen / 100).toFixed(2)},${phone}`,
          );
      }
      const done = await run.attempt(
        till,
        'sales.import',
        {
          fileName: 'pos.csv',
          contentBase64: Buffer.from(rows.join('\r\n')).toString('base64'),
          storeId: store.id,
        },
        shop.ownerToken,
      );
      if (!done.ok) return `refused ${done.code}`;
      for (const id of ids) {
        const listed = await shop.ok(
          'sales.list',
          { terminalSaleId: id, storeId: store.id },
          shop.ownerToken,
        );
        for (const sale of listed.items) run.trackSale(till, sale);
      }
      return `imported ${done.data.recorded} sale(s), ${done.data.lines} line(s)`;
    }
    case 'receive': {
      const store = rng.pick(till.stores);
      const done = await run.attempt(
        till,
        'stock.receive',
        { storeId: store.id, lines: [{ sku: rng.pick(till.skus).sku, qty: rng.int(5, 50) }] },
        shop.ownerToken,
      );
      return done.ok ? 'goods received' : `refused ${done.code}`;
    }
    case 'race': {
      // One code redeemed at both stores before either hears of the other: a conflict to come.
      const both = run.usableCodes(till).filter((c) => c.knownAt.has(other.key));
      if (!both.length) return 'no code known at both stores';
      const code = rng.pick(both);
      const outcomes: string[] = [];
      for (const t of [till, other])
        outcomes.push(
          await run.redeem(t, code, {
            code: code.code,
            order: { subtotalFen: rng.int(10000, 20000), customerPhone: run.phone() },
            idempotencyKey: `race-${run.seed}-${t.key}-${run.next()}`,
            storeId: rng.pick(t.stores).id,
          }),
        );
      return `one code at both stores: ${outcomes.join(' / ')}`;
    }
    case 'resolve': {
      const open = await shop.ok('sync.conflicts', { includeResolved: false }, shop.ownerToken);
      for (const conflict of open) {
        const done = await run.attempt(
          till,
          'sync.resolveConflict',
          { eventId: conflict.eventId, note: '已处理' },
          shop.ownerToken,
        );
        if (done.ok && conflict.loser.kind === 'coupon') {
          run.note('conflict resolved (coupon)');
          const lost = till.redemptions.find((r) => r.id === conflict.loser.redemptionId);
          if (lost) lost.voided = true;
        }
      }
      return `${open.length} conflict(s) resolved`;
    }
    case 'sync': {
      await run.sync(till);
      return 'sync round';
    }
    case 'tick': {
      const ms = rng.chance(0.7) ? rng.int(1, 90) * 60_000 : rng.int(2, 10) * HOUR;
      for (const t of Object.values(run.tills)) t.shop.clock.advance(ms);
      return `clock +${Math.round(ms / 60_000)} min`;
    }
    case 'charts': {
      const ranked = await shop.ok(
        'analytics.topConsumers',
        { ...CHART_RANGE, limit: 200 },
        shop.ownerToken,
      );
      const rows = shop.core.sqlite
        .prepare(
          `SELECT phone, SUM(count) AS count, SUM(amount_fen) AS rewardFen FROM rollup_consumer_day
           WHERE product_id = '' AND day BETWEEN ? AND ? GROUP BY phone HAVING SUM(count) > 0
           ORDER BY phone`,
        )
        .all(CHART_RANGE.from, CHART_RANGE.to);
      const shown = ranked
        .map((r) => ({ phone: r.phone, count: r.count, rewardFen: r.rewardFen }))
        .sort((x, y) => (x.phone < y.phone ? -1 : 1));
      expect
        .soft(
          shown,
          `${run.replay()}\n${till.key}: the top consumers (kept in memory) against their rows`,
        )
        .toEqual(rows);
      return `top consumers: ${shown.length}`;
    }
  }
}

/** 'YYYY-MM-DD HH:mm' on a Shanghai wall clock (as a POS export writes its times). */
function shanghaiText(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}
