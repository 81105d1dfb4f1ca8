// SMS campaigns (issue 25), beside baselines from the same run, on PGlite or (DATABASE_URL)
// PostgreSQL:
// - 100k texts of one campaign through the webhook provider to a capture server on loopback,
//   throttling off, each with its coupon placed in the wallet first: texts a second from the
//   start call to the last text received, beside bare POSTs of the same JSON to the same server
//   at the same concurrency;
// - a cloud closed while sending and a new one built over the same database: every text arrives
//   (lost = 0) and none twice (sent twice = 0), counted at the capture server by message id and
//   by raw POSTs.
//
//   npm run bench -- outreach
//   DATABASE_URL=postgres://… npm run bench -- outreach
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { buildCloudApp } from '../src-cloud/app';
import { defaultCloudConfig, type CloudConfig } from '../src-cloud/config';
import { openCloudDatabase, type CloudDatabase } from '../src-cloud/db/open';
import type { Clock } from '../src-node/clock';
import { createMemoryLogger } from '../src-node/logger';
import type { SmsCampaignStatus } from '../src-shared/sync/outreach';
import { localDate, parseLocalDateTime } from '../src-shared/time';
import { round, type Metric } from './harness';

const TEXTS = Number(process.env.BENCH_OUTREACH_TEXTS ?? 100_000);
const RESTART_TEXTS = Number(process.env.BENCH_OUTREACH_RESTART_TEXTS ?? 20_000);
const BASELINE_POSTS = Math.min(TEXTS, 20_000);
const PAGE = 5_000;
const CONCURRENCY = 32;
const TOKEN = 'bench-admin-token-0123456789';
const ZONE = 'Asia/Shanghai';

/**
 * Today's 10:00 in Shanghai, moving with the real time: the texts are inside the sending window
 * whenever the bench runs.
 */
function daytimeClock(): Clock {
  const target = parseLocalDateTime(`${localDate(Date.now(), ZONE)} 10:00`, ZONE)!;
  const offset = target - Date.now();
  return { now: () => Date.now() + offset };
}

/** The SMS gateway: counts POSTs and distinct message ids, keeps nothing else. */
async function startGateway() {
  const ids = new Set<string>();
  let posts = 0;
  let lastAt = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      posts++;
      ids.add(body.id);
      lastAt = performance.now();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"accepted":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    get posts() {
      return posts;
    },
    get distinct() {
      return ids.size;
    },
    get lastAt() {
      return lastAt;
    },
    reset() {
      ids.clear();
      posts = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
type Gateway = Awaited<ReturnType<typeof startGateway>>;

async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST',
  url: string,
  token: string,
  body?: unknown,
) {
  const response = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (response.status !== 200) throw new Error(`${url}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** A cloud node over a data folder (or DATABASE_URL) that can be closed and built again over it. */
function cloudNode(gateway: Gateway, clock: Clock) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-outreach-'));
  const deployment = `bench-outreach-${v7()}`;
  return {
    async start() {
      const database: CloudDatabase = await openCloudDatabase({
        dataDir,
        databaseUrl: process.env.DATABASE_URL,
      });
      const config: CloudConfig = defaultCloudConfig(TOKEN);
      config.deployment = deployment;
      config.rateLimits.device = { capacity: 1e9, refillPerSecond: 1e9 };
      config.rateLimits.public = { capacity: 1e9, refillPerSecond: 1e9 };
      config.sms = { provider: 'webhook', url: gateway.url, timeoutMs: 5000 };
      config.outreach = {
        sendRatePerSecond: 0,
        batchSize: 500,
        concurrency: CONCURRENCY,
        leaseMs: 60_000,
        maxAttempts: 5,
        pollEveryMs: 50,
      };
      const app = await buildCloudApp({ database, config, clock, logger: createMemoryLogger() });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      return {
        base,
        kind: database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite',
        async close() {
          await app.close();
          await database.close();
        },
      };
    },
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A merchant with a paired till holding its key and an active template the texts offer. */
async function benchMerchant(base: string) {
  const merchant = await call<{ id: string; code: string }>(
    base,
    'POST',
    '/v1/admin/merchants',
    TOKEN,
    {
      name: '基准营销',
      code: `O-${Date.now().toString(36).toUpperCase()}`,
    },
  );
  const { code } = await call<{ code: string }>(
    base,
    'POST',
    `/v1/admin/merchants/${merchant.id}/pairing-codes`,
    TOKEN,
    {},
  );
  const key = {
    kid: 'k1',
    secret: Buffer.alloc(32, 9).toString('base64'),
    createdAt: Date.now(),
    retiredAt: null,
  };
  const till = (
    await call<{ deviceToken: string }>(base, 'POST', '/v1/devices/pair', '', {
      pairingCode: code,
      device: { name: '基准收银机' },
      signingKeys: [key],
    })
  ).deviceToken as string;
  const templateId = v7();
  const now = Date.now();
  await call(base, 'POST', '/v1/sync/push', till, {
    events: [
      {
        id: v7(),
        kind: 'templates.changed',
        entityId: templateId,
        occurredAt: now,
        payload: {
          template: {
            id: templateId,
            name: '满100减20',
            status: 'active',
            version: 1,
            validityKind: 'relative',
            validDays: 30,
            storeIds: [],
            codeFormat: 'numeric',
            updatedAt: now,
          },
          versions: [
            {
              templateId,
              version: 1,
              rule: {
                type: 'threshold',
                thresholdFen: 10000,
                amountFen: 2000,
                repeat: false,
                capFen: null,
              },
            },
          ],
        },
      },
    ],
  });
  return { merchant, till, templateId };
}

/** `count` distinct mainland mobiles from `first` on. */
const phonesFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+86138${String(first + i).padStart(8, '0')}`);

/** A campaign handed over with its recipients in pages; answers its id (not started). */
async function handOver(
  base: string,
  shop: Awaited<ReturnType<typeof benchMerchant>>,
  clock: Clock,
  phones: string[],
) {
  const id = v7();
  await call(base, 'POST', '/v1/outreach/campaigns', shop.till, {
    id,
    purpose: 'marketing',
    name: '基准召回',
    signature: '基准营销',
    text: `【基准营销】满100减20的券已放进您的钱包 ${base}/c/${shop.merchant.code} 拒收请回复R`,
    templateId: shop.templateId,
    sendAt: clock.now(),
    timeZone: ZONE,
    capPer30Days: 4,
  });
  for (let i = 0; i < phones.length; i += PAGE)
    await call(base, 'POST', `/v1/outreach/campaigns/${id}/recipients`, shop.till, {
      recipients: phones.slice(i, i + PAGE).map((phone) => ({ phone, stratum: 'atRisk' })),
    });
  return id;
}

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The campaign's status once nothing waits (the last batch is marked after its texts went). */
async function settled(base: string, till: string, id: string) {
  for (;;) {
    const status = await call<SmsCampaignStatus>(base, 'GET', `/v1/outreach/campaigns/${id}`, till);
    if (status.state === 'done') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Bare POSTs of a text-sized JSON body to the gateway, `CONCURRENCY` at a time (fetch, keep-alive). */
async function barePosts(gateway: Gateway, count: number): Promise<number> {
  const body = JSON.stringify({
    id: v7(),
    to: '+8613800000000',
    text: '【基准营销】满100减20的券已放进您的钱包 http://127.0.0.1/c/X 拒收请回复R',
    template: 'marketing',
    params: { campaignId: v7(), signature: '基准营销' },
    merchant: { code: 'X', name: '基准营销' },
  });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': String(next) },
          body: body.replace(/"id":"[^"]+"/, `"id":"${v7()}"`),
        });
        await response.arrayBuffer();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function throughput(gateway: Gateway, clock: Clock): Promise<Metric> {
  const node = cloudNode(gateway, clock);
  const cloud = await node.start();
  try {
    const shop = await benchMerchant(cloud.base);
    const handStart = performance.now();
    const id = await handOver(cloud.base, shop, clock, phonesFrom(0, TEXTS));
    const handMs = performance.now() - handStart;
    gateway.reset();
    const started = performance.now();
    await call(cloud.base, 'POST', `/v1/outreach/campaigns/${id}/start`, shop.till);
    const startMs = performance.now() - started;
    await until(() => gateway.distinct >= TEXTS, 30 * 60_000, `${TEXTS} texts`);
    const seconds = (gateway.lastAt - started) / 1000;
    const rate = TEXTS / seconds;
    const status = await settled(cloud.base, shop.till, id);
    const posts = gateway.posts;
    gateway.reset();
    const bare = await barePosts(gateway, BASELINE_POSTS);
    return {
      name: `cloud: ${TEXTS.toLocaleString('en')} campaign texts through the webhook provider, throttle off (${cloud.kind})`,
      unit: 'texts/s',
      value: Math.round(rate),
      baselineName: `bare POSTs of the same JSON to the same server, ${CONCURRENCY} at a time`,
      baseline: Math.round(bare),
      ratio: round(rate / bare),
      target: '>= 500/s, each text once',
      met: rate >= 500 && posts === TEXTS && status.placed === TEXTS,
      extra: {
        seconds: round(seconds, 1),
        startCallMs: Math.round(startMs),
        handOverMs: Math.round(handMs),
        posts,
        offersPlaced: status.placed,
        sent: status.sent,
      },
    };
  } finally {
    await cloud.close();
    node.remove();
  }
}

async function restartMidSend(gateway: Gateway, clock: Clock): Promise<Metric> {
  const node = cloudNode(gateway, clock);
  let cloud = await node.start();
  const kind = cloud.kind;
  try {
    const shop = await benchMerchant(cloud.base);
    const id = await handOver(cloud.base, shop, clock, phonesFrom(50_000_000, RESTART_TEXTS));
    gateway.reset();
    await call(cloud.base, 'POST', `/v1/outreach/campaigns/${id}/start`, shop.till);
    await until(() => gateway.distinct >= RESTART_TEXTS / 3, 10 * 60_000, 'a third of the texts');
    const closing = performance.now();
    await cloud.close();
    const closeMs = performance.now() - closing;
    const atClose = gateway.posts;
    cloud = await node.start();
    await until(
      () => gateway.distinct >= RESTART_TEXTS,
      10 * 60_000,
      'every text after the restart',
    );
    // Anything sent twice would come now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const status = await settled(cloud.base, shop.till, id);
    const lost = RESTART_TEXTS - gateway.distinct;
    const sentTwice = gateway.posts - gateway.distinct;
    return {
      name: `cloud: ${RESTART_TEXTS.toLocaleString('en')} texts, the cloud closed mid-send and started again over the same database (${kind})`,
      unit: 'texts received once',
      value: gateway.distinct,
      baselineName: 'recipients',
      baseline: RESTART_TEXTS,
      ratio: round(gateway.distinct / RESTART_TEXTS),
      target: 'lost = 0, sent twice = 0',
      met: lost === 0 && sentTwice === 0 && status.sent === RESTART_TEXTS,
      extra: {
        lost,
        sentTwice,
        posts: gateway.posts,
        postsBeforeClose: atClose,
        closeMs: Math.round(closeMs),
        sentByStatus: status.sent,
      },
    };
  } finally {
    await cloud.close();
    node.remove();
  }
}

export async function outreachBench(): Promise<Metric[]> {
  const gateway = await startGateway();
  const clock = daytimeClock();
  try {
    return [await throughput(gateway, clock), await restartMidSend(gateway, clock)];
  } finally {
    await gateway.close();
  }
}
