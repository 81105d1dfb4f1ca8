import { sellApples } from '../../support/cashback';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyToken } from '../../../src-node/coupons/token';
import type { PushedEvent } from '../../../src-shared/sync/events';
import { OWNER_PIN } from '../../support/core';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { couponShop } from '../../support/coupons';

/** A real shop's outbox rows, as its sync client will push them. */
function outboxEvents(sqlite: { prepare(sql: string): { all(): unknown[] } }): PushedEvent[] {
  const rows = sqlite.prepare('SELECT * FROM outbox ORDER BY id').all() as {
    id: string;
    topic: string;
    entity_id: string;
    payload: string;
    created_at: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.topic,
    entityId: row.entity_id,
    occurredAt: row.created_at,
    payload: JSON.parse(row.payload),
  }));
}

describeOnEachBackend('the cloud takes what a real desktop core writes', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('accepts a shop outbox (issue, redeem, void, redeem, cashback) and keeps its codes valid', async () => {
    const shop = await couponShop();
    const { ok, core, ownerToken, cashierToken, ids } = shop;
    const template = await shop.activeTemplate();
    const coupon = await shop.issueOne(template.id);
    const first = await ok(
      'redemption.redeem',
      {
        code: coupon.code,
        order: { subtotalFen: 12000, customerPhone: '13812345678' },
        idempotencyKey: 'till-01-0001',
      },
      cashierToken,
    );
    await ok(
      'redemption.void',
      {
        redemptionId: first.redemption.id,
        managerId: ids.ownerId,
        managerPin: OWNER_PIN,
        reason: '顾客退货',
      },
      ownerToken,
    );
    await ok(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 15000 }, idempotencyKey: 'till-01-0002' },
      cashierToken,
    );
    const cashbackTemplate = await shop.activeTemplate({
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [shop.products.apple.id], categories: [] },
    });
    expect(cashbackTemplate.id).toBeTruthy();
    await sellApples(ok, cashierToken, ids.storeId);
    const cashback = await ok(
      'cashback.requestCode',
      { barcode: '6901234567892', terminalId: ids.terminalId },
      cashierToken,
    );
    await ok('cashback.redeem', { code: cashback.code, phone: '13900000000' }, cashierToken);

    const keys = (
      core.sqlite.prepare('SELECT kid, secret, created_at, retired_at FROM signing_keys').all() as {
        kid: string;
        secret: string;
        created_at: number;
        retired_at: number | null;
      }[]
    ).map((k) => ({
      kid: k.kid,
      secret: k.secret,
      createdAt: k.created_at,
      retiredAt: k.retired_at,
    }));
    const merchant = await cloud.newMerchant();
    const till = await cloud.pair(merchant.id, '新街口店', keys);

    // The sale behind the cashback code (stock and sale topics) is not what this test is about.
    const events = outboxEvents(core.sqlite).filter(
      (e) => !['stock.received', 'sale.recorded'].includes(e.kind),
    );
    // Setup, staff and template changes are in the outbox too (relayed as they are).
    const decided = events.filter(
      (e) => !['stores.changed', 'staff.changed', 'templates.changed'].includes(e.kind),
    );
    expect(decided.map((e) => e.kind)).toEqual([
      'coupons.issued',
      'redemption.completed',
      'redemption.voided',
      'redemption.completed',
      'cashback.issued',
      'cashback.redeemed',
    ]);
    const pushed = await cloud.push(till.token, events);
    expect(pushed.body.data.results.map((r: any) => r.status)).toEqual(
      events.map(() => 'accepted'),
    );

    // Another store of the chain pulls all of it, and can verify the first store's printed QR.
    const other = await cloud.pair(merchant.id, '二号店');
    const pulled = await cloud.pull(other.token);
    expect(pulled.events.map((e: any) => e.id)).toEqual(events.map((e) => e.id));
    const qr = core.services.issuer.qrPayload(coupon.code, template.id, coupon.validUntil);
    const secretFor = (kid: string) => {
      const key = other.signingKeys.find((k: any) => k.kid === kid);
      return key ? Buffer.from(key.secret, 'base64') : null;
    };
    expect(verifyToken(qr, secretFor)).toMatchObject({ ok: true, claims: { code: coupon.code } });

    // The counter paid the cashback code: a phone cannot have it through the cloud.
    const late = await cloud.request('POST', `/v1/consumers/${merchant.code}/cashback/redeem`, {
      body: {
        code: cashback.qrPayload,
        // A phone of its own: texts are limited per phone across the merchants of a database.
        phone: '13700000135',
        otp: await cloud.otpFor(merchant.code, '13700000135'),
      },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CASHBACK_ALREADY_REDEEMED');
  });
});
