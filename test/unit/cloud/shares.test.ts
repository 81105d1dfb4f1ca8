import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { walletAskTargets } from '../../../src-cloud/shares/schema';
import { verifyToken } from '../../../src-node/coupons/token';
import { wgs84ToGcj02, type LatLng } from '../../../src-shared/geo/coordinates';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  event,
  redemptionClaim,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import {
  directSession,
  storeChanged,
  issuanceChanged,
  postAll,
  pushAccepted,
  walletShop,
} from '../../support/wallet';

// Sharing coupons between phones (issue 24): 转赠 moves a coupon to one person with a new code
// (the old one refused everywhere), 分享 gives friends copies within the holder's allowance and
// the template's limit, exactly, whatever the concurrency.

describeOnEachBackend('wallet sharing: transfer and copy', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        // A thousand phones accept at once from 127.0.0.1; the limits have their own tests.
        config.rateLimits.public = { capacity: 100_000, refillPerSecond: 100_000 };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  const base = (code: string) => `/v1/consumers/${code}`;

  /** A merchant whose template shares as told, an issuance of it, and `holders` phones holding one. */
  async function sharingShop(
    sharing: {
      shareMode: string;
      maxShares?: number | null;
      shareMaxHops?: number;
      totalIssueLimit?: number | null;
    },
    holders = 1,
  ) {
    const shop = await walletShop(cloud, { template: sharing });
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, count: 1000 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const held = [];
    for (let i = 0; i < holders; i++) {
      const phone = freshPhone();
      const token = await directSession(cloud, shop.merchant.id, phone);
      const { coupon } = await cloud.ok(
        'POST',
        `${base(shop.merchant.code)}/issuances/${issuance.id}/claim`,
        { token },
      );
      held.push({ phone, token, coupon });
    }
    const url = (path: string) => `${base(shop.merchant.code)}${path}`;
    const wallet = async (token: string) =>
      (await cloud.ok('GET', url('/wallet'), { token })).coupons as {
        id: string;
        code: string;
        share: unknown;
        received: boolean;
      }[];
    const share = (token: string, couponId: string, mode: string) =>
      cloud.request('POST', url(`/coupons/${couponId}/shares`), { token, body: { mode } });
    const accept = (token: string, shareToken: string) =>
      cloud.request('POST', url(`/shares/${shareToken}/accept`), { token });
    return { ...shop, held, url, wallet, share, accept };
  }
  const codeOf = (answer: { body: any }) => answer.body.error?.code ?? 'ok';

  it('transfer: the receiver gets a new code, the giver’s disappears and is refused at the till; recall, hops, self', async () => {
    const shop = await sharingShop({ shareMode: 'transfer' });
    const [a] = shop.held;
    const [bToken, cToken] = (await Promise.all(
      [freshPhone(), freshPhone()].map((phone) => directSession(cloud, shop.merchant.id, phone)),
    )) as [string, string];
    expect((await shop.wallet(a!.token))[0]!.share).toEqual({
      mode: 'transfer',
      allowanceLeft: null,
    });
    expect(codeOf(await shop.share(a!.token, a!.coupon.id, 'copy'))).toBe('SHARE_MODE_NOT_ALLOWED');
    expect(codeOf(await shop.share(bToken, a!.coupon.id, 'transfer'))).toBe('COUPON_NOT_YOURS');

    // A second link replaces the first; the page shows the coupon, never the giver's phone.
    const first = (await shop.share(a!.token, a!.coupon.id, 'transfer')).body.data;
    const link = (await shop.share(a!.token, a!.coupon.id, 'transfer')).body.data;
    expect(link.path).toBe(`/c/${shop.merchant.code}/share/${link.token}`);
    expect((await cloud.ok('GET', shop.url(`/shares/${first.token}`))).status).toBe('recalled');
    const offer = await cloud.ok('GET', shop.url(`/shares/${link.token}`));
    expect(offer).toMatchObject({ mode: 'transfer', status: 'open', name: '满100减20' });
    expect(JSON.stringify(offer)).not.toContain(a!.phone.slice(-4));
    expect(codeOf(await shop.accept(a!.token, link.token))).toBe('SHARE_SELF');
    expect(codeOf(await shop.accept(bToken, first.token))).toBe('SHARE_RECALLED');

    const taken = await shop.accept(bToken, link.token);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    const received = taken.body.data.coupon;
    expect(received.code).not.toBe(a!.coupon.code);
    expect(received).toMatchObject({
      validUntil: a!.coupon.validUntil,
      received: true,
      status: 'available',
    });
    const secret = Buffer.from(shop.key.secret, 'base64');
    expect(verifyToken(received.token, () => [secret])).toMatchObject({ ok: true });
    expect(await shop.wallet(a!.token)).toEqual([]);
    expect((await shop.wallet(bToken)).map((x) => x.code)).toEqual([received.code]);
    expect(codeOf(await shop.accept(cToken, link.token))).toBe('SHARE_TAKEN');
    expect(
      codeOf(
        await cloud.request('POST', shop.url(`/shares/${link.token}/recall`), { token: a!.token }),
      ),
    ).toBe('SHARE_TAKEN');

    // Every PC learns both: the old code cancelled, the new one issued to B.
    const pulled = (await cloud.pull(shop.till.token, '?limit=1000')).events as {
      kind: string;
      payload: any;
    }[];
    expect(pulled.find((e) => e.kind === 'coupons.cancelled')?.payload).toMatchObject({
      code: a!.coupon.code,
      reason: 'transferred',
    });
    expect(pulled.filter((e) => e.kind === 'coupons.issued').at(-1)!.payload.codes).toEqual([
      received.code,
    ]);
    // A till that redeems the old code offline and pushes it later loses to the transfer.
    const late = await cloud.push(shop.till.token, [
      redemptionClaim(a!.coupon.code, { templateId: shop.template.id, storeId: shop.store.id }),
    ]);
    expect(late.body.data.results[0].status).toBe('conflict');
    // The share history is the cloud's to write: a till cannot make one up.
    const forged = await cloud.push(shop.till.token, [
      event('shares.accepted', {
        id: received.id,
        shareId: link.token,
        templateId: shop.template.id,
        mode: 'transfer',
        hop: 1,
        fromCode: a!.coupon.code,
        toCode: '12345678',
        at: Date.now(),
      }),
    ]);
    expect(forged.body.data.results[0]).toMatchObject({ status: 'rejected' });
    expect(forged.body.data.results[0].error.code).toBe('FORBIDDEN');

    // B passes it on (hop 2: the last); C cannot pass it further.
    const again = (await shop.share(bToken, received.id, 'transfer')).body.data;
    const third = (await shop.accept(cToken, again.token)).body.data.coupon;
    expect((await shop.wallet(cToken))[0]!.share).toBeNull();
    expect(codeOf(await shop.share(cToken, third.id, 'transfer'))).toBe('SHARE_HOPS_EXCEEDED');
  });

  it('copy: friends get a coupon each within the allowance; not twice, not one’s own; a recalled or expired link gives none', async () => {
    const shop = await sharingShop({ shareMode: 'copy', maxShares: 2 });
    const [a] = shop.held;
    const friends = [freshPhone(), freshPhone(), freshPhone(), freshPhone()];
    const tokens = await Promise.all(friends.map((p) => directSession(cloud, shop.merchant.id, p)));
    const link = (await shop.share(a!.token, a!.coupon.id, 'copy')).body.data;
    expect(link.allowanceLeft).toBe(2);
    const first = await shop.accept(tokens[0]!, link.token);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.coupon).toMatchObject({ received: true, name: '满100减20' });
    expect(codeOf(await shop.accept(tokens[0]!, link.token))).toBe('SHARE_ALREADY_HELD');
    expect(codeOf(await shop.accept(a!.token, link.token))).toBe('SHARE_SELF');
    expect(codeOf(await shop.accept(tokens[1]!, link.token))).toBe('ok');
    expect(codeOf(await shop.accept(tokens[2]!, link.token))).toBe('SHARE_ALLOWANCE_USED');
    // The giver keeps theirs, with no shares left.
    expect((await shop.wallet(a!.token)).map((x) => [x.id, x.share])).toEqual([
      [a!.coupon.id, null],
    ]);
    expect(codeOf(await shop.share(a!.token, a!.coupon.id, 'copy'))).toBe('SHARE_ALLOWANCE_USED');

    // A friend's copy is theirs to share on (hop 2); a recalled link gives nothing.
    const friendCoupon = first.body.data.coupon;
    const onward = (await shop.share(tokens[0]!, friendCoupon.id, 'copy')).body.data;
    await cloud.ok('POST', shop.url(`/shares/${onward.token}/recall`), { token: tokens[0]! });
    expect(codeOf(await shop.accept(tokens[3]!, onward.token))).toBe('SHARE_RECALLED');
    // An unaccepted link ends after 24 hours.
    const later = (await shop.share(tokens[0]!, friendCoupon.id, 'copy')).body.data;
    cloud.clock.advance(24 * 3600_000 + 1);
    expect(codeOf(await shop.accept(tokens[3]!, later.token))).toBe('SHARE_EXPIRED');
    expect((await cloud.ok('GET', shop.url(`/shares/${later.token}`))).status).toBe('expired');
  });

  it('a template says how many hands a coupon may pass through, and may leave copies unlimited per holder', async () => {
    const once = await sharingShop({ shareMode: 'transfer', shareMaxHops: 1 });
    const friend = await directSession(cloud, once.merchant.id, freshPhone());
    const link = (await once.share(once.held[0]!.token, once.held[0]!.coupon.id, 'transfer')).body
      .data;
    const got = (await once.accept(friend, link.token)).body.data.coupon;
    expect(got.share).toBeNull();
    expect(codeOf(await once.share(friend, got.id, 'transfer'))).toBe('SHARE_HOPS_EXCEEDED');

    const open = await sharingShop({ shareMode: 'copy', maxShares: null });
    const [holder] = open.held;
    expect((await open.wallet(holder!.token))[0]!.share).toEqual({
      mode: 'copy',
      allowanceLeft: null,
    });
    const copyLink = (await open.share(holder!.token, holder!.coupon.id, 'copy')).body.data;
    for (let i = 0; i < 3; i++) {
      const token = await directSession(cloud, open.merchant.id, freshPhone());
      expect(codeOf(await open.accept(token, copyLink.token))).toBe('ok');
    }
  });

  it('1,000 parallel copy-accepts: one link gives exactly its allowance (5); forty links exactly the template’s 100 left', async () => {
    const shop = await sharingShop({ shareMode: 'copy', maxShares: 5, totalIssueLimit: 105 }, 41);
    const links = [];
    for (const holder of shop.held)
      links.push(
        (await shop.share(holder.token, holder.coupon.id, 'copy')).body.data.token as string,
      );
    const phones = async (n: number) => {
      const tokens: string[] = [];
      for (let i = 0; i < n; i++)
        tokens.push(await directSession(cloud, shop.merchant.id, freshPhone()));
      return tokens;
    };

    const one = await postAll(
      cloud.base,
      shop.url(`/shares/${links[0]}/accept`),
      await phones(1000),
    );
    expect(one.filter((a) => a.status === 200)).toHaveLength(5);
    expect(new Set(one.filter((a) => a.status !== 200).map((a) => a.body.error.code))).toEqual(
      new Set(['SHARE_ALLOWANCE_USED']),
    );

    // 40 more links with 5 each would give 200; the template has 100 left (105 − the 5 above).
    const tokens = await phones(1000);
    const answers = (
      await Promise.all(
        links
          .slice(1)
          .map((link, i) =>
            postAll(
              cloud.base,
              shop.url(`/shares/${link}/accept`),
              tokens.slice(i * 25, i * 25 + 25),
              25,
            ),
          ),
      )
    ).flat();
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(100);
    expect(new Set(won.map((a) => a.body.data.coupon.code)).size).toBe(100);
    expect(new Set(answers.filter((a) => a.status !== 200).map((a) => a.body.error.code))).toEqual(
      new Set(['SHARE_ALLOWANCE_USED', 'SHARE_TEMPLATE_EXHAUSTED']),
    );
    const pulled = (await cloud.pull(shop.till.token, '?limit=1000')).events as { kind: string }[];
    // 41 claims and 105 copies, each a code every till knows.
    expect(pulled.filter((e) => e.kind === 'coupons.issued')).toHaveLength(41 + 105);
  }, 240_000);

  it('asking nearby: the same 商圈 first, then the nearest, only holders who share their location; a holder gives, the asker alone accepts', async () => {
    // Two stores 2.7 km apart, each its own 商圈 (GCJ-02, as maps give them).
    const a = storeChanged({
      name: '人民广场店',
      lat: 31.2304,
      lng: 121.4737,
      businessDistrict: '人民广场',
    });
    const b = storeChanged({
      name: '陆家嘴店',
      code: 'S02',
      lat: 31.2397,
      lng: 121.4998,
      businessDistrict: '陆家嘴',
    });
    const shop = await sharingShop({ shareMode: 'transfer' }, 0);
    // The shop's first store moves to Beijing: out of the way.
    const away = storeChanged({
      id: shop.store.id,
      lat: 39.9042,
      lng: 116.4074,
      updatedAt: Date.now() + 1,
    });
    await pushAccepted(cloud, shop.till.token, [a.event, b.event, away.event]);
    const { issuance, event } = issuanceChanged({
      templateId: shop.template.id,
      count: 100,
      storeId: a.store.id,
    });
    await pushAccepted(cloud, shop.till.token, [event]);
    // A point on the way from store A to store B (t = 0 at A), as a phone reports it (WGS-84).
    const along = (t: number): LatLng => {
      const gcj = { lat: 31.2304 + t * 0.0093, lng: 121.4737 + t * 0.0261 };
      const shifted = wgs84ToGcj02(gcj);
      return { lat: 2 * gcj.lat - shifted.lat, lng: 2 * gcj.lng - shifted.lng };
    };
    /** A phone with consents answered, holding a coupon, seen at `at` when it opened its wallet. */
    async function holder(at: LatLng, location: boolean) {
      const phone = freshPhone();
      const token = await directSession(cloud, shop.merchant.id, phone);
      await cloud.ok('POST', shop.url('/consents'), {
        token,
        body: { marketing: false, location, textShown: '授权说明' },
      });
      await cloud.ok('POST', shop.url(`/issuances/${issuance.id}/claim`), { token });
      await cloud.ok('GET', shop.url(`/wallet?lat=${at.lat}&lng=${at.lng}`), { token });
      return { phone, token };
    }
    const e1 = await holder(along(0), true); // at store A: same 商圈, 1.2 km
    const e2 = await holder(along(0.22), true); // same 商圈, 0.6 km
    const f = await holder(along(0.56), true); // nearest store B: other 商圈, 0.3 km
    const g = await holder(along(0.45), false); // beside the asker, no location consent
    const h = await holder(along(0.44), true);
    await cloud.ok('POST', shop.url('/consents'), {
      token: h.token,
      body: { marketing: false, location: false, textShown: '撤回' },
    });

    const asker = await holder(along(0.45), true);
    const ask = (token: string) =>
      cloud.request('POST', shop.url('/asks'), {
        token,
        body: { storeId: a.store.id, ...along(0.45), priceFen: 500 },
      });
    const asked = await ask(asker.token);
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.data).toMatchObject({ storeName: '人民广场店', asked: 3, priceFen: 500 });
    const ranks = await cloud.database.db
      .select({ phone: walletAskTargets.holderPhone, same: walletAskTargets.sameDistrict })
      .from(walletAskTargets)
      .where(
        and(
          eq(walletAskTargets.merchantId, shop.merchant.id),
          eq(walletAskTargets.askId, asked.body.data.id),
        ),
      )
      .orderBy(asc(walletAskTargets.rank));
    const e164 = (p: string) => `+86${p}`;
    expect(ranks.map((r) => [r.phone, r.same])).toEqual([
      [e164(e2.phone), true],
      [e164(e1.phone), true],
      [e164(f.phone), false],
    ]);

    // Each holder sees the ask in their wallet: the store, the distance to 100 m, never who.
    const incoming = (token: string) => cloud.ok('GET', shop.url('/asks/incoming'), { token });
    const seen = await incoming(e2.token);
    expect(seen.asks).toHaveLength(1);
    expect(seen.asks[0]).toMatchObject({
      storeName: '人民广场店',
      sameDistrict: true,
      priceFen: 500,
      mode: 'transfer',
    });
    expect(Math.abs(seen.asks[0].distanceM - 600)).toBeLessThanOrEqual(200);
    expect(JSON.stringify(seen)).not.toContain(asker.phone.slice(-4));
    expect((await incoming(g.token)).asks).toEqual([]);
    expect((await incoming(h.token)).asks).toEqual([]);

    // F refuses, E1 ignores, E2 gives: the asker alone may accept it.
    const askId = asked.body.data.id;
    await cloud.ok('POST', shop.url(`/asks/${askId}/decline`), {
      token: f.token,
      body: { refuse: true },
    });
    await cloud.ok('POST', shop.url(`/asks/${askId}/decline`), {
      token: e1.token,
      body: { refuse: false },
    });
    await cloud.ok('POST', shop.url(`/asks/${askId}/give`), { token: e2.token });
    expect(
      codeOf(await cloud.request('POST', shop.url(`/asks/${askId}/give`), { token: e2.token })),
    ).toBe('ASK_CLOSED');
    expect(
      codeOf(await cloud.request('POST', shop.url(`/asks/${askId}/give`), { token: g.token })),
    ).toBe('ASK_NOT_FOUND');
    const mine = await cloud.ok('GET', shop.url('/asks/mine'), { token: asker.token });
    const [offer] = mine.asks[0].offers;
    expect(offer).toMatchObject({ mode: 'transfer', name: '满100减20' });
    expect(codeOf(await shop.accept(g.token, offer.token))).toBe('SHARE_NOT_FOR_YOU');
    const taken = await shop.accept(asker.token, offer.token);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(await shop.wallet(e2.token)).toEqual([]);

    // Asking needs location consent; three asks a day.
    expect(codeOf(await ask(g.token))).toBe('ASK_NEEDS_LOCATION');
    expect(codeOf(await ask(asker.token))).toBe('ok');
    expect(codeOf(await ask(asker.token))).toBe('ok');
    expect(codeOf(await ask(asker.token))).toBe('ASK_LIMIT');
  });
});
