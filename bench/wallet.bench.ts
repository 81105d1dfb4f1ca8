// The consumer's wallet (issue 23): a signed-in phone's claim over HTTP at a steady ~200
// claims/s (open loop: each claim is timed from when it was due, so a queue shows), beside the
// bare conditional UPDATE + INSERT at the same rate; and the wallet of a phone holding 200
// coupons beside the bare select of its claims. DATABASE_URL to measure on PostgreSQL (the
// issue's numbers are for PostgreSQL); BENCH_WALLET_CLAIMS=1000 for a shorter run.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import { buildCloudApp } from '../src-cloud/app';
import { defaultCloudConfig } from '../src-cloud/config';
import { openCloudDatabase, type CloudDb } from '../src-cloud/db/open';
import { walletClaims } from '../src-cloud/wallet/schema';
import { ConsumerSessions } from '../src-cloud/wallet/sessions';
import { systemClock } from '../src-node/clock';
import { createMemoryLogger } from '../src-node/logger';
import { dammCheckDigit } from '../src-shared/coupons/codes';
import { compare, round, stats, time, type Metric, type Stats } from './harness';

const CLAIMS = Number(process.env.BENCH_WALLET_CLAIMS ?? 2000);
const RATE_PER_SECOND = Number(process.env.BENCH_WALLET_RATE ?? 200);
const WALLET_COUPONS = 200;
const WARM_UP = 200;
const TOKEN = 'bench-admin-token-0123456789';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** An answer of the cloud, read loosely (the bench checks only what it uses). */
interface Answer {
  status: number;
  body: { data: unknown };
}

function call(
  base: string,
  method: 'GET' | 'POST',
  url: string,
  token: string,
  body?: unknown,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      base + url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `operation` `count` times, one due every 1000/rate ms whether the last finished or not. */
async function openLoop(count: number, rate: number, operation: (i: number) => Promise<unknown>) {
  const interval = 1000 / rate;
  const start = performance.now();
  const durations: number[] = [];
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(
      operation(i).then(() => {
        durations.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(running);
  const seconds = (performance.now() - start) / 1000;
  return { stats: stats(durations), achievedPerSecond: count / seconds };
}

function numericCode(): string {
  const digits =
    String(1 + Math.floor(Math.random() * 9)) + String(Math.random()).slice(2, 20).padEnd(18, '7');
  return digits + dammCheckDigit(digits);
}

const phoneOf = (i: number) => `+86139${String(i).padStart(8, '0')}`;

export async function setUp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-wallet-'));
  const database = await openCloudDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL });
  const config = defaultCloudConfig(TOKEN);
  config.rateLimits.device = { capacity: 1e9, refillPerSecond: 1e9 };
  config.rateLimits.public = { capacity: 1e9, refillPerSecond: 1e9 };
  const app = await buildCloudApp({ database, config, logger: createMemoryLogger() });
  // Server time per route (from the request's arrival to the answer's end), beside the round trip.
  const serverMs = new Map<string, number[]>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '';
    serverMs.set(route, [...(serverMs.get(route) ?? []), reply.elapsedTime]);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const ok = async <T = unknown>(
    method: 'GET' | 'POST',
    url: string,
    token: string,
    body?: unknown,
  ): Promise<T> => {
    const answer = await call(base, method, url, token, body);
    if (answer.status !== 200) throw new Error(`${url}: ${JSON.stringify(answer.body)}`);
    return answer.body.data as T;
  };
  const merchant = await ok<{ id: string; code: string }>('POST', '/v1/admin/merchants', TOKEN, {
    name: 'bench',
    code: `W-${Date.now()}`,
  });
  const { code: pairingCode } = await ok<{ code: string }>(
    'POST',
    `/v1/admin/merchants/${merchant.id}/pairing-codes`,
    TOKEN,
    {},
  );
  const key = {
    kid: 'k1',
    secret: Buffer.alloc(32, 7).toString('base64'),
    createdAt: Date.now(),
    retiredAt: null,
  };
  const till = await ok<{ deviceToken: string }>('POST', '/v1/devices/pair', '', {
    pairingCode,
    device: { name: 'bench till' },
    signingKeys: [key],
  });
  const push = (events: { kind: string; payload: Record<string, unknown> }[]) =>
    ok('POST', '/v1/sync/push', till.deviceToken, {
      events: events.map((e) => ({
        id: v7(),
        kind: e.kind,
        entityId: String(e.payload.id ?? v7()),
        occurredAt: Date.now(),
        payload: e.payload,
      })),
    });
  const now = Date.now();
  const stores = Array.from({ length: 20 }, (_, i) => ({
    id: v7(),
    name: `门店${i + 1}`,
    lat: 31.2 + i * 0.01,
    lng: 121.4 + i * 0.01,
    timezone: 'Asia/Shanghai',
    updatedAt: now,
  }));
  const templateId = v7();
  await push([
    ...stores.map((payload) => ({ kind: 'stores.changed', payload })),
    {
      kind: 'templates.changed',
      payload: {
        template: {
          id: templateId,
          name: '满100减20',
          status: 'active',
          version: 1,
          validityKind: 'relative',
          validDays: 30,
          storeIds: stores.slice(0, 5).map((s) => s.id),
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
  ]);
  const issuance = async (count: number, perPerson: number) => {
    const id = v7();
    await push([
      {
        kind: 'claims.issuanceChanged',
        payload: {
          id,
          templateId,
          title: 'bench',
          count,
          perPerson,
          startsAt: null,
          endsAt: null,
          storeId: null,
          status: 'active',
          updatedAt: Date.now(),
        },
      },
    ]);
    return id;
  };
  const sessions = new ConsumerSessions(database.db, systemClock);
  const session = async (phone: string) => (await sessions.open(merchant.id, phone)).token;
  return {
    base,
    /** Server times of a route recorded since the last call (and forgets them). */
    serverTimes(route: string): Stats {
      const times = serverMs.get(route) ?? [];
      serverMs.delete(route);
      return stats(times);
    },
    db: database.db,
    kind: database.kind,
    merchant,
    templateId,
    stores,
    ok,
    push,
    issuance,
    session,
    async close() {
      agent.destroy();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare claim: the conditional UPDATE of the counter and the INSERT of the claim. */
async function bareClaim(db: CloudDb, merchantId: string, issuanceId: string, i: number) {
  await db.transaction(async (tx) => {
    const taken = await tx.execute(sql`
      update wallet_issuances set claimed = claimed + 1
      where merchant_id = ${merchantId} and id = ${issuanceId} and status = 'active'
        and (count is null or claimed < count) returning claimed`);
    if (!(taken as unknown as { rows: unknown[] }).rows.length) throw new Error('exhausted');
    const now = Date.now();
    await tx.insert(walletClaims).values({
      merchantId,
      id: v7(),
      issuanceId,
      phone: phoneOf(1_000_000 + i),
      n: 1,
      code: numericCode(),
      token: 'bare',
      templateId: issuanceId,
      templateVersion: 1,
      storeId: null,
      validFrom: now,
      validUntil: now + 86_400_000,
      timezone: 'Asia/Shanghai',
      claimedAt: now,
      eventId: v7(),
    });
  });
}

export async function walletBench(): Promise<Metric[]> {
  const cloud = await setUp();
  try {
    const metrics: Metric[] = [];
    const database = cloud.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';

    // Claims by distinct signed-in phones, at the rate.
    const claimIssuance = await cloud.issuance(CLAIMS * 2, 1);
    const tokens: string[] = [];
    for (let i = 0; i < CLAIMS; i++) tokens.push(await cloud.session(phoneOf(i)));
    const url = `/v1/consumers/${cloud.merchant.code}/issuances/${claimIssuance}/claim`;
    const CLAIM_ROUTE = '/v1/consumers/:merchantCode/issuances/:issuanceId/claim';
    // Warm-up, untimed, as the harness does: the pool's connections opened, the code compiled.
    const warmUp = await cloud.issuance(WARM_UP * 2, 1);
    const warmTokens: string[] = [];
    for (let i = 0; i < WARM_UP; i++) warmTokens.push(await cloud.session(phoneOf(5_000_000 + i)));
    await openLoop(WARM_UP, RATE_PER_SECOND, (i) =>
      call(
        cloud.base,
        'POST',
        `/v1/consumers/${cloud.merchant.code}/issuances/${warmUp}/claim`,
        warmTokens[i]!,
      ),
    );
    await openLoop(WARM_UP, RATE_PER_SECOND, (i) =>
      bareClaim(cloud.db, cloud.merchant.id, warmUp, WARM_UP + i),
    );
    cloud.serverTimes(CLAIM_ROUTE);
    const claimed = await openLoop(CLAIMS, RATE_PER_SECOND, async (i) => {
      const answer = await call(cloud.base, 'POST', url, tokens[i]!);
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
    });
    const bareIssuance = await cloud.issuance(CLAIMS * 2, 1);
    const bare = await openLoop(CLAIMS, RATE_PER_SECOND, (i) =>
      bareClaim(cloud.db, cloud.merchant.id, bareIssuance, i),
    );
    metrics.push(
      compare(
        `cloud: claim by a signed-in phone at ~${RATE_PER_SECOND}/s on ${database} (p99)`,
        claimed.stats,
        'bare conditional UPDATE + INSERT at the same rate (p99)',
        bare.stats,
        {
          field: 'p99Ms',
          target: '<= 50 ms (PostgreSQL)',
          met: claimed.stats.p99Ms <= 50,
        },
      ),
    );
    const claimServer = cloud.serverTimes(CLAIM_ROUTE);
    Object.assign(metrics.at(-1)!.extra!, {
      achievedPerSecond: Math.round(claimed.achievedPerSecond),
      serverP50Ms: round(claimServer.p50Ms),
      serverP99Ms: round(claimServer.p99Ms),
    });

    // A phone holding 200 coupons, a quarter of them redeemed, among everyone else's claims.
    const phone = phoneOf(9_999_999);
    const token = await cloud.session(phone);
    const many = await cloud.issuance(WALLET_COUPONS, WALLET_COUPONS);
    const codes: string[] = [];
    for (let i = 0; i < WALLET_COUPONS; i++)
      codes.push(
        (
          await cloud.ok<{ coupon: { code: string } }>(
            'POST',
            `/v1/consumers/${cloud.merchant.code}/issuances/${many}/claim`,
            token,
          )
        ).coupon.code,
      );
    await cloud.push(
      codes.slice(0, WALLET_COUPONS / 4).map((code) => ({
        kind: 'redemption.completed',
        payload: {
          id: v7(),
          code,
          templateId: cloud.templateId,
          storeId: cloud.stores[0]!.id,
          subtotalFen: 10000,
          discountFen: 2000,
          createdAt: Date.now(),
        },
      })),
    );
    const walletUrl = `/v1/consumers/${cloud.merchant.code}/wallet?lat=31.23&lng=121.47`;
    const WALLET_ROUTE = '/v1/consumers/:merchantCode/wallet';
    for (let i = 0; i < 30; i++) await cloud.ok('GET', walletUrl, token);
    cloud.serverTimes(WALLET_ROUTE);
    const roundTrip: Stats = await time(
      async () => {
        const data = await cloud.ok<{ coupons: unknown[] }>('GET', walletUrl, token);
        if (data.coupons.length !== WALLET_COUPONS) throw new Error('wallet incomplete');
      },
      { iterations: 300, warmup: 0 },
    );
    const wallet = cloud.serverTimes(WALLET_ROUTE);
    const select: Stats = await time(
      () =>
        cloud.db
          .select()
          .from(walletClaims)
          .where(
            and(eq(walletClaims.merchantId, cloud.merchant.id), eq(walletClaims.phone, phone)),
          ),
      { iterations: 300 },
    );
    metrics.push(
      compare(
        `cloud: wallet of a phone with ${WALLET_COUPONS} coupons on ${database} (p95, server time)`,
        wallet,
        'bare select of the phone’s claims (p95)',
        select,
        { field: 'p95Ms', target: '<= 30 ms', met: wallet.p95Ms <= 30 },
      ),
    );
    Object.assign(metrics.at(-1)!.extra!, {
      roundTripP50Ms: round(roundTrip.p50Ms),
      roundTripP95Ms: round(roundTrip.p95Ms),
    });
    return metrics;
  } finally {
    await cloud.close();
  }
}
