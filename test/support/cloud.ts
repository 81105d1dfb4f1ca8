import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { describe } from 'vitest';
import { buildCloudApp } from '../../src-cloud/app';
import { defaultCloudConfig, type CloudConfig } from '../../src-cloud/config';
import type { SmsMessage, SmsProvider } from '../../src-cloud/sms/provider';
import { openCloudDatabase } from '../../src-cloud/db/open';
import { createMemoryLogger } from '../../src-node/logger';
import { dammCheckDigit } from '../../src-shared/coupons/codes';
import type { PushedEvent } from '../../src-shared/sync/events';
import type { SigningKey } from '../../src-shared/sync/pairing';

export interface CloudBackend {
  name: 'PGlite' | 'PostgreSQL';
  databaseUrl: string | null;
}

/**
 * Each cloud suite runs on PGlite, and on PostgreSQL too when DATABASE_URL names one (CI starts
 * Debian's postgresql for it). Tests make their own merchants, so they share a database safely.
 */
export function describeOnEachBackend(title: string, suite: (backend: CloudBackend) => void) {
  describe(`${title} (PGlite)`, () => suite({ name: 'PGlite', databaseUrl: null }));
  const url = process.env.DATABASE_URL || null;
  describe.skipIf(!url)(
    url ? `${title} (PostgreSQL)` : `${title} (PostgreSQL: skipped, DATABASE_URL is not set)`,
    () => suite({ name: 'PostgreSQL', databaseUrl: url }),
  );
}

/** A clock the test moves; starts at the real time (PostgreSQL rows outlive a test). */
export class TestClock {
  private offset = 0;
  now() {
    return Date.now() + this.offset;
  }
  advance(ms: number) {
    this.offset += ms;
  }
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** PGlite's first start (WebAssembly, migrations) is slow on a busy machine. */
export const CLOUD_START_TIMEOUT_MS = 90_000;

const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A cloud server on 127.0.0.1:0 over a fresh PGlite data dir (or DATABASE_URL). */
export async function startCloud(
  backend: CloudBackend,
  options: { config?: (config: CloudConfig) => void; clock?: TestClock } = {},
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-'));
  const database = await openCloudDatabase({ dataDir, databaseUrl: backend.databaseUrl });
  const config = defaultCloudConfig(ADMIN_TOKEN);
  config.validateOutputs = true;
  // On PostgreSQL the suites share one database: each cloud keeps its rate buckets and text
  // breaker to itself (the nodes of a two-node test share one name).
  config.deployment = `test-${randomBytes(6).toString('hex')}`;
  // Every test texts from 127.0.0.1, and on PostgreSQL the suites share one database: the
  // per-address caps would add up across files. The test of the caps sets its own.
  config.smsCaps = { ...config.smsCaps, perAddressPerHour: 10_000, perAddressPerDay: 10_000 };
  options.config?.(config);
  const clock = options.clock ?? new TestClock();
  const logger = createMemoryLogger();
  // The texts a phone would get, kept for otpFor (the log provider stars the codes). A test
  // that sets a webhook provider gets that one.
  const texts: SmsMessage[] = [];
  const sms: SmsProvider | undefined =
    config.sms.provider === 'log'
      ? {
          name: 'log',
          async send(message) {
            texts.push(message);
          },
        }
      : undefined;
  const app = await buildCloudApp({ database, config, clock, logger, sms });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('cloud has no port');
  const base = `http://127.0.0.1:${address.port}`;

  async function request(
    method: 'GET' | 'POST',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await fetch(base + url, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    };
  }

  /** The answer's data; fails the test with the error when the call failed. */
  async function ok(
    method: 'GET' | 'POST',
    url: string,
    options: Parameters<typeof request>[2] = {},
  ) {
    const answer = await request(method, url, options);
    if (answer.status !== 200)
      throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.data;
  }

  const admin = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    ok(method, url, { token: ADMIN_TOKEN, body });

  async function newMerchant(name = '测试连锁') {
    const code = `T-${randomBytes(5).toString('hex').toUpperCase()}`;
    return admin('POST', '/v1/admin/merchants', { name, code }) as Promise<{
      id: string;
      code: string;
      name: string;
    }>;
  }

  async function pairingCode(merchantId: string): Promise<string> {
    return (await admin('POST', `/v1/admin/merchants/${merchantId}/pairing-codes`, {})).display;
  }

  async function pair(merchantId: string, name = '一号店收银机', signingKeys: SigningKey[] = []) {
    const data = await ok('POST', '/v1/devices/pair', {
      body: { pairingCode: await pairingCode(merchantId), device: { name }, signingKeys },
    });
    return { ...data, token: data.deviceToken as string, deviceId: data.deviceId as string };
  }

  const push = (token: string, events: PushedEvent[], headers?: Record<string, string>) =>
    request('POST', '/v1/sync/push', { token, body: { events }, headers });

  const pull = (token: string, query = '') => ok('GET', `/v1/sync/pull${query}`, { token });

  async function close() {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  /**
   * The one-time code a consumer would read on the phone: asked for through the consumer
   * endpoint and read from the text the phone was sent.
   */
  async function otpFor(merchantCode: string, phone: string): Promise<string> {
    const sent = await request('POST', `/v1/consumers/${merchantCode}/otp`, { body: { phone } });
    if (sent.status !== 200) throw new Error(`no code texted: ${JSON.stringify(sent.body)}`);
    const code = /\d{6}/.exec(texts.at(-1)?.text ?? '')?.[0];
    if (!code) throw new Error('no code texted');
    return code;
  }

  return {
    base,
    /** The cloud's own database: for a test that sets up what an older cloud stored. */
    database,
    adminToken: ADMIN_TOKEN,
    otpFor,
    /** Every text the provider was handed (the log provider's; a webhook test keeps its own). */
    texts: texts as readonly SmsMessage[],
    clock,
    logger,
    request,
    ok,
    admin,
    newMerchant,
    pairingCode,
    pair,
    push,
    pull,
    close,
  };
}
export type TestCloud = Awaited<ReturnType<typeof startCloud>>;

export const newSigningKey = (kid: string, createdAt = Date.now()): SigningKey => ({
  kid,
  secret: randomBytes(32).toString('base64'),
  createdAt,
  retiredAt: null,
});

/** A code like the tills make: 19 random digits and a Damm check digit. */
export function numericCode(): string {
  const digits =
    String(1 + (randomBytes(1)[0]! % 9)) + [...randomBytes(18)].map((b) => b % 10).join('');
  return digits + dammCheckDigit(digits);
}

export function event(
  kind: string,
  payload: Record<string, unknown>,
  entityId = v7(),
): PushedEvent {
  return { id: v7(), kind, entityId, occurredAt: Date.now(), payload };
}

export function redemptionClaim(code: string, extra: Record<string, unknown> = {}): PushedEvent {
  const id = v7();
  return event(
    'redemption.completed',
    {
      id,
      code,
      couponId: v7(),
      templateId: v7(),
      storeId: v7(),
      terminalId: v7(),
      staffId: v7(),
      customerPhone: null,
      subtotalFen: 10000,
      discountFen: 2000,
      createdAt: Date.now(),
      lines: [],
      ...extra,
    },
    id,
  );
}
