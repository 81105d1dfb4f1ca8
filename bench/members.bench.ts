// Members metrics (issue 22): lookup at the till by phone and by last four digits with 200k
// members (p95) beside a bare indexed SELECT; a member's sale (earn, level check) in lines/s
// beside the same sale without a member; the birthday pass over 200k members beside a bare
// count of the birthdays it looks at; a member's profile with three years of purchases among
// the year's customers (RFM quintiles), beside a bare read of that member's rollup rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { createMemoryLogger } from '../src-node/logger';
import { newId } from '../src-node/ids';
import { ManualClock } from '../src-node/clock';
import { bareReplay, importMetric, markRows } from './bare-replay';
import { compare, round, stats, time, type Metric } from './harness';
import { benchShop } from './support';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const SALES = Number(process.env.BENCH_MEMBER_SALES ?? 400);
const LINES_PER_SALE = 5;
const START = Date.UTC(2026, 10, 21, 2, 0, 0);

async function must<T>(core: Core, method: string, input: unknown, credential?: string) {
  const result = await core.call(method, input, { credential, source: 'app' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const phoneOf = (i: number) => `+86139${String(i).padStart(8, '0')}`;

/** Customers in the customer rollups (a year of them), and one member's three years. */
const PROFILE_CUSTOMERS = Number(process.env.BENCH_PROFILE_CUSTOMERS ?? 50_000);
const VISITS_PER_CUSTOMER = 8;
const PROFILED_VISITS = 3 * 150;

/**
 * `members.profile` of a member who bought on 450 days over three years, among 50k customers of
 * the year: the first call of a day (it computes the merchant's quintiles) and the calls after.
 * The rollup rows are written straight into the table (the sales path is measured above).
 */
async function profileBench(core: Core, token: string, storeId: string, now: number) {
  const day = (offset: number) => new Date(now - offset * 86_400_000).toISOString().slice(0, 10);
  const insert = core.sqlite.prepare(
    `INSERT OR IGNORE INTO rollup_customer_day (phone, day, store_id, product_id, sales, qty, spend_fen, refund_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const member = core.sqlite.prepare('SELECT id, phone FROM members LIMIT 1').get() as {
    id: string;
    phone: string;
  };
  const products = productIds(core);
  core.sqlite.transaction(() => {
    for (let c = 1; c <= PROFILE_CUSTOMERS; c++)
      for (let v = 0; v < VISITS_PER_CUSTOMER; v++)
        insert.run(
          phoneOf(c),
          day((c * 13 + v * 41) % 365),
          storeId,
          '',
          1,
          3,
          2000 + (c % 50) * 100,
        );
    for (let v = 0; v < PROFILED_VISITS; v++) {
      const date = day(v * 2 + 1);
      insert.run(member.phone, date, storeId, '', 1, 5, 5450);
      for (let p = 0; p < LINES_PER_SALE; p++)
        insert.run(member.phone, date, storeId, products[p]!, 1, 1, 1090);
    }
    core.sqlite
      .prepare(
        `INSERT OR REPLACE INTO member_consents (member_id, purpose, granted, source, text_shown, at)
         VALUES (?, 'profiling', 1, 'till', '同意消费画像', ?)`,
      )
      .run(member.id, now);
  })();
  const first = performance.now();
  await must(core, 'members.profile', { memberId: member.id }, token);
  const firstMs = performance.now() - first;
  const later = await time(() => must(core, 'members.profile', { memberId: member.id }, token), {
    iterations: 200,
  });
  const bareRows = core.sqlite.prepare('SELECT * FROM rollup_customer_day WHERE phone = ?');
  const bare = await time(() => bareRows.all(member.phone), { iterations: 200 });
  const bareYear = core.sqlite.prepare(
    `SELECT phone, SUM(sales), SUM(spend_fen) FROM rollup_customer_day
     WHERE product_id = '' AND day > ? GROUP BY phone`,
  );
  const yearStarted = performance.now();
  bareYear.all(day(365));
  const yearMs = performance.now() - yearStarted;
  return [
    compare(
      `members.profile, 3 years of purchases (${PROFILE_CUSTOMERS} customers in the year)`,
      later,
      "bare read of the member's rollup rows",
      bare,
      { field: 'p95Ms', target: '<= 100 ms p95', met: later.p95Ms <= 100 },
    ),
    {
      name: "members.profile, the day's first (computes the merchant's RFM quintiles)",
      unit: 'ms',
      value: round(firstMs, 1),
      baselineName: "bare GROUP BY of the year's customers",
      baseline: round(yearMs, 1),
      ratio: round(firstMs / yearMs),
      target: '<= 1 s',
      met: firstMs <= 1000,
    },
  ];
}

const IMPORTED_MEMBERS = Number(process.env.BENCH_IMPORT_MEMBERS ?? 50_000);

/**
 * `members.import` of an old system's list (phone, name, birthday, points) in the worker: each
 * member with its consents on file as not given, its level and its opening points lot, all in
 * one transaction; beside the rows it wrote, inserted bare into copies of their tables.
 */
async function memberImportBench(): Promise<Metric> {
  const shop = await benchShop('member-import');
  try {
    const csv = [
      '手机号,姓名,生日,积分',
      ...Array.from(
        { length: IMPORTED_MEMBERS },
        (_, i) =>
          `139${String(i).padStart(8, '0')},会员${i},1990-${String((i % 12) + 1).padStart(2, '0')}-15,${i % 500}`,
      ),
    ].join('\n');
    const file = { fileName: 'members.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const before = markRows(shop.core.sqlite);
    const started = performance.now();
    const imported = await must<{ created: number; writeMs: number }>(
      shop.core,
      'members.import',
      file,
      shop.token,
    );
    const ms = performance.now() - started;
    if (imported.created !== IMPORTED_MEMBERS)
      throw new Error(`members.import created ${imported.created} of ${IMPORTED_MEMBERS}`);
    const bare = bareReplay(shop.core.sqlite, before);
    return importMetric(
      `members.import of ${IMPORTED_MEMBERS / 1000}k rows (CSV, checked, in the worker, one transaction)`,
      ms,
      bare,
      imported.writeMs,
    );
  } finally {
    await shop.close();
  }
}

const productIds = (core: Core) =>
  (core.sqlite.prepare('SELECT id FROM products ORDER BY sku').all() as { id: string }[]).map(
    (row) => row.id,
  );

export async function membersBench(): Promise<Metric[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-members-'));
  const clock = new ManualClock(START);
  const core = await createCore({ dataDir, clock, logger: createMemoryLogger() });
  try {
    const ids = await must<{ ownerId: string; storeId: string }>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: '基准门店', districtCode: '320102' },
      owner: { name: '基准店主', pin: '271828' },
    });
    const { token } = await must<{ token: string }>(core, 'auth.login', {
      staffId: ids.ownerId,
      pin: '271828',
    });
    for (let i = 0; i < LINES_PER_SALE; i++)
      await must(
        core,
        'products.create',
        { sku: `P${i}`, name: `商品${i}`, priceFen: 1090 },
        token,
      );
    await must(
      core,
      'stock.receive',
      {
        storeId: ids.storeId,
        lines: Array.from({ length: LINES_PER_SALE }, (_, i) => ({ sku: `P${i}`, qty: 1_000_000 })),
      },
      token,
    );
    await must(
      core,
      'levels.save',
      {
        levels: [
          { name: '普通', thresholdFen: 0, multiplierPct: 100 },
          { name: '银卡', thresholdFen: 100_000, multiplierPct: 150 },
        ],
      },
      token,
    );
    const template = await must<{ id: string }>(
      core,
      'coupons.createTemplate',
      {
        name: '生日券',
        rule: { type: 'voucher', amountFen: 1000 },
        validity: { kind: 'relative', days: 30 },
      },
      token,
    );
    await must(core, 'coupons.setTemplateStatus', { id: template.id, status: 'active' }, token);

    // 200k members written straight into the table (the sign-up path is measured by its tests).
    const insert = core.sqlite.prepare(
      `INSERT INTO members (id, phone, phone_last4, name, name_initials, gender, birthday, tags, note, created_at, updated_at)
       VALUES (?, ?, ?, '', '', 'unknown', ?, '[]', '', ?, ?)`,
    );
    core.sqlite.transaction(() => {
      for (let i = 0; i < MEMBERS; i++) {
        const phone = phoneOf(i);
        const month = String((i % 12) + 1).padStart(2, '0');
        const day = String((i % 28) + 1).padStart(2, '0');
        insert.run(newId(START), phone, phone.slice(-4), `${month}-${day}`, START, START);
      }
    })();

    const pick = (i: number) => (i * 7919) % MEMBERS;
    const byPhone = await time(
      (i) => must(core, 'members.lookup', { phone: phoneOf(pick(i)).slice(3) }, token),
      { iterations: 500 },
    );
    const byLast4 = await time(
      (i) => must(core, 'members.lookup', { last4: phoneOf(pick(i)).slice(-4) }, token),
      { iterations: 300 },
    );
    const bareSelect = core.sqlite.prepare('SELECT id FROM members WHERE phone = ?');
    const bare = await time((i) => bareSelect.get(phoneOf(pick(i))), { iterations: 500 });

    // A member's sale: earn per line, the qualifying spend, the level check; and without one.
    const memberIds = (
      core.sqlite.prepare('SELECT id FROM members LIMIT 50').all() as { id: string }[]
    ).map((row) => row.id);
    const lines = Array.from({ length: LINES_PER_SALE }, (_, i) => ({
      sku: `P${i}`,
      qty: 1,
      unitPriceFen: 1090,
    }));
    let saleNo = 0;
    const sale = (withMember: boolean) => (i: number) =>
      must(
        core,
        'sales.record',
        {
          terminalSaleId: `B-${++saleNo}`,
          storeId: ids.storeId,
          lines,
          tenders: [{ kind: 'cash', amountFen: 1090 * LINES_PER_SALE }],
          ...(withMember ? { memberId: memberIds[i % memberIds.length] } : {}),
        },
        token,
      );
    const memberSales = await time(sale(true), { iterations: SALES });
    const plainSales = await time(sale(false), { iterations: SALES });
    const linesPerSecond = (s: { meanMs: number }) => round((LINES_PER_SALE * 1000) / s.meanMs, 0);

    // The birthday pass over every member: ~4 days of birthdays, each a coupon to the phone.
    await must(
      core,
      'memberSettings.save',
      { birthdayTemplateId: template.id, birthdayDaysBefore: 3 },
      token,
    );
    const started = performance.now();
    const given = core.services.memberCoupons.birthdayPass();
    const passMs = performance.now() - started;
    const countBirthdays = core.sqlite.prepare(
      `SELECT count(*) FROM members WHERE birthday IN ('11-21', '11-22', '11-23', '11-24')`,
    );
    const bareCount = await time(() => countBirthdays.get(), { iterations: 20 });
    const pass = stats([passMs]);

    const profile = profileBench(core, token, ids.storeId, clock.now());
    return [
      compare(
        `members.lookup by phone, ${MEMBERS} members`,
        byPhone,
        'bare SELECT by phone',
        bare,
        {
          field: 'p95Ms',
          target: '<= 50 ms p95',
          met: byPhone.p95Ms <= 50,
        },
      ),
      compare(
        `members.lookup by last four digits, ${MEMBERS} members`,
        byLast4,
        'bare SELECT by phone',
        bare,
        { field: 'p95Ms', target: '<= 50 ms p95', met: byLast4.p95Ms <= 50 },
      ),
      {
        name: `sales.record with a member (${LINES_PER_SALE} lines: earn, spend, level)`,
        unit: 'lines/s',
        value: linesPerSecond(memberSales),
        baselineName: 'the same sale without a member',
        baseline: linesPerSecond(plainSales),
        ratio: round(linesPerSecond(memberSales) / linesPerSecond(plainSales)),
        target: '>= 1,500 lines/s',
        met: linesPerSecond(memberSales) >= 1500,
      },
      {
        ...compare(
          `birthday pass, ${MEMBERS} members (${given} coupons given)`,
          pass,
          'bare count of those birthdays',
          bareCount,
          { field: 'meanMs', target: '<= 1 s', met: passMs <= 1000 },
        ),
      },
      ...(await profile),
      await memberImportBench(),
    ];
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
