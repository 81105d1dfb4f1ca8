import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloudApp } from '../../../src-cloud/app';
import { defaultCloudConfig, parseCloudOptions, type CloudConfig } from '../../../src-cloud/config';
import { openCloudDatabase, type CloudDatabase } from '../../../src-cloud/db/open';
import { outreachMessages } from '../../../src-cloud/outreach/schema';
import { Throttle } from '../../../src-cloud/outreach/throttle';
import { walletClaims } from '../../../src-cloud/wallet/schema';
import { verifyToken } from '../../../src-node/coupons/token';
import { createMemoryLogger } from '../../../src-node/logger';
import { phoneHash } from '../../../src-node/outreach/phone-hash';
import { smsLength } from '../../../src-shared/outreach/sms-rules';
import { normalizeMainlandMobile } from '../../../src-shared/phone';
import { addDays, localDate, parseLocalDateTime } from '../../../src-shared/time';
import { startCaptureServer } from '../../support/capture-http';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  TestClock,
  type CloudBackend,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import { directSession, pushAccepted, templateChanged, walletShop } from '../../support/wallet';

// SMS campaigns in the cloud (issue 25): a desktop hands a campaign and its recipients over and
// starts it; the cloud checks every recipient again (consent, suppression, frequency cap), places
// the offer in the wallet, sends each text once through the provider (a real webhook capture
// server here) in the 08:00–20:00 window, and takes the provider's receipts and replies (an
// unsubscribe suppresses the phone for the signature and reaches the PCs as `sms.suppressed`).

const ZONE = 'Asia/Shanghai';
const CALLBACK_TOKEN = 'sms-callback-token-0123456789';

type Capture = Awaited<ReturnType<typeof startCaptureServer>>;

/** Moves the clock forward to the next `hh:mm` in Shanghai. */
function moveTo(clock: TestClock, hhmm: string) {
  const day = localDate(clock.now(), ZONE);
  let at = parseLocalDateTime(`${day} ${hhmm}`, ZONE)!;
  if (at <= clock.now()) at = parseLocalDateTime(`${addDays(day, 1)} ${hhmm}`, ZONE)!;
  clock.advance(at - clock.now());
  return at;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The texts the capture server got for a campaign. */
const textsOf = (capture: Capture, campaignId: string) =>
  capture.received.filter((r) => r.body.params?.campaignId === campaignId);

const e164 = (national: string) => normalizeMainlandMobile(national)!;

/** Texts queued or already sent (the sender may take them before the answer is read). */
const onItsWay = (status: { queued: number; sent: number }) => status.queued + status.sent;

/**
 * Many JSON POSTs at once over at most 100 keep-alive sockets, each with its own body (a
 * thousand fresh connections overflow a busy test server's listen backlog).
 */
async function postMany(base: string, token: string, calls: { path: string; body?: unknown }[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  try {
    return await Promise.all(
      calls.map(
        (call) =>
          new Promise<{ status: number; body: any }>((resolve, reject) => {
            const payload = call.body === undefined ? '' : JSON.stringify(call.body);
            const request = http.request(
              new URL(call.path, base),
              {
                method: 'POST',
                agent,
                headers: {
                  authorization: `Bearer ${token}`,
                  ...(payload ? { 'content-type': 'application/json' } : {}),
                },
              },
              (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (c: Buffer) => chunks.push(c));
                response.on('end', () =>
                  resolve({
                    status: response.statusCode ?? 0,
                    body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
                  }),
                );
                response.on('error', reject);
              },
            );
            request.on('error', reject);
            request.end(payload);
          }),
      ),
    );
  } finally {
    agent.destroy();
  }
}

/** The sender's settings for tests: quick polls, no throttle unless a test wants one. */
function testOutreach(config: CloudConfig, capture: Capture) {
  config.sms = {
    provider: 'webhook',
    url: capture.url,
    timeoutMs: 2000,
    callbackToken: CALLBACK_TOKEN,
  };
  config.outreach = {
    sendRatePerSecond: 0,
    batchSize: 50,
    concurrency: 8,
    leaseMs: 60_000,
    maxAttempts: 3,
    pollEveryMs: 20,
  };
  config.rateLimits.public = { capacity: 100_000, refillPerSecond: 100_000 };
  config.rateLimits.device = { capacity: 100_000, refillPerSecond: 100_000 };
}

describe('outreach settings', () => {
  it('the provider’s callback token comes from a file, the environment or a warned flag', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-outreach-')), 't');
    fs.writeFileSync(file, `${CALLBACK_TOKEN}\n`);
    expect(parseCloudOptions(['--sms-callback-token-file', file], {}).config.sms).toEqual({
      provider: 'log',
      callbackToken: CALLBACK_TOKEN,
    });
    const fromEnv = parseCloudOptions([], { STOREDESK_SMS_CALLBACK_TOKEN: CALLBACK_TOKEN });
    expect(fromEnv.config.sms.callbackToken).toBe(CALLBACK_TOKEN);
    const flagged = parseCloudOptions(['--sms-callback-token', CALLBACK_TOKEN], {});
    expect(flagged.config.sms.callbackToken).toBe(CALLBACK_TOKEN);
    expect(flagged.warnings.join(' ')).toMatch(/--sms-callback-token-file/);
    expect(parseCloudOptions([], {}).config.sms.callbackToken).toBeUndefined();
    expect(() => parseCloudOptions(['--sms-callback-token', 'short'], {})).toThrow(/16/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('the throttle spaces hand-overs to the rate, and 0 is no limit', async () => {
    const paced = new Throttle(100);
    let started = performance.now();
    for (let i = 0; i < 11; i++) await paced.take();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    const open = new Throttle(0);
    started = performance.now();
    for (let i = 0; i < 1000; i++) await open.take();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describeOnEachBackend('outreach SMS campaigns', (backend) => {
  let cloud: TestCloud;
  let capture: Capture;
  beforeAll(async () => {
    capture = await startCaptureServer();
    cloud = await startCloud(backend, { config: (config) => testOutreach(config, capture) });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await cloud?.close();
    await capture?.close();
  }, CLOUD_START_TIMEOUT_MS);

  const codeOf = (answer: { body: any }) => answer.body.error?.code ?? 'ok';

  /** A merchant with a paired till, a store and an active template; campaigns from its till. */
  async function outreachShop() {
    const shop = await walletShop(cloud);
    const device = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      cloud.request(method, url, { token: shop.till.token, body });
    const text = `【好邻居】满100减20的券已放进您的钱包 ${cloud.base}/c/${shop.merchant.code}/ 拒收请回复R`;
    const body = (fields: Record<string, unknown> = {}) => ({
      id: v7(),
      purpose: 'marketing',
      name: '流失召回',
      signature: '好邻居',
      text,
      templateId: shop.template.id,
      sendAt: cloud.clock.now(),
      timeZone: ZONE,
      capPer30Days: 4,
      ...fields,
    });
    const page = (phones: string[]) => ({
      recipients: phones.map((phone) => ({ phone: e164(phone), stratum: 'atRisk' })),
    });
    /** A campaign handed over, its recipients in one page, started. */
    async function started(phones: string[], fields: Record<string, unknown> = {}) {
      const campaign = body(fields);
      const created = await device('POST', '/v1/outreach/campaigns', campaign);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const added = await device(
        'POST',
        `/v1/outreach/campaigns/${campaign.id}/recipients`,
        page(phones),
      );
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      const start = await device('POST', `/v1/outreach/campaigns/${campaign.id}/start`);
      expect(start.status, JSON.stringify(start.body)).toBe(200);
      return { campaign, status: start.body.data };
    }
    const status = async (campaignId: string) =>
      (await device('GET', `/v1/outreach/campaigns/${campaignId}`)).body.data;
    const pulled = async () =>
      (await cloud.pull(shop.till.token, '?limit=1000')).events as {
        kind: string;
        payload: any;
      }[];
    return { ...shop, device, text, body, page, started, status, pulled };
  }

  const provider = (url: string, body: unknown, token = CALLBACK_TOKEN) =>
    cloud.request('POST', url, { token, body });

  it('texts each recipient once, with the offer in the wallet first and pulled by the PCs; a page or a start again texts nobody twice', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const phones = Array.from({ length: 30 }, () => freshPhone());
    const campaign = shop.body();

    const created = await shop.device('POST', '/v1/outreach/campaigns', campaign);
    expect(created.body.data).toMatchObject({
      id: campaign.id,
      state: 'receiving',
      recipients: 0,
      startedAt: null,
    });
    // The same hand-over again is the same campaign (a resumed one asks for a later time: the
    // first stands); the same id with other words is refused.
    expect((await shop.device('POST', '/v1/outreach/campaigns', campaign)).status).toBe(200);
    expect(
      (
        await shop.device('POST', '/v1/outreach/campaigns', {
          ...campaign,
          sendAt: campaign.sendAt + 5000,
        })
      ).status,
    ).toBe(200);
    expect(
      codeOf(
        await shop.device('POST', '/v1/outreach/campaigns', { ...campaign, text: `${shop.text}!` }),
      ),
    ).toBe('CAMPAIGN_ID_REUSED');
    // A text that breaks the rules is refused in the cloud too, each rule named.
    const broken = await shop.device(
      'POST',
      '/v1/outreach/campaigns',
      shop.body({ text: '满100减20 http://t.cn/abc' }),
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.details.failures.sort()).toEqual(
      ['signatureMissing', 'unsubscribeMissing', 'variableLink'].sort(),
    );
    expect(broken.body.error.message).toContain('缺少【签名】');

    const url = `/v1/outreach/campaigns/${campaign.id}`;
    const first = shop.page(phones.slice(0, 20));
    expect((await shop.device('POST', `${url}/recipients`, first)).body.data).toEqual({
      received: 20,
    });
    await shop.device('POST', `${url}/recipients`, shop.page(phones.slice(10)));
    // The first page again (the desktop retrying): held once.
    await shop.device('POST', `${url}/recipients`, first);
    expect(await shop.status(campaign.id)).toMatchObject({
      state: 'receiving',
      recipients: 30,
      queued: 0,
    });
    await pause(100);
    expect(textsOf(capture, campaign.id)).toHaveLength(0);

    const before = cloud.clock.now();
    const start = (await shop.device('POST', `${url}/start`)).body.data;
    expect(start).toMatchObject({ recipients: 30, skipped: { noConsent: 0 } });
    expect(start.startedAt).toBeGreaterThanOrEqual(before);
    await waitFor('30 texts', () => textsOf(capture, campaign.id).length >= 30);
    await waitFor(
      'the campaign done',
      async () => (await shop.status(campaign.id)).state === 'done',
    );
    // A second start, and every page again: nothing more.
    await shop.device('POST', `${url}/start`);
    await shop.device('POST', `${url}/recipients`, shop.page(phones));
    await pause(300);
    const texts = textsOf(capture, campaign.id);
    expect(texts).toHaveLength(30);
    expect(new Set(texts.map((t) => t.body.id)).size).toBe(30);
    expect(texts.map((t) => t.body.to).sort()).toEqual(phones.map(e164).sort());
    for (const t of texts) {
      expect(t.body).toMatchObject({
        text: shop.text,
        template: 'marketing',
        params: { campaignId: campaign.id, signature: '好邻居' },
        merchant: { code: shop.merchant.code },
      });
      expect(t.headers['idempotency-key']).toBe(t.body.id);
    }
    const parts = smsLength(shop.text).parts;
    expect(await shop.status(campaign.id)).toMatchObject({
      state: 'done',
      recipients: 30,
      queued: 0,
      sent: 30,
      placed: 30,
      parts: 30 * parts,
      skipped: { noConsent: 0, suppressed: 0, frequencyCap: 0 },
      nextSendAt: null,
    });

    // The offer: a real code in the phone's wallet, signed with the merchant's key...
    const token = await directSession(cloud, shop.merchant.id, phones[0]!);
    const wallet = (
      await cloud.request('GET', `/v1/consumers/${shop.merchant.code}/wallet`, { token })
    ).body.data.coupons;
    expect(wallet).toHaveLength(1);
    expect(wallet[0]).toMatchObject({ templateId: shop.template.id, status: 'available' });
    const secret = Buffer.from(shop.key.secret, 'base64');
    expect(verifyToken(wallet[0].token, () => [secret])).toMatchObject({ ok: true });
    // ...and every PC pulls each code, the campaign as its batch.
    const issued = (await shop.pulled()).filter(
      (e) => e.kind === 'coupons.issued' && e.payload.batchId === campaign.id,
    );
    expect(issued).toHaveLength(30);
    expect(issued.map((e) => e.payload.phone).sort()).toEqual(phones.map(e164).sort());
    expect(issued.find((e) => e.payload.phone === e164(phones[0]!))!.payload.codes).toEqual([
      wallet[0].code,
    ]);
    const claims = await cloud.database.db
      .select({ source: walletClaims.source })
      .from(walletClaims)
      .where(
        and(
          eq(walletClaims.merchantId, shop.merchant.id),
          eq(walletClaims.issuanceId, campaign.id),
        ),
      );
    expect(claims).toHaveLength(30);
    expect(claims.every((c) => c.source === 'campaign')).toBe(true);

    // Another merchant's device does not see the campaign.
    const other = await walletShop(cloud);
    const foreign = await cloud.request('GET', url, { token: other.till.token });
    expect(codeOf(foreign)).toBe('CAMPAIGN_NOT_FOUND');
  }, 60_000);

  it('outside 08:00–20:00 in Shanghai the texts wait for 08:00; past 20:00 at send time they go back to wait', async () => {
    const shop = await outreachShop();
    const night = moveTo(cloud.clock, '21:00');
    const nextMorning = parseLocalDateTime(`${addDays(localDate(night, ZONE), 1)} 08:00`, ZONE)!;
    const phones = Array.from({ length: 5 }, () => freshPhone());
    const { campaign, status } = await shop.started(phones);
    expect(status).toMatchObject({ state: 'sending', queued: 5, nextSendAt: nextMorning });
    await pause(300);
    expect(textsOf(capture, campaign.id)).toHaveLength(0);
    moveTo(cloud.clock, '07:59');
    await pause(200);
    expect(textsOf(capture, campaign.id)).toHaveLength(0);
    moveTo(cloud.clock, '08:00');
    await waitFor('the morning texts', () => textsOf(capture, campaign.id).length === 5);

    // Due at 19:00 (inside the window); the sender only gets to it at 21:00: it waits again.
    moveTo(cloud.clock, '10:00');
    const today = localDate(cloud.clock.now(), ZONE);
    const evening = parseLocalDateTime(`${today} 19:00`, ZONE)!;
    const later = await shop.started(
      Array.from({ length: 3 }, () => freshPhone()),
      { sendAt: evening },
    );
    expect(later.status).toMatchObject({ queued: 3, nextSendAt: evening });
    moveTo(cloud.clock, '21:00');
    const tomorrow = parseLocalDateTime(`${addDays(today, 1)} 08:00`, ZONE)!;
    await waitFor(
      'the late texts put back',
      async () => (await shop.status(later.campaign.id)).nextSendAt === tomorrow,
    );
    expect(textsOf(capture, later.campaign.id)).toHaveLength(0);
    moveTo(cloud.clock, '08:00');
    await waitFor('the late texts', () => textsOf(capture, later.campaign.id).length === 3);
    moveTo(cloud.clock, '10:00');
  }, 60_000);

  it('skips a withdrawn consent, a suppressed phone and one at its cap, each with its rule; a staff summary needs no consent or cap', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const [withdrawn, unsubscribed, capped, fine] = Array.from({ length: 4 }, () => freshPhone());
    const before = await shop.started([unsubscribed!, capped!], { capPer30Days: 1 });
    await waitFor('the first texts', () => textsOf(capture, before.campaign.id).length === 2);
    const replied = await provider('/v1/sms/replies', {
      replies: [{ phone: unsubscribed, text: 'R' }],
    });
    expect(replied.body.data).toEqual({ accepted: 1, unknown: 0, suppressed: 1 });
    const token = await directSession(cloud, shop.merchant.id, withdrawn!);
    await cloud.ok('POST', `/v1/consumers/${shop.merchant.code}/consents`, {
      token,
      body: { marketing: false, location: false, textShown: '不再接收营销短信' },
    });

    const { campaign, status } = await shop.started([withdrawn!, unsubscribed!, capped!, fine!], {
      capPer30Days: 1,
    });
    expect(status).toMatchObject({
      recipients: 4,
      skipped: { noConsent: 1, suppressed: 1, frequencyCap: 1 },
    });
    expect(onItsWay(status)).toBe(1);
    await waitFor('one text', async () => (await shop.status(campaign.id)).state === 'done');
    expect(textsOf(capture, campaign.id).map((t) => t.body.to)).toEqual([e164(fine!)]);
    const skipped = await cloud.database.db
      .select({ phone: outreachMessages.phone, reason: outreachMessages.skipReason })
      .from(outreachMessages)
      .where(
        and(eq(outreachMessages.campaignId, campaign.id), eq(outreachMessages.state, 'skipped')),
      );
    expect(Object.fromEntries(skipped.map((s) => [s.phone, s.reason]))).toEqual({
      [e164(withdrawn!)]: 'noConsent',
      [e164(unsubscribed!)]: 'suppressed',
      [e164(capped!)]: 'frequencyCap',
    });

    // The shop's own staff: neither consent nor cap applies, a suppression still does.
    const summary = await shop.started([withdrawn!, unsubscribed!, capped!], {
      purpose: 'merchant',
      templateId: null,
      text: '【好邻居】今日库存提醒：3 种商品库存不足',
      capPer30Days: 1,
    });
    expect(summary.status).toMatchObject({ skipped: { suppressed: 1 } });
    expect(onItsWay(summary.status)).toBe(2);
    await waitFor('the summaries', () => textsOf(capture, summary.campaign.id).length === 2);
    // Suppression is per signature: under another signature the phone may still be texted.
    const otherSignature = await shop.started([unsubscribed!], {
      signature: '好邻居生鲜',
      text: `【好邻居生鲜】周末鲜果特价 拒收请回复R`,
      templateId: null,
    });
    expect(onItsWay(otherSignature.status)).toBe(1);
  }, 60_000);

  it('an unsubscribe reply (R, td, 退订) suppresses the phone for the signature at once; the PCs pull sms.suppressed; the next campaign skips it', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const phones = Array.from({ length: 5 }, () => freshPhone());
    const { campaign } = await shop.started(phones);
    await waitFor('five texts', () => textsOf(capture, campaign.id).length === 5);
    const idOf = (phone: string) =>
      textsOf(capture, campaign.id).find((t) => t.body.to === e164(phone))!.body.id as string;

    const replies = {
      replies: [
        { phone: e164(phones[0]!), text: 'R', messageId: idOf(phones[0]!) },
        { phone: `+86${phones[1]}`, text: ' td ' },
        { phone: phones[2], text: '退订' },
        { phone: phones[3], text: '好的，谢谢' },
        { phone: freshPhone(), text: 'R' },
        { phone: '12345', text: 'R' },
      ],
    };
    // Only the provider's token is taken.
    expect(
      (await provider('/v1/sms/replies', replies, 'not-the-callback-token-000000')).status,
    ).toBe(401);
    expect(codeOf(await cloud.request('POST', '/v1/sms/replies', { body: replies }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await provider('/v1/sms/replies', replies, shop.till.token)).status).toBe(401);
    const answer = await provider('/v1/sms/replies', replies);
    expect(answer.body.data).toEqual({ accepted: 4, unknown: 2, suppressed: 3 });

    const suppressedEvents = async () =>
      (await shop.pulled()).filter((e) => e.kind === 'sms.suppressed');
    const events = await suppressedEvents();
    expect(events.map((e) => e.payload.phoneHash).sort()).toEqual(
      phones
        .slice(0, 3)
        .map((p) => phoneHash(e164(p)))
        .sort(),
    );
    for (const e of events)
      expect(e.payload).toMatchObject({
        signature: '好邻居',
        reason: 'reply',
        at: expect.any(Number),
      });
    // A second R changes nothing and tells the PCs nothing new.
    expect(
      (await provider('/v1/sms/replies', { replies: [{ phone: phones[0], text: 'r' }] })).body.data,
    ).toEqual({ accepted: 1, unknown: 0, suppressed: 1 });
    expect(await suppressedEvents()).toHaveLength(3);

    const next = await shop.started(phones);
    expect(next.status).toMatchObject({ skipped: { suppressed: 3 } });
    expect(onItsWay(next.status)).toBe(2);
    await waitFor('two texts', () => textsOf(capture, next.campaign.id).length === 2);
    expect(
      textsOf(capture, next.campaign.id)
        .map((t) => t.body.to)
        .sort(),
    ).toEqual([e164(phones[3]!), e164(phones[4]!)].sort());
  }, 60_000);

  it('receipts mark texts delivered or failed by message id; unknown ids are counted; twice is once', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const { campaign } = await shop.started(Array.from({ length: 4 }, () => freshPhone()));
    await waitFor('four texts', () => textsOf(capture, campaign.id).length === 4);
    await waitFor(
      'the campaign done',
      async () => (await shop.status(campaign.id)).state === 'done',
    );
    const [a, b, c] = textsOf(capture, campaign.id).map((t) => t.body.id as string);
    const receipts = {
      receipts: [
        { messageId: a, status: 'delivered' },
        { messageId: b, status: 'delivered', at: cloud.clock.now() },
        { messageId: c, status: 'failed', error: 'UNDELIV' },
        { messageId: v7(), status: 'delivered' },
      ],
    };
    expect((await provider('/v1/sms/receipts', receipts, 'wrong-token-0123456789')).status).toBe(
      401,
    );
    expect((await provider('/v1/sms/receipts', receipts)).body.data).toEqual({
      accepted: 3,
      unknown: 1,
    });
    const after = await shop.status(campaign.id);
    expect(after).toMatchObject({ sent: 4, delivered: 2, failed: 1, state: 'done' });
    expect((await provider('/v1/sms/receipts', receipts)).body.data).toEqual({
      accepted: 3,
      unknown: 1,
    });
    // A late failure does not undo a delivery.
    await provider('/v1/sms/receipts', { receipts: [{ messageId: a, status: 'failed' }] });
    expect(await shop.status(campaign.id)).toEqual(after);
  }, 60_000);

  it('a provider that fails is retried with the same message id, then the text fails', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    capture.answerWith(503);
    try {
      const { campaign } = await shop.started([freshPhone()], { templateId: null });
      await waitFor('the first try', () => textsOf(capture, campaign.id).length === 1);
      await pause(100);
      expect(textsOf(capture, campaign.id)).toHaveLength(1);
      cloud.clock.advance(31_000);
      await waitFor('the second try', () => textsOf(capture, campaign.id).length === 2);
      cloud.clock.advance(61_000);
      await waitFor('the last try', () => textsOf(capture, campaign.id).length === 3);
      await waitFor('failed', async () => (await shop.status(campaign.id)).failed === 1);
      expect(new Set(textsOf(capture, campaign.id).map((t) => t.body.id)).size).toBe(1);
      expect(await shop.status(campaign.id)).toMatchObject({ state: 'done', sent: 0, failed: 1 });
    } finally {
      capture.answerWith(200);
    }
  }, 60_000);

  it('no coupon, no text: an offer that cannot be placed holds its text back and retries', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const campaign = shop.body();
    await shop.device('POST', '/v1/outreach/campaigns', campaign);
    // The template is paused after the hand-over.
    await pushAccepted(cloud, shop.till.token, [
      templateChanged({ ...shop.template, status: 'paused', updatedAt: Date.now() + 1 }).event,
    ]);
    await shop.device(
      'POST',
      `/v1/outreach/campaigns/${campaign.id}/recipients`,
      shop.page([freshPhone()]),
    );
    await shop.device('POST', `/v1/outreach/campaigns/${campaign.id}/start`);
    await waitFor(
      'the offer tried',
      async () => (await shop.status(campaign.id)).nextSendAt > cloud.clock.now(),
    );
    await pause(200);
    expect(textsOf(capture, campaign.id)).toHaveLength(0);
    expect(await shop.status(campaign.id)).toMatchObject({
      state: 'sending',
      queued: 1,
      placed: 0,
      sent: 0,
    });
  }, 60_000);

  it('1,000 parallel pages and starts of one campaign: exactly one text per phone', async () => {
    moveTo(cloud.clock, '10:00');
    const shop = await outreachShop();
    const phones = Array.from({ length: 200 }, () => freshPhone());
    const campaign = shop.body();
    await shop.device('POST', '/v1/outreach/campaigns', campaign);
    const url = `/v1/outreach/campaigns/${campaign.id}`;
    const calls = Array.from({ length: 1000 }, (_, i) => {
      if (i % 10 === 9) return { path: `${url}/start` };
      // Pages of 20 overlapping phones; the first ten cover all 200.
      const from = i < 10 ? i * 20 : (i * 37) % 181;
      return { path: `${url}/recipients`, body: shop.page(phones.slice(from, from + 20)) };
    });
    const answers = await postMany(cloud.base, shop.till.token, calls);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
    await waitFor('200 texts', () => textsOf(capture, campaign.id).length >= 200);
    await waitFor(
      'the campaign done',
      async () => (await shop.status(campaign.id)).state === 'done',
    );
    await pause(200);
    const texts = textsOf(capture, campaign.id);
    expect(texts).toHaveLength(200);
    expect(new Set(texts.map((t) => t.body.to)).size).toBe(200);
    const [{ n }] = (await cloud.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(outreachMessages)
      .where(eq(outreachMessages.campaignId, campaign.id))) as [{ n: number }];
    expect(n).toBe(200);
    expect(await shop.status(campaign.id)).toMatchObject({ sent: 200, placed: 200 });
  }, 120_000);

  it('a cloud closed mid-send and started again over the same database loses nothing and texts nobody twice', async () => {
    const restart = await restartableCloud(backend);
    try {
      const { node, clock } = restart;
      moveTo(clock, '10:00');
      let first = await node.start({ sendRatePerSecond: 150 });
      const shop = await first.shop();
      const phones = Array.from({ length: 300 }, () => freshPhone());
      const campaignId = await first.campaign(shop, phones);
      await waitFor('some texts', () => textsOf(restart.capture, campaignId).length >= 60);
      await first.close();
      const atClose = textsOf(restart.capture, campaignId).length;
      expect(atClose).toBeLessThan(300);
      await pause(200);
      // Closed means closed: nothing more left it.
      expect(textsOf(restart.capture, campaignId)).toHaveLength(atClose);

      // Before the new node starts: as if a sender had died after claiming texts (its lease ran
      // out), one of them handed over already. They are queued again and sent with the same ids
      // (the provider dedupes on them).
      const handed = textsOf(restart.capture, campaignId)[0]!.body.id as string;
      first = await node.start({ sendRatePerSecond: 0 }, async (db) => {
        const queued = await db
          .select({ id: outreachMessages.id })
          .from(outreachMessages)
          .where(
            and(eq(outreachMessages.campaignId, campaignId), eq(outreachMessages.state, 'queued')),
          )
          .limit(5);
        expect(queued).toHaveLength(5);
        await db
          .update(outreachMessages)
          .set({ state: 'sending', leaseUntil: clock.now() - 1 })
          .where(inArray(outreachMessages.id, [handed, ...queued.map((q) => q.id)]));
      });
      expect(
        (
          await first.provider('/v1/sms/receipts', {
            receipts: [{ messageId: handed, status: 'delivered' }],
          })
        ).status,
      ).toBe(401);
      await waitFor(
        'every text',
        () => new Set(textsOf(restart.capture, campaignId).map((t) => t.body.id)).size === 300,
      );
      await waitFor(
        'the campaign done',
        async () => (await first.status(shop, campaignId)).state === 'done',
      );
      await pause(200);
      const texts = textsOf(restart.capture, campaignId);
      const ids = texts.map((t) => t.body.id as string);
      expect(new Set(ids).size).toBe(300);
      expect(new Set(texts.map((t) => t.body.to)).size).toBe(300);
      // The one handed over before the "crash" went again under its id; no other went twice.
      expect(ids.filter((id) => id === handed)).toHaveLength(2);
      expect(texts.length).toBe(301);
      expect(await first.status(shop, campaignId)).toMatchObject({
        state: 'done',
        recipients: 300,
        sent: 300,
        failed: 0,
      });
      await first.close();
    } finally {
      await restart.close();
    }
  }, 120_000);

  it('two nodes of one deployment share the queue: both send, and each text goes once', async () => {
    const cluster = await restartableCloud(backend);
    const other = await startCaptureServer();
    try {
      moveTo(cluster.clock, '10:00');
      const a = await cluster.node.start({ sendRatePerSecond: 200 });
      const b = await cluster.node.start({ sendRatePerSecond: 200 }, undefined, other);
      const shop = await a.shop();
      const campaignId = await a.campaign(
        shop,
        Array.from({ length: 400 }, () => freshPhone()),
      );
      const all = () => [...textsOf(cluster.capture, campaignId), ...textsOf(other, campaignId)];
      await waitFor('every text', () => new Set(all().map((t) => t.body.id)).size === 400);
      await waitFor(
        'the campaign done',
        async () => (await b.status(shop, campaignId)).state === 'done',
      );
      await pause(200);
      expect(all()).toHaveLength(400);
      expect(new Set(all().map((t) => t.body.to)).size).toBe(400);
      expect(textsOf(cluster.capture, campaignId).length).toBeGreaterThan(0);
      expect(textsOf(other, campaignId).length).toBeGreaterThan(0);
      await a.close();
      await b.close();
    } finally {
      await other.close();
      await cluster.close();
    }
  }, 120_000);
});

/**
 * Cloud nodes of one deployment over one database of their own: a node closed and built again
 * over the same database (PGlite: its files reopened; PostgreSQL: a new pool) takes over the
 * queue, and two nodes at once share it (PGlite: one database object, since its files open
 * once; PostgreSQL: a pool each). No callback token is configured.
 */
async function restartableCloud(backend: CloudBackend) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-outreach-'));
  const capture = await startCaptureServer();
  const clock = new TestClock();
  const deployment = `outreach-restart-${v7()}`;
  const admin = 'restart-admin-token-0123456789';
  let shared: { database: CloudDatabase; users: number } | null = null;

  async function openDatabase(): Promise<CloudDatabase> {
    if (backend.databaseUrl)
      return openCloudDatabase({ dataDir, databaseUrl: backend.databaseUrl });
    if (!shared)
      shared = { database: await openCloudDatabase({ dataDir, databaseUrl: null }), users: 0 };
    shared.users++;
    return shared.database;
  }
  async function closeDatabase(database: CloudDatabase) {
    if (backend.databaseUrl) return database.close();
    if (--shared!.users > 0) return;
    shared = null;
    await database.close();
  }

  /** A node; `before` runs on the database before the node starts sending. */
  async function start(
    outreach: Partial<CloudConfig['outreach']>,
    before?: (db: CloudDatabase['db']) => Promise<void>,
    gateway: Capture = capture,
  ) {
    const database = await openDatabase();
    await before?.(database.db);
    const config = defaultCloudConfig(admin);
    testOutreach(config, gateway);
    delete config.sms.callbackToken;
    config.deployment = deployment;
    config.validateOutputs = true;
    config.outreach = { ...config.outreach, batchSize: 20, concurrency: 4, ...outreach };
    const app = await buildCloudApp({ database, config, clock, logger: createMemoryLogger() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const call = async (method: 'GET' | 'POST', url: string, token: string, body?: unknown) => {
      const response = await fetch(base + url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const ok = async (method: 'GET' | 'POST', url: string, token: string, body?: unknown) => {
      const answer = await call(method, url, token, body);
      if (answer.status !== 200) throw new Error(`${url}: ${JSON.stringify(answer.body)}`);
      return answer.body.data;
    };
    return {
      /** A merchant and its paired till (no template: texts only). */
      async shop() {
        const merchant = await ok('POST', '/v1/admin/merchants', admin, {
          name: '重启测试',
          code: `R-${v7().slice(-10).toUpperCase()}`,
        });
        const code = await ok(
          'POST',
          `/v1/admin/merchants/${merchant.id}/pairing-codes`,
          admin,
          {},
        );
        const paired = await ok('POST', '/v1/devices/pair', '', {
          pairingCode: code.display,
          device: { name: '收银机' },
          signingKeys: [],
        });
        return { merchantId: merchant.id as string, token: paired.deviceToken as string };
      },
      async campaign(shop: { token: string }, phones: string[]) {
        const id = v7();
        await ok('POST', '/v1/outreach/campaigns', shop.token, {
          id,
          purpose: 'marketing',
          name: '重启',
          signature: '重启测试',
          text: '【重启测试】本周会员日全场九折 拒收请回复R',
          templateId: null,
          sendAt: clock.now(),
          timeZone: ZONE,
          capPer30Days: 4,
        });
        await ok('POST', `/v1/outreach/campaigns/${id}/recipients`, shop.token, {
          recipients: phones.map((phone) => ({ phone: e164(phone), stratum: 'atRisk' })),
        });
        await ok('POST', `/v1/outreach/campaigns/${id}/start`, shop.token);
        return id;
      },
      status: (shop: { token: string }, id: string) =>
        ok('GET', `/v1/outreach/campaigns/${id}`, shop.token),
      provider: (url: string, body: unknown) => call('POST', url, CALLBACK_TOKEN, body),
      async close() {
        await app.close();
        await closeDatabase(database);
      },
    };
  }

  return {
    node: { start },
    clock,
    capture,
    async close() {
      await capture.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
