import { expect, it } from 'vitest';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { freshPhone } from '../../support/phones';
import { OWNER_PIN } from '../../support/core';
import { pairedShop } from '../../support/sync';
import { directSession } from '../../support/wallet';

// A coupon given away in the wallet (转赠) at a real paired till: after the till's next pull the
// giver's old code (a screenshot of its QR) is refused with the reason, the receiver's new one
// redeems.
describeOnEachBackend('a coupon transferred between phones, at the till', (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(backend, (started) => ({ cloud, proxy } = started));

  it('refuses the giver’s old code as transferred and redeems the receiver’s new one', async () => {
    void proxy;
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    const template = await shop.activeTemplate({ share: { mode: 'transfer', maxShares: null } });
    const issuance = await shop.ok(
      'claims.createIssuance',
      { templateId: template.id, title: '转赠试用', count: 10 },
      shop.ownerToken,
    );
    await shop.syncNow();

    const base = `/v1/consumers/${merchant.code}`;
    const giver = await directSession(cloud, merchant.id, freshPhone());
    const receiver = await directSession(cloud, merchant.id, freshPhone());
    const { coupon } = await cloud.ok('POST', `${base}/issuances/${issuance.id}/claim`, {
      token: giver,
    });
    const link = await cloud.ok('POST', `${base}/coupons/${coupon.id}/shares`, {
      token: giver,
      body: { mode: 'transfer' },
    });
    const given = (
      await cloud.ok('POST', `${base}/shares/${link.token}/accept`, { token: receiver })
    ).coupon;
    await shop.syncNow();

    // The till's day is the phones' day (its test clock started weeks earlier).
    shop.clock.set(cloud.clock.now());
    const { token } = await shop.ok('auth.login', { staffId: shop.ids.ownerId, pin: OWNER_PIN });
    const redeem = { order: { subtotalFen: 12000 } };
    const old = await shop.fails(
      'redemption.redeem',
      { ...redeem, code: coupon.token, idempotencyKey: 'till-transfer-0001' },
      token,
    );
    expect(old).toMatchObject({
      code: 'COUPON_TRANSFERRED',
      message: '此券已在手机上转赠给他人，原券码作废；请受赠人出示新券',
    });
    const redeemed = await shop.ok(
      'redemption.redeem',
      { ...redeem, code: given.token, idempotencyKey: 'till-transfer-0002' },
      token,
    );
    expect(redeemed.verdict.discountFen).toBe(2000);

    // The campaign's share tree on the desktop: the claimed coupon gave the redeemed one.
    const tree = await shop.ok('shares.tree', { templateId: template.id }, token);
    expect(tree).toMatchObject({ claimed: 1, transfers: 1, copies: 0, sharedRedeemed: 1 });
    expect(tree.nodes.map((n) => [n.code, n.parentCode, n.mode, n.hop, n.status])).toEqual([
      [coupon.code, null, null, 0, 'cancelled'],
      [given.code, coupon.code, 'transfer', 1, 'redeemed'],
    ]);
  });
});
