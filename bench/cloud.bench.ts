// Cloud sync metrics (issue 8, cloud side): 100k outbox events pushed in batches of 1000 to the
// reference cloud on 127.0.0.1 and acknowledged, then pulled by another device, each beside a
// bare HTTP exchange of the same bytes with a server that does nothing with them.
// BENCH_CLOUD_EVENTS=20000 for a smaller run; DATABASE_URL to measure on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { v7 } from 'uuid';
import { buildCloudApp } from '../src-cloud/app';
import { defaultCloudConfig, type CloudConfig } from '../src-cloud/config';
import { openCloudDatabase } from '../src-cloud/db/open';
import { createMemoryLogger } from '../src-node/logger';
import { dammCheckDigit } from '../src-shared/coupons/codes';
import type { PushedEvent } from '../src-shared/sync/events';
import { round, type Metric } from './harness';

const TOTAL = Number(process.env.BENCH_CLOUD_EVENTS ?? 100_000);
const BATCH = 1000;
const TOKEN = 'bench-admin-token-0123456789';

/** A till's day: mostly stock and sales, one in ten a coupon redemption claim. */
export function outboxEvent(i: number): PushedEvent {
  const id = v7();
  if (i % 10 === 0) {
    const digits = String(1_000_000_000_000_000_000n + BigInt(i));
    return {
      id,
      kind: 'redemption.completed',
      entityId: id,
      occurredAt: Date.now(),
      payload: {
        id,
        code: digits + dammCheckDigit(digits),
        couponId: v7(),
        templateId: v7(),
        storeId: v7(),
        terminalId: v7(),
        staffId: v7(),
        customerPhone: '+8613812345678',
        subtotalFen: 12000,
        discountFen: 2000,
        createdAt: Date.now(),
        lines: [{ productId: v7(), qty: 1, unitPriceFen: 12000, discountFen: 2000 }],
      },
    };
  }
  return {
    id,
    kind: i % 2 ? 'stock.moved' : 'sales.recorded',
    entityId: v7(),
    occurredAt: Date.now(),
    payload: { productId: v7(), storeId: v7(), qty: -(i % 7) - 1, reason: 'sale', at: Date.now() },
  };
}

export async function post(url: string, body: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  if (response.status !== 200)
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.text();
}

async function get(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** A server that reads the same requests and answers stored bytes: the floor of HTTP + JSON. */
async function bareServer(pages: string[]) {
  const app = Fastify({ bodyLimit: 4 * 1024 * 1024 });
  app.post('/push', async (request) => ({
    n: (request.body as { events: unknown[] }).events.length,
  }));
  app.get('/pull/:page', async (request, reply) =>
    reply.type('application/json').send(pages[Number((request.params as { page: string }).page)]),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

const metric = (name: string, seconds: number, baseline: number, target?: number): Metric => ({
  name,
  unit: 's',
  value: round(seconds),
  baselineName: 'bare HTTP exchange of the same bytes',
  baseline: round(baseline),
  ratio: round(seconds / baseline),
  ...(target !== undefined ? { target: `<= ${target} s`, met: seconds <= target } : {}),
  extra: { events: TOTAL, eventsPerSecond: Math.round(TOTAL / seconds) },
});

/** The reference cloud on 127.0.0.1 without rate limits, and a merchant to pair devices with. */
export async function startBenchCloud(configure?: (config: CloudConfig) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-bench-'));
  const database = await openCloudDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL });
  const config = defaultCloudConfig(TOKEN);
  config.rateLimits.device = { capacity: 1e9, refillPerSecond: 1e9 };
  config.rateLimits.public = { capacity: 1e9, refillPerSecond: 1e9 };
  configure?.(config);
  const app = await buildCloudApp({ database, config, logger: createMemoryLogger() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = (url: string, body: unknown) => post(base + url, JSON.stringify(body), TOKEN);
  const merchant = JSON.parse(
    await admin('/v1/admin/merchants', { name: 'bench', code: `B-${Date.now()}` }),
  ).data;
  const pairingCode = async (): Promise<string> =>
    JSON.parse(await admin(`/v1/admin/merchants/${merchant.id}/pairing-codes`, {})).data.code;
  const pair = async (name: string) => {
    const body = JSON.stringify({ pairingCode: await pairingCode(), device: { name } });
    return JSON.parse(await post(`${base}/v1/devices/pair`, body, '')).data.deviceToken as string;
  };
  return {
    base,
    database,
    merchant: merchant as { id: string; code: string },
    kind: database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite',
    pairingCode,
    pair,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function cloudBench(): Promise<Metric[]> {
  const cloud = await startBenchCloud();
  const { base, pair } = cloud;
  try {
    const a = await pair('A');
    const b = await pair('B');

    const batches: string[] = [];
    for (let i = 0; i < TOTAL; i += BATCH)
      batches.push(
        JSON.stringify({
          events: Array.from({ length: Math.min(BATCH, TOTAL - i) }, (_, j) => outboxEvent(i + j)),
        }),
      );

    let start = performance.now();
    for (const batch of batches) {
      const answer = JSON.parse(await post(`${base}/v1/sync/push`, batch, a));
      if (answer.data.results.some((r: { status: string }) => r.status !== 'accepted'))
        throw new Error('an event was not accepted');
    }
    const pushSeconds = (performance.now() - start) / 1000;

    start = performance.now();
    const pages: string[] = [];
    for (let cursor = '0'; ;) {
      const page = await get(`${base}/v1/sync/pull?after=${cursor}&limit=${BATCH}`, b);
      pages.push(page);
      const data = JSON.parse(page).data;
      cursor = data.cursor;
      if (!data.hasMore) break;
    }
    const pullSeconds = (performance.now() - start) / 1000;
    const pulled = pages.reduce((n, page) => n + JSON.parse(page).data.events.length, 0);
    if (pulled !== TOTAL) throw new Error(`pulled ${pulled} of ${TOTAL}`);

    const bare = await bareServer(pages);
    start = performance.now();
    for (const batch of batches) await post(`${bare.base}/push`, batch, a);
    const barePush = (performance.now() - start) / 1000;
    start = performance.now();
    for (let i = 0; i < pages.length; i++) JSON.parse(await get(`${bare.base}/pull/${i}`, b));
    const barePull = (performance.now() - start) / 1000;
    await bare.app.close();

    const on = cloud.kind;
    return [
      metric(`cloud push ${TOTAL} events (batches of ${BATCH}, ${on})`, pushSeconds, barePush, 20),
      metric(`cloud pull ${TOTAL} events (pages of ${BATCH}, ${on})`, pullSeconds, barePull, 20),
    ];
  } finally {
    await cloud.close();
  }
}
