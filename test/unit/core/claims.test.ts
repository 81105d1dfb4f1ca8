import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../../src-cloud/sync/event-log';
import { eventHash } from '../../../src-cloud/sync/payload-hash';
import { holdStream } from '../../../src-cloud/sync/stream';
import type { PushedEvent } from '../../../src-shared/sync/events';
import { sharedMessages } from '../../../src-shared/i18n';
import { EVENT_CATALOGUE } from '../../../src-shared/sync/events';
import { endOfLocalDay } from '../../../src-shared/time';
import {
  CLOUD_START_TIMEOUT_MS,
  event,
  numericCode,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { couponShop } from '../../support/coupons';
import { START } from '../../support/core';
import { capturePrinter } from '../../support/per-test-printer';
import {
  formatDiff,
  liveAgainstRebuild,
  rebuildThroughHandler,
  rowsOf,
} from '../../support/rollup-check';
import { pairedShop } from '../../support/sync';

const DAY = 24 * 3600_000;

/** The outbox rows of a topic, oldest first, with their payloads parsed as pushed. */
function outboxOf(shop: { core: { sqlite: import('better-sqlite3').Database } }, topic: string) {
  return (
    shop.core.sqlite
      .prepare('SELECT entity_id, payload FROM outbox WHERE topic = ? ORDER BY id')
      .all(topic) as { entity_id: string; payload: string }[]
  ).map((row) => ({ entityId: row.entity_id, payload: JSON.parse(row.payload) as unknown }));
}

function auditActions(shop: { core: { sqlite: import('better-sqlite3').Database } }) {
  return (
    shop.core.sqlite
      .prepare(
        `SELECT action FROM audit_log WHERE action LIKE 'claims.%' OR action = 'stores.setDefaultCoupon' ORDER BY id`,
      )
      .all() as { action: string }[]
  ).map((row) => row.action);
}

it('an issuance QR needs the cloud: an unpaired shop is told to pair first', async () => {
  const shop = await couponShop();
  const template = await shop.activeTemplate();
  const error = await shop.fails(
    'claims.createIssuance',
    { templateId: template.id, title: '扫码领券', count: 100 },
    shop.ownerToken,
  );
  expect(error.code).toBe('CLOUD_NOT_PAIRED');
  expect(error.message).toContain('云端同步');
  // Store QRs list without a URL (nothing to scan yet), and cashiers may not see them.
  const qrs = await shop.ok('claims.listStoreQrs', {}, shop.ownerToken);
  expect(qrs.paired).toBe(false);
  expect(qrs.stores).toEqual([
    expect.objectContaining({ storeId: shop.ids.storeId, url: null, templateId: null }),
  ]);
  expect((await shop.fails('claims.listIssuances', {}, shop.cashierToken)).code).toBe('FORBIDDEN');
});

describe('issuance QRs and store QRs at a paired shop', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud({ name: 'PGlite', databaseUrl: null });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  /** Events the cloud itself writes in a merchant's stream (no device), as its claims do. */
  async function cloudIssues(merchantId: string, events: PushedEvent[]) {
    await cloud.database.db.transaction(async (tx) => {
      const stream = await holdStream(tx, merchantId);
      for (const pushed of events) {
        const seq = stream.next();
        await appendEvents(tx, [
          {
            merchantId,
            eventId: pushed.id,
            seq,
            deviceId: null,
            kind: pushed.kind,
            entityId: pushed.entityId,
            occurredAt: pushed.occurredAt,
            payload: pushed.payload,
            payloadHash: eventHash(pushed),
            status: 'accepted',
            result: { eventId: pushed.id, status: 'accepted', seq: String(seq) },
            receivedAt: pushed.occurredAt,
          },
        ]);
      }
      await stream.save();
    });
  }

  async function shopWithCloud() {
    const merchant = await cloud.newMerchant('鲜果优选');
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    return { shop, merchant };
  }

  /** A `coupons.issued` of codes of the template, each to the phone, in the batch. */
  const issuedEvent = (
    templateId: string,
    batchId: string,
    codes: string[],
    phone: string | null,
  ) =>
    event('coupons.issued', {
      batchId,
      templateId,
      templateVersion: 1,
      storeId: null,
      count: codes.length,
      phone,
      validFrom: START,
      validUntil: START + 30 * DAY,
      codes,
    });

  it('creates one with its phone URL, writes the cloud its payload and the audit entry', async () => {
    const { shop, merchant } = await shopWithCloud();
    const template = await shop.activeTemplate();
    const issuance = await shop.ok(
      'claims.createIssuance',
      {
        templateId: template.id,
        title: '开业扫码领券',
        count: 500,
        perPerson: 2,
        startsAt: START,
        endsAt: START + 7 * DAY,
        storeId: shop.ids.storeId,
      },
      shop.ownerToken,
    );
    expect(issuance).toMatchObject({
      templateName: '满100减20',
      title: '开业扫码领券',
      count: 500,
      perPerson: 2,
      status: 'active',
      claimed: 0,
      redeemed: 0,
      storeName: '鲜果优选 新街口店',
      url: `${cloud.base}/c/${merchant.code}/i/${issuance.id}`,
    });
    const [row] = outboxOf(shop, 'claims.issuanceChanged');
    expect(row!.entityId).toBe(issuance.id);
    const payload = EVENT_CATALOGUE['claims.issuanceChanged'].payload.parse(row!.payload);
    expect(payload).toEqual({
      id: issuance.id,
      templateId: template.id,
      title: '开业扫码领券',
      count: 500,
      perPerson: 2,
      startsAt: START,
      endsAt: START + 7 * DAY,
      storeId: shop.ids.storeId,
      status: 'active',
      updatedAt: START,
    });
    expect(auditActions(shop)).toEqual(['claims.createIssuance']);
    expect(await shop.ok('claims.listIssuances', {}, shop.ownerToken)).toEqual([issuance]);
    // The cloud takes the event (until its projection exists it relays it as any catalogue kind).
    expect(await shop.syncNow()).toMatchObject({ deadLetterCount: 0, pendingCount: 0 });
  });

  it('refuses what no phone could use, each with its own reason', async () => {
    const { shop } = await shopWithCloud();
    const { ok, fails, ownerToken } = shop;
    const template = await shop.activeTemplate();
    const base = { templateId: template.id, title: '扫码领券', count: 100 };
    const codeOf = async (input: Record<string, unknown>) => {
      const error = await fails('claims.createIssuance', { ...base, ...input }, ownerToken);
      if (error.code !== 'VALIDATION_FAILED') return error.code;
      // Field issues come translated: back to their key, to name the rule.
      const text = (error.details as { issues: { message: string }[] }).issues[0]!.message;
      const rules = sharedMessages['zh-CN'].validation as Record<string, string>;
      return `validation.${Object.keys(rules).find((key) => rules[key] === text) ?? text}`;
    };
    expect(await codeOf({ count: 0 })).toBe('validation.issuanceCount');
    expect(await codeOf({ count: 100_001 })).toBe('validation.issuanceCount');
    expect(await codeOf({ count: 3, perPerson: 5 })).toBe('validation.perPersonOverCount');
    expect(await codeOf({ startsAt: START + DAY, endsAt: START })).toBe(
      'validation.endBeforeStart',
    );
    expect(await codeOf({ endsAt: START - 1 })).toBe('validation.endPassed');
    const draft = await ok(
      'coupons.createTemplate',
      {
        name: '草稿券',
        rule: { type: 'voucher', amountFen: 500 },
        validity: { kind: 'relative', days: 7 },
      },
      ownerToken,
    );
    expect(await codeOf({ templateId: draft.id })).toBe('TEMPLATE_NOT_ACTIVE');
    const limited = await shop.activeTemplate({ name: '每人一张', perCustomerLimit: 1 });
    expect(await codeOf({ templateId: limited.id, perPerson: 2 })).toBe(
      'ISSUANCE_PER_PERSON_OVER_TEMPLATE',
    );
    const second = await ok(
      'stores.create',
      { name: '二号店', districtCode: '320105' },
      ownerToken,
    );
    const firstStoreOnly = await shop.activeTemplate({
      name: '一号店专享',
      storeIds: [shop.ids.storeId],
    });
    expect(await codeOf({ templateId: firstStoreOnly.id, storeId: second.id })).toBe(
      'ISSUANCE_STORE_NOT_IN_TEMPLATE',
    );
    // A fixed window: claims close with it by default, and may not outlast it.
    const fixed = await shop.activeTemplate({
      name: '双十二',
      validity: { kind: 'fixed', startDate: '2026-11-21', endDate: '2026-12-12' },
    });
    const templateEnd = endOfLocalDay('2026-12-12', 'Asia/Shanghai');
    expect(await codeOf({ templateId: fixed.id, endsAt: templateEnd + 1 })).toBe(
      'ISSUANCE_OUTLASTS_TEMPLATE',
    );
    const message = (
      await fails(
        'claims.createIssuance',
        { ...base, templateId: fixed.id, endsAt: templateEnd + 1 },
        ownerToken,
      )
    ).message;
    expect(message).toContain('2026-12-12');
    const closing = await ok(
      'claims.createIssuance',
      { ...base, templateId: fixed.id },
      ownerToken,
    );
    expect(closing.endsAt).toBe(templateEnd);
    const cashback = await shop.activeTemplate({
      name: '返现',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [shop.products.apple.id], categories: [] },
    });
    expect(await codeOf({ templateId: cashback.id })).toBe('validation.cashbackPerSale');
    // Only the one that passed was written.
    expect(outboxOf(shop, 'claims.issuanceChanged')).toHaveLength(1);
  });

  it('pauses, resumes and ends; ended is final; each change goes to the cloud', async () => {
    const { shop } = await shopWithCloud();
    const template = await shop.activeTemplate();
    const { id } = await shop.ok(
      'claims.createIssuance',
      { templateId: template.id, title: '扫码领券', count: 100 },
      shop.ownerToken,
    );
    const set = (status: 'active' | 'paused' | 'ended') =>
      shop.ok('claims.setIssuanceStatus', { id, status }, shop.ownerToken);
    shop.clock.advance(60_000);
    expect((await set('paused')).status).toBe('paused');
    expect((await set('active')).status).toBe('active');
    expect((await set('ended')).status).toBe('ended');
    for (const status of ['active', 'paused'] as const)
      expect(
        (await shop.fails('claims.setIssuanceStatus', { id, status }, shop.ownerToken)).code,
      ).toBe('ISSUANCE_ENDED');
    const statuses = outboxOf(shop, 'claims.issuanceChanged').map((row) =>
      EVENT_CATALOGUE['claims.issuanceChanged'].payload.parse(row.payload),
    );
    expect(statuses.map((p) => p.status)).toEqual(['active', 'paused', 'active', 'ended']);
    expect(statuses[1]!.updatedAt).toBe(START + 60_000);
    expect(auditActions(shop)).toEqual([
      'claims.createIssuance',
      'claims.setIssuanceStatus',
      'claims.setIssuanceStatus',
      'claims.setIssuanceStatus',
    ]);
    expect(
      await shop.ok('claims.listIssuances', { status: 'ended' }, shop.ownerToken),
    ).toHaveLength(1);
    expect(await shop.ok('claims.listIssuances', { status: 'active' }, shop.ownerToken)).toEqual(
      [],
    );
  });

  it("sets a store's default coupon (its QR never changes) and can take it off", async () => {
    const { shop, merchant } = await shopWithCloud();
    const template = await shop.activeTemplate({ name: '进店礼' });
    const storeId = shop.ids.storeId;
    const qr = await shop.ok(
      'stores.setDefaultCoupon',
      { storeId, templateId: template.id },
      shop.ownerToken,
    );
    expect(qr).toMatchObject({
      storeId,
      templateId: template.id,
      templateName: '进店礼',
      url: `${cloud.base}/c/${merchant.code}/s/${storeId}`,
    });
    const off = await shop.ok(
      'stores.setDefaultCoupon',
      { storeId, templateId: null },
      shop.ownerToken,
    );
    expect(off).toMatchObject({ templateId: null, url: qr.url });
    const payloads = outboxOf(shop, 'stores.defaultCouponChanged').map((row) =>
      EVENT_CATALOGUE['stores.defaultCouponChanged'].payload.parse(row.payload),
    );
    expect(payloads).toEqual([
      { storeId, templateId: template.id, updatedAt: START },
      { storeId, templateId: null, updatedAt: START },
    ]);
    expect(auditActions(shop)).toEqual(['stores.setDefaultCoupon', 'stores.setDefaultCoupon']);
    const paused = await shop.activeTemplate({ name: '已暂停' });
    await shop.ok(
      'coupons.setTemplateStatus',
      { id: paused.id, status: 'paused' },
      shop.ownerToken,
    );
    expect(
      (
        await shop.fails(
          'stores.setDefaultCoupon',
          { storeId, templateId: paused.id },
          shop.ownerToken,
        )
      ).code,
    ).toBe('TEMPLATE_NOT_ACTIVE');
    expect((await shop.ok('claims.listStoreQrs', {}, shop.ownerToken)).paired).toBe(true);
  });

  it('counts the codes the cloud issued for claims, and those redeemed, once pulled', async () => {
    const { shop, merchant } = await shopWithCloud();
    const template = await shop.activeTemplate();
    const issuance = await shop.ok(
      'claims.createIssuance',
      { templateId: template.id, title: '扫码领券', count: 100 },
      shop.ownerToken,
    );
    await shop.ok(
      'stores.setDefaultCoupon',
      { storeId: shop.ids.storeId, templateId: template.id },
      shop.ownerToken,
    );
    await shop.syncNow();
    // What the cloud writes in the merchant's stream after claims (as its claim endpoint does,
    // from no device): codes of the template, each to a phone, with the issuance as the batch,
    // or a poster's own batch the desktop never saw. And one code of an unknown batch pushed by
    // another PC (issued there at its till, not claimed).
    const [a, b, c, d, stranger] = [1, 2, 3, 4, 5].map(() => numericCode());
    const issued = (batchId: string, codes: string[], phone: string | null) =>
      issuedEvent(template.id, batchId, codes, phone);
    await cloudIssues(merchant.id, [
      issued(issuance.id, [a!, b!], '+8613800138001'),
      issued(issuance.id, [c!], '+8613800138002'),
      issued(randomUUID(), [d!], '+8613800138003'),
    ]);
    const otherPc = await cloud.pair(merchant.id, '二号店收银机');
    const pushed = await cloud.push(otherPc.token, [issued(randomUUID(), [stranger!], null)]);
    expect(pushed.status).toBe(200);
    expect(await shop.syncNow()).toMatchObject({ deadLetterCount: 0 });

    const kept = shop.core.sqlite
      .prepare('SELECT batch_id, customer_phone FROM coupons WHERE code = ?')
      .get(a) as { batch_id: string; customer_phone: string };
    expect(kept).toEqual({ batch_id: issuance.id, customer_phone: '+8613800138001' });
    // A code of a batch nobody here knows is a code like any other: it exists, claimed or not.
    expect(
      shop.core.sqlite.prepare('SELECT count(*) AS n FROM coupons WHERE code = ?').get(stranger),
    ).toEqual({ n: 1 });

    let [listed] = await shop.ok('claims.listIssuances', {}, shop.ownerToken);
    expect(listed).toMatchObject({ claimed: 3, redeemed: 0 });
    await shop.ok(
      'redemption.redeem',
      { code: b!, order: { subtotalFen: 12000 }, idempotencyKey: 'claimed-1' },
      shop.cashierToken,
    );
    [listed] = await shop.ok('claims.listIssuances', {}, shop.ownerToken);
    expect(listed).toMatchObject({ claimed: 3, redeemed: 1 });
    // The template: issued here, claimed on phones (issuance and store poster), redeemed; the
    // other PC's code is not a claim.
    const [row] = (await shop.ok('coupons.listTemplates', {}, shop.ownerToken)).filter(
      (t) => t.id === template.id,
    );
    expect(row).toMatchObject({ issuedCount: 0, claimedCount: 4, redeemedCount: 1 });
  });

  it('shows the codes phones claimed in the coupon effect, live as a rebuild counts them', async () => {
    const { shop, merchant } = await shopWithCloud();
    const template = await shop.activeTemplate();
    const issuance = await shop.ok(
      'claims.createIssuance',
      { templateId: template.id, title: '扫码领券', count: 100 },
      shop.ownerToken,
    );
    await shop.syncNow();
    // Start from rollups equal to a rebuild, whatever the setup wrote.
    await rebuildThroughHandler(shop.core, shop.ownerToken);
    // Issued here at the counter: issued, not claimed.
    await shop.ok('coupons.issue', { templateId: template.id, count: 1 }, shop.ownerToken);
    // Claimed on phones: through the issuance QR, and through a store poster (a batch never
    // seen here); and one code another PC issued at its till, not claimed.
    const [fromQr, fromPoster, fromOtherPc] = [1, 2, 3].map(() => numericCode());
    await cloudIssues(merchant.id, [
      issuedEvent(template.id, issuance.id, [fromQr!], '+8613800138001'),
      issuedEvent(template.id, randomUUID(), [fromPoster!], '+8613800138002'),
    ]);
    const otherPc = await cloud.pair(merchant.id, '二号店收银机');
    const pushed = await cloud.push(otherPc.token, [
      issuedEvent(template.id, randomUUID(), [fromOtherPc!], null),
    ]);
    expect(pushed.status).toBe(200);
    expect(await shop.syncNow()).toMatchObject({ deadLetterCount: 0 });

    // START is 2026-11-21 in Shanghai, the day the codes were issued and pulled.
    const day = { from: '2026-11-21', to: '2026-11-21' };
    const effect = await shop.ok('analytics.couponEffect', day, shop.ownerToken);
    expect(effect).toEqual([
      expect.objectContaining({ templateId: template.id, issued: 4, claimed: 2, redeemed: 0 }),
    ]);
    const { live, rebuilt, diffs } = await liveAgainstRebuild(shop.core, shop.ownerToken);
    expect(formatDiff(diffs)).toBe('');
    expect(rowsOf(live, 'rollup_template_day')).toEqual(rowsOf(rebuilt, 'rollup_template_day'));
    // After the rebuild the coupon effect reads the same, and exports with its own column.
    expect(await shop.ok('analytics.couponEffect', day, shop.ownerToken)).toEqual(effect);
    const csv = await shop.ok(
      'reports.export',
      { request: { report: 'analytics.couponEffect', input: day }, format: 'csv' },
      shop.ownerToken,
    );
    const [header, row] = fs.readFileSync(csv.path, 'utf8').replace('\ufeff', '').split('\r\n');
    expect(header).toBe('券,类型,发放,手机领取,核销,核销率（%）,成本（元）,带动销售（元）,撤销');
    expect(row!.split(',').slice(2, 5)).toEqual(['4', '2', '0']);
  });

  it("lists and counts another PC's issuance QR, pulled; its changes are not pushed back", async () => {
    const { shop, merchant } = await shopWithCloud();
    const template = await shop.activeTemplate();
    await shop.syncNow();
    const otherPc = await cloud.pair(merchant.id, '二号店收银机');
    const id = randomUUID();
    const changed = (status: string, updatedAt: number) =>
      event(
        'claims.issuanceChanged',
        {
          id,
          templateId: template.id,
          title: '二号店开业',
          count: 30,
          perPerson: 1,
          startsAt: null,
          endsAt: null,
          storeId: null,
          status,
          updatedAt,
        },
        id,
      );
    await cloud.push(otherPc.token, [changed('active', START), changed('paused', START + 1000)]);
    await shop.syncNow();
    const [listed] = await shop.ok('claims.listIssuances', {}, shop.ownerToken);
    expect(listed).toMatchObject({ id, title: '二号店开业', status: 'paused', claimed: 0 });
    // An older change arriving late does not undo the newer one.
    await cloud.push(otherPc.token, [changed('active', START + 500)]);
    await shop.syncNow();
    expect((await shop.ok('claims.listIssuances', {}, shop.ownerToken))[0]!.status).toBe('paused');
    expect(outboxOf(shop, 'claims.issuanceChanged')).toEqual([]);
    expect(auditActions(shop)).toEqual([]);
  });

  it('prints an issuance QR and a store QR on the thermal printer: the URL in the QR, in Chinese', async () => {
    const printer = await capturePrinter();
    const { shop } = await shopWithCloud();
    const { ok, ownerToken, ids } = shop;
    const created = await ok(
      'printers.create',
      { name: '收银小票机', transport: { kind: 'tcp', ...printer.target }, widthMm: 58 },
      ownerToken,
    );
    await ok(
      'printers.setDefault',
      { terminalId: ids.terminalId, printerId: created.id },
      ownerToken,
    );
    const template = await shop.activeTemplate();
    const issuance = await ok(
      'claims.createIssuance',
      { templateId: template.id, title: '扫码领券', count: 50, perPerson: 1 },
      ownerToken,
    );
    const store = await ok(
      'stores.setDefaultCoupon',
      { storeId: ids.storeId, templateId: template.id },
      ownerToken,
    );
    const job = await ok(
      'claims.printQr',
      { issuanceId: issuance.id, printerId: created.id },
      ownerToken,
    );
    expect(job).toMatchObject({ kind: 'claimQr', total: 1 });
    await ok('claims.printQr', { storeId: ids.storeId, printerId: created.id }, ownerToken);
    await shop.core.services.printing.queue.whenIdle();
    const [issuanceSlip, storeSlip] = await printer.waitForJobs(2);
    expect(issuanceSlip!.qrs).toEqual([issuance.url]);
    const text = issuanceSlip!.lines.map((line) => line.text.trim());
    expect(text).toEqual(
      expect.arrayContaining(['扫码领券', '满100减20', '每人限领 1 张 · 共 50 张']),
    );
    expect(storeSlip!.qrs).toEqual([store.url]);
    // A fixed poster never names today's coupon: the manager changes it without reprinting.
    expect(storeSlip!.lines.map((line) => line.text).join('')).not.toContain('满100减20');
    // The big title wraps at 58 mm (a Chinese character is four columns wide there).
    expect(storeSlip!.lines.map((line) => line.text.trim()).join('')).toContain(
      '扫码领取本店优惠券',
    );
    // An ended issuance's QR gives nothing: it is not printed again.
    await ok('claims.setIssuanceStatus', { id: issuance.id, status: 'ended' }, ownerToken);
    expect((await shop.fails('claims.printQr', { issuanceId: issuance.id }, ownerToken)).code).toBe(
      'ISSUANCE_ENDED',
    );
  });
});
