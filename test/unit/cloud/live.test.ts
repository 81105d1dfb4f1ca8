import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskOrders } from '../../../src-cloud/tasks/schema';
import { normalizeMainlandMobile } from '../../../src-shared/phone';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  redemptionClaim,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import { openEventStream } from '../../support/sse';
import { directSession, issuanceChanged, pushAccepted, walletShop } from '../../support/wallet';

// The consumer app's live stream: a phone hears of its own coupons' and task orders' changes,
// whichever path made them (its claim, a till's redemption, a task), and nobody else's.

describeOnEachBackend('live updates of the consumer app', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        config.live = { perPhone: 2, total: 100 };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    // Streams still open must not keep the server from closing.
    await cloud.close();
  }, CLOUD_START_TIMEOUT_MS);

  const liveUrl = (merchantCode: string) => `${cloud.base}/v1/consumers/${merchantCode}/live`;
  const cookieOf = (token: string) => ({ cookie: `sd_wallet=${token}` });

  it('tells the phone that its coupon was claimed, then used at a till; other phones hear nothing', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, count: 5 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const code = shop.merchant.code;
    const holder = await directSession(cloud, shop.merchant.id, freshPhone());
    const other = await directSession(cloud, shop.merchant.id, freshPhone());

    const refused = await openEventStream(liveUrl(code));
    expect(refused.status).toBe(401);
    expect((await refused.response.json()).error.code).toBe('UNAUTHENTICATED');

    const mine = await openEventStream(liveUrl(code), cookieOf(holder));
    const theirs = await openEventStream(liveUrl(code), cookieOf(other));
    expect(mine.status).toBe(200);
    expect(mine.response.headers.get('content-type')).toContain('text/event-stream');

    const claimed = await cloud.ok('POST', `/v1/consumers/${code}/issuances/${issuance.id}/claim`, {
      headers: cookieOf(holder),
    });
    expect(await mine.next()).toBe('wallet');

    await pushAccepted(cloud, shop.till.token, [
      redemptionClaim(claimed.coupon.code, {
        templateId: shop.template.id,
        storeId: shop.store.id,
      }),
    ]);
    expect(await mine.next()).toBe('wallet');
    const wallet = await cloud.ok('GET', `/v1/consumers/${code}/wallet`, {
      headers: cookieOf(holder),
    });
    expect(wallet.coupons[0].status).toBe('used');

    // A redemption of a code no phone holds tells nobody.
    await pushAccepted(cloud, shop.till.token, [redemptionClaim('9876543210987')]);
    await expect(theirs.next(500)).rejects.toThrow(/no event/);
    expect(mine.pending()).toEqual([]);
    mine.close();
    theirs.close();
  });

  it("tells the phone of its task orders' changes", async () => {
    const shop = await walletShop(cloud);
    const phone = freshPhone();
    const token = await directSession(cloud, shop.merchant.id, phone);
    const stream = await openEventStream(liveUrl(shop.merchant.code), cookieOf(token));
    await cloud.database.db.insert(taskOrders).values({
      merchantId: shop.merchant.id,
      id: v7(),
      taskId: v7(),
      phone: normalizeMainlandMobile(phone)!,
      n: 1,
      state: 'accepted',
      acceptedAt: Date.now(),
    });
    expect(await stream.next()).toBe('tasks');
    stream.close();
  });

  it('keeps the newest streams of a phone, and a stream is no way around the session', async () => {
    const shop = await walletShop(cloud);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const url = liveUrl(shop.merchant.code);
    const first = await openEventStream(url, cookieOf(token));
    const second = await openEventStream(url, cookieOf(token));
    const third = await openEventStream(url, cookieOf(token));
    // Two per phone here: the oldest makes way.
    await expect(first.next(2000)).rejects.toThrow(/ended/);
    expect(second.ended).toBe(false);
    expect(third.ended).toBe(false);

    // Another merchant's session opens nothing here.
    const elsewhere = await walletShop(cloud);
    const foreign = await directSession(cloud, elsewhere.merchant.id, freshPhone());
    expect((await openEventStream(url, cookieOf(foreign))).status).toBe(401);

    // Signed out: the next stream is refused.
    await cloud.ok('POST', `/v1/consumers/${shop.merchant.code}/session/end`, {
      headers: cookieOf(token),
    });
    expect((await openEventStream(url, cookieOf(token))).status).toBe(401);
    second.close();
    third.close();
  });
});
