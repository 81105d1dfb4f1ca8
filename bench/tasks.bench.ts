// Check-in tasks (issue 26), beside baselines from the same run, on PGlite or (DATABASE_URL)
// PostgreSQL:
// - location check-ins arriving at 100 a second, each its own order, through HTTP: p99 of the
//   geo verdict (one transaction: the stream, the order, the last fix, the verdict, the event)
//   beside a bare insert of a fix row at the same pace;
// - the till's scan of a phone's task QR on a paired PC, end to end (desktop → cloud on loopback
//   → reward issued → answer): p95, beside a bare HTTP round trip to the cloud;
// - 1,000 phones accepting 100 places at once: exactly 100 orders and a balanced pool.
//
//   npm run bench -- tasks
//   DATABASE_URL=postgres://… npm run bench -- tasks
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { createCore } from '../src-main/core';
import { TaskOrders } from '../src-cloud/tasks/orders';
import { checkPools } from '../src-cloud/tasks/pool';
import { taskOrders } from '../src-cloud/tasks/schema';
import { ConsumerConsents } from '../src-cloud/wallet/consents';
import { ConsumerSessions } from '../src-cloud/wallet/sessions';
import { systemClock } from '../src-node/clock';
import { createMemoryLogger } from '../src-node/logger';
import { convert } from '../src-shared/geo/coordinates';
import { round, stats, time, type Metric, type Stats } from './harness';
import { startBenchCloud } from './cloud.bench';
import { must } from './support';

const CHECKINS = Number(process.env.BENCH_TASK_CHECKINS ?? 1000);
const PER_SECOND = Number(process.env.BENCH_TASK_RATE ?? 100);
const VERIFIES = Number(process.env.BENCH_TASK_VERIFIES ?? 200);
const TARGET = { lat: 32.0409, lng: 118.7845 }; // GCJ-02, 新街口
const PIN = '314159';

type BenchCloud = Awaited<ReturnType<typeof startBenchCloud>>;

/** Runs `operation` once every 1000/rate ms (not waiting for the previous), timing each. */
async function paced(count: number, rate: number, operation: (i: number) => Promise<unknown>) {
  const durations: number[] = [];
  const started = performance.now();
  const runs: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    runs.push(
      (async () => {
        const t0 = performance.now();
        await operation(i);
        durations.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(runs);
  return stats(durations);
}

/** A POST over keep-alive sockets, answered as parsed JSON. */
function poster(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const request = http.request(
        new URL(url, base),
        {
          method: 'POST',
          agent,
          headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  const get = (url: string) =>
    new Promise<void>((resolve, reject) =>
      http
        .get(new URL(url, base), { agent }, (response) => response.resume().on('end', resolve))
        .on('error', reject),
    );
  return { post, get, close: () => agent.destroy() };
}

/** A paired PC with an active template synced to the cloud, and a published task of it. */
async function shopWithTask(cloud: BenchCloud, places: number, deadlineInMs: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-tasks-'));
  const core = await createCore({
    dataDir,
    logger: createMemoryLogger(),
    config: { analytics: { warmUpDelayMs: null } },
  });
  const ids = await must<{ ownerId: string }>(core, 'setup.initialize', {
    merchant: { name: '基准商户', code: 'BENCH' },
    store: { name: '基准门店', districtCode: '320102' },
    owner: { name: '基准店主', pin: PIN },
  });
  const owner = (
    await must<{ token: string }>(core, 'auth.login', { staffId: ids.ownerId, pin: PIN })
  ).token;
  const template = await must<{ id: string }>(
    core,
    'coupons.createTemplate',
    {
      name: '打卡券 满100减10',
      rule: { type: 'threshold', thresholdFen: 10000, amountFen: 1000 },
      validity: { kind: 'relative', days: 30 },
    },
    owner,
  );
  await must(core, 'coupons.setTemplateStatus', { id: template.id, status: 'active' }, owner);
  await must(
    core,
    'sync.pair',
    { cloudUrl: cloud.base, pairingCode: await cloud.pairingCode(), deviceName: '基准收银机' },
    owner,
  );
  await must(core, 'sync.now', {}, owner);
  const now = Date.now();
  const task = await must<{ id: string }>(
    core,
    'tasks.create',
    {
      title: '新街口打卡',
      description: '基准',
      target: { kind: 'point', ...TARGET, system: 'gcj02', label: '新街口广场' },
      radiusM: 200,
      startsAt: now - 60_000,
      deadlineAt: now + deadlineInMs,
      reward: { kind: 'coupon', templateId: template.id, valueFen: 1000 },
      places,
      perPerson: 1,
      onSiteRequired: true,
    },
    owner,
  );
  await must(core, 'tasks.fund', { taskId: task.id, provider: 'fake' }, owner);
  await must(core, 'tasks.publish', { taskId: task.id }, owner);
  return {
    core,
    owner,
    task,
    async close() {
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `count` signed-in phones with the location consent, made straight in the database. */
async function phones(cloud: BenchCloud, count: number) {
  const db = cloud.database.db;
  const sessions = new ConsumerSessions(db, systemClock);
  const made: { phone: string; token: string }[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `+86139${String(Date.now() % 1000).padStart(3, '0')}${String(i).padStart(5, '0')}`;
    made.push({ phone, token: (await sessions.open(cloud.merchant.id, phone)).token });
  }
  await db.execute(sql`insert into consumer_consents (id, merchant_id, phone, purpose, granted,
      source, text_shown, at)
    select ${cloud.merchant.id} || ':bench:' || p, ${cloud.merchant.id}, p, 'location', true,
      'wallet', '使用我的位置用于打卡', ${Date.now()}::bigint
    from jsonb_array_elements_text(${JSON.stringify(made.map((m) => m.phone))}::jsonb) as p`);
  return made;
}

const taskOrdersOf = (cloud: BenchCloud) =>
  new TaskOrders(
    cloud.database.db,
    systemClock,
    new ConsumerConsents(cloud.database.db, systemClock),
  );

/** A signed-in phone as the consumer endpoints see it (for seeding through the services). */
const actorOf = (cloud: BenchCloud, phone: string) => ({
  merchantId: cloud.merchant.id,
  phone,
  sessionId: 'bench',
  expiresAt: Date.now() + 3600_000,
});

const fixNear = (metres: number) => {
  const wgs = convert(TARGET, 'gcj02', 'wgs84');
  return { lat: wgs.lat + metres / 111_195, lng: wgs.lng, accuracy: 20, mode: 'walking' as const };
};

async function checkins(cloud: BenchCloud): Promise<Metric> {
  const shop = await shopWithTask(cloud, CHECKINS, 3600_000);
  const { post, close } = poster(cloud.base);
  try {
    const made = await phones(cloud, CHECKINS);
    const orders = taskOrdersOf(cloud);
    const orderIds: string[] = [];
    for (const m of made) {
      const actor = actorOf(cloud, m.phone);
      orderIds.push((await orders.accept(actor, shop.task.id, { mode: 'walking' })).id);
    }
    const base = `/v1/consumers/${cloud.merchant.code}`;
    let refused = 0;
    const measured = await paced(CHECKINS, PER_SECOND, async (i) => {
      // Alternately near enough and still on the way: both verdicts are the same work.
      const answer = await post(
        `${base}/orders/${orderIds[i]}/checkin`,
        fixNear(i % 2 ? 50 : 900),
        {
          authorization: `Bearer ${made[i]!.token}`,
        },
      );
      if (answer.status !== 200) refused++;
    });
    if (refused) throw new Error(`${refused} check-ins refused`);
    const db = cloud.database.db;
    const bare = await paced(CHECKINS, PER_SECOND, (i) =>
      db.execute(sql`insert into task_fixes (merchant_id, order_id, at, lat, lng, accuracy)
        values (${cloud.merchant.id}, ${`bare-${i}`}, ${Date.now()}::bigint, 32.04, 118.78, 20)`),
    );
    return metric(
      `cloud: location check-in at ${PER_SECOND}/s over HTTP (${cloud.kind}, p99)`,
      measured,
      'a bare insert of a fix row at the same pace',
      bare,
      'p99Ms',
      { target: '<= 30 ms', met: measured.p99Ms <= 30 },
    );
  } finally {
    close();
    await shop.close();
  }
}

async function tillVerification(cloud: BenchCloud): Promise<Metric> {
  const shop = await shopWithTask(cloud, VERIFIES + 20, 3600_000);
  const { get, close } = poster(cloud.base);
  try {
    const made = await phones(cloud, VERIFIES + 20);
    const orders = taskOrdersOf(cloud);
    const qrs: string[] = [];
    for (const m of made) {
      const actor = actorOf(cloud, m.phone);
      const { id } = await orders.accept(actor, shop.task.id, { mode: 'walking' });
      // At the store: the location check-in hands out the QR the till scans.
      qrs.push((await orders.checkin(actor, id, fixNear(10))).order.qr!);
    }
    const verify = await time(
      async (i) => {
        const answer = await must<{ completedNow: boolean }>(
          shop.core,
          'tasks.verify',
          { code: qrs[i] },
          shop.owner,
        );
        if (!answer.completedNow) throw new Error('a task QR verified twice');
      },
      { iterations: VERIFIES, warmup: 20 },
    );
    const bare = await time(() => get('/health'), { iterations: VERIFIES, warmup: 20 });
    return metric(
      `pc: tasks.verify at the till, end to end on loopback (${cloud.kind}, p95)`,
      verify,
      'a bare HTTP round trip to the cloud',
      bare,
      'p95Ms',
      { target: '<= 1000 ms', met: verify.p95Ms <= 1000 },
    );
  } finally {
    close();
    await shop.close();
  }
}

async function parallelAccepts(cloud: BenchCloud): Promise<Metric> {
  const shop = await shopWithTask(cloud, 100, 3600_000);
  const { post, get, close } = poster(cloud.base);
  try {
    const made = await phones(cloud, 1000);
    const url = `/v1/consumers/${cloud.merchant.code}/tasks/${shop.task.id}/accept`;
    const t0 = performance.now();
    const answers = await Promise.all(
      made.map((m) => post(url, undefined, { authorization: `Bearer ${m.token}` })),
    );
    const wallMs = performance.now() - t0;
    const t1 = performance.now();
    await Promise.all(made.map(() => get('/health')));
    const bareMs = performance.now() - t1;
    const accepted = answers.filter((a) => a.status === 200).length;
    const [{ n }] = (await cloud.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(taskOrders)
      .where(
        and(eq(taskOrders.merchantId, cloud.merchant.id), eq(taskOrders.taskId, shop.task.id)),
      )) as [{ n: number }];
    const balanced = (await checkPools(cloud.database.db, cloud.merchant.id)).length === 0;
    return {
      name: `cloud: 1,000 parallel accepts on 100 places (${cloud.kind}), wall time`,
      unit: 'ms',
      value: round(wallMs),
      baselineName: '1,000 parallel bare HTTP round trips',
      baseline: round(bareMs),
      ratio: round(wallMs / bareMs),
      target: 'exactly 100 orders, pool balanced',
      met: accepted === 100 && n === 100 && balanced,
      extra: { accepted, orders: n, balanced: String(balanced) },
    };
  } finally {
    close();
    await shop.close();
  }
}

function metric(
  name: string,
  measured: Stats,
  baselineName: string,
  baseline: Stats,
  field: 'p95Ms' | 'p99Ms',
  goal: { target: string; met: boolean },
): Metric {
  return {
    name,
    unit: 'ms',
    value: round(measured[field]),
    baselineName,
    baseline: round(baseline[field]),
    ratio: round(measured[field] / baseline[field]),
    ...goal,
    extra: {
      p50Ms: round(measured.p50Ms),
      p95Ms: round(measured.p95Ms),
      p99Ms: round(measured.p99Ms),
      count: measured.count,
    },
  };
}

export async function tasksBench(): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const run of [checkins, tillVerification, parallelAccepts]) {
    // A cloud each: one merchant's PC pairs once.
    const cloud = await startBenchCloud((config) => {
      config.tasks.paymentProviders = ['fake'];
    });
    try {
      metrics.push(await run(cloud));
    } finally {
      await cloud.close();
    }
  }
  return metrics;
}
