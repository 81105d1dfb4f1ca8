import { asc, eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rebuildProjections } from '../../../src-cloud/projections/rebuild';
import {
  walletIssuances,
  walletStoreDefaults,
  walletTemplates,
} from '../../../src-cloud/wallet/schema';
import { verifyToken } from '../../../src-node/coupons/token';
import { verifyMemberQr } from '../../../src-node/members/member-qr';
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
  issuanceChanged,
  postAll,
  pushAccepted,
  storeChanged,
  templateChanged,
  THRESHOLD_RULE,
  walletCookie,
  walletShop,
} from '../../support/wallet';

const DAY = 24 * 3600_000;

describeOnEachBackend('wallet: sessions, claims, the wallet', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        // A thousand phones claim at once from 127.0.0.1 here; the limits have their own tests.
        config.rateLimits.public = { capacity: 100_000, refillPerSecond: 100_000 };
        config.smsCaps = { ...config.smsCaps, perPhonePerDay: 1000 };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await cloud.close();
  }, CLOUD_START_TIMEOUT_MS);

  const base = (code: string) => `/v1/consumers/${code}`;

  /** Signs a phone in with the code texted to it; returns the cookie and the answer. */
  async function signIn(merchantCode: string, phone: string) {
    const otp = await cloud.otpFor(merchantCode, phone);
    const answer = await cloud.request('POST', `${base(merchantCode)}/session`, {
      body: { phone, otp },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const setCookie = answer.headers.get('set-cookie');
    return { cookie: walletCookie(setCookie), setCookie: setCookie!, me: answer.body.data };
  }

  it('desktop events → offer → OTP session → claim → pulled code verifies → redeemed → used', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, count: 5 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const code = shop.merchant.code;

    const offer = await cloud.ok('GET', `${base(code)}/issuances/${issuance.id}`);
    expect(offer).toMatchObject({
      merchantName: '好邻居便利',
      title: '开业领券',
      name: '满100减20',
      rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
      remaining: 5,
      unavailable: null,
    });

    const phone = freshPhone();
    const { cookie, setCookie, me } = await signIn(code, phone);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain(`Path=/v1/consumers/${code}/`);
    expect(setCookie).not.toContain('Secure'); // plain http here
    expect(me).toMatchObject({
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      merchantName: '好邻居便利',
      consents: { marketing: null, location: null },
      member: null,
    });

    const claimed = await cloud.ok('POST', `${base(code)}/issuances/${issuance.id}/claim`, {
      headers: { cookie },
    });
    expect(claimed.already).toBe(false);
    const coupon = claimed.coupon;
    expect(coupon).toMatchObject({ status: 'available', name: '满100减20', usedAt: null });
    // Seven days from the claim, to the end of the last local day (Shanghai).
    expect(coupon.validUntil - coupon.validFrom).toBeLessThan(7 * DAY);
    expect(coupon.validUntil - coupon.validFrom).toBeGreaterThan(6 * DAY);
    expect(new Date(coupon.validUntil + 8 * 3600_000).toISOString()).toMatch(/T23:59:59\.999Z$/);
    expect(coupon.stores.map((s: { name: string }) => s.name)).toEqual(['人民广场店']);

    // A second claim by the same phone answers the coupon it holds.
    const again = await cloud.ok('POST', `${base(code)}/issuances/${issuance.id}/claim`, {
      headers: { cookie },
    });
    expect(again).toEqual({ ...claimed, already: true });
    expect((await cloud.ok('GET', `${base(code)}/issuances/${issuance.id}`)).remaining).toBe(4);

    // Every PC pulls the code; its QR payload verifies with the merchant's key, offline.
    const pulled = await cloud.pull(shop.till.token);
    const issued = pulled.events.filter((e: { kind: string }) => e.kind === 'coupons.issued');
    expect(issued).toHaveLength(1);
    expect(issued[0].deviceId).toBeNull();
    expect(issued[0].payload).toMatchObject({
      batchId: issuance.id,
      templateId: shop.template.id,
      templateVersion: 1,
      storeId: null,
      phone: `+86${phone}`,
      codes: [coupon.code],
      validFrom: coupon.validFrom,
      validUntil: coupon.validUntil,
    });
    const checked = verifyToken(coupon.token, (kid) =>
      kid === shop.key.kid ? Buffer.from(shop.key.secret, 'base64') : null,
    );
    expect(checked).toMatchObject({
      ok: true,
      claims: { code: coupon.code, templateId: shop.template.id },
    });

    // A till redeems it: the wallet says used, where and when.
    const redeemedAt = Date.now();
    await pushAccepted(cloud, shop.till.token, [
      redemptionClaim(coupon.code, {
        templateId: shop.template.id,
        storeId: shop.store.id,
        createdAt: redeemedAt,
      }),
    ]);
    const wallet = await cloud.ok('GET', `${base(code)}/wallet`, { headers: { cookie } });
    expect(wallet.coupons).toHaveLength(1);
    expect(wallet.coupons[0]).toMatchObject({
      code: coupon.code,
      status: 'used',
      usedAt: redeemedAt,
      usedStoreName: '人民广场店',
    });

    // Signing out ends the session and clears the cookie.
    const out = await cloud.request('POST', `${base(code)}/session/end`, { headers: { cookie } });
    expect(out.body.data).toEqual({ ended: true });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await cloud.request('GET', `${base(code)}/me`, { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it('a session of merchant A is refused at merchant B; a bearer token works for tools', async () => {
    const a = await walletShop(cloud);
    const b = await walletShop(cloud);
    const token = await directSession(cloud, a.merchant.id, freshPhone());
    const atA = await cloud.request('GET', `${base(a.merchant.code)}/me`, { token });
    expect(atA.status).toBe(200);
    const atB = await cloud.request('GET', `${base(b.merchant.code)}/me`, { token });
    expect(atB.status).toBe(401);
    expect(atB.body.error.code).toBe('UNAUTHENTICATED');
    const cookieAtB = await cloud.request('GET', `${base(b.merchant.code)}/wallet`, {
      headers: { cookie: `sd_wallet=${token}` },
    });
    expect(cookieAtB.status).toBe(401);
    const none = await cloud.request('GET', `${base(a.merchant.code)}/wallet`);
    expect(none.status).toBe(401);
  });

  it(
    'the cookie is Secure when the request came over https (through a trusted proxy)',
    async () => {
      const https = await startCloud(backend, { config: (c) => void (c.trustProxy = true) });
      try {
        const shop = await walletShop(https);
        const phone = freshPhone();
        const otp = await https.otpFor(shop.merchant.code, phone);
        const answer = await https.request('POST', `${base(shop.merchant.code)}/session`, {
          body: { phone, otp },
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(answer.headers.get('set-cookie')).toMatch(/; Secure$/);
      } finally {
        await https.close();
      }
    },
    CLOUD_START_TIMEOUT_MS,
  );

  it('consents: each answer logged with its text; me gives the latest per purpose', async () => {
    const shop = await walletShop(cloud);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const url = `${base(shop.merchant.code)}/consents`;
    const first = await cloud.ok('POST', url, {
      token,
      body: { marketing: true, location: false, textShown: '同意接收优惠短信；不共享位置' },
    });
    expect(first.consents).toEqual({ marketing: true, location: false });
    const second = await cloud.ok('POST', url, {
      token,
      body: { marketing: false, location: true, textShown: '撤回短信同意；共享位置' },
    });
    expect(second.consents).toEqual({ marketing: false, location: true });
    const me = await cloud.ok('GET', `${base(shop.merchant.code)}/me`, { token });
    expect(me.consents).toEqual({ marketing: false, location: true });
  });

  it('refusals are named: paused, not started, ended, exhausted, template not active, unknown', async () => {
    const shop = await walletShop(cloud);
    const code = shop.merchant.code;
    const now = Date.now();
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'paused' }, 'ISSUANCE_PAUSED'],
      [{ startsAt: now + DAY }, 'ISSUANCE_NOT_STARTED'],
      [{ endsAt: now - 1000 }, 'ISSUANCE_ENDED'],
      [{ status: 'ended' }, 'ISSUANCE_ENDED'],
    ];
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    for (const [fields, expected] of cases) {
      const { issuance, event } = issuanceChanged({ templateId: shop.template.id, ...fields });
      await pushAccepted(cloud, shop.till.token, [event]);
      const offer = await cloud.ok('GET', `${base(code)}/issuances/${issuance.id}`);
      expect(offer.unavailable).toBe(expected);
      const claim = await cloud.request('POST', `${base(code)}/issuances/${issuance.id}/claim`, {
        token,
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(claim.status).toBe(409);
      expect(claim.body.error.code).toBe(expected);
    }
    // Exhausted: one coupon, two phones.
    const one = issuanceChanged({ templateId: shop.template.id, count: 1 });
    await pushAccepted(cloud, shop.till.token, [one.event]);
    await cloud.ok('POST', `${base(code)}/issuances/${one.issuance.id}/claim`, { token });
    const other = await directSession(cloud, shop.merchant.id, freshPhone());
    const late = await cloud.request('POST', `${base(code)}/issuances/${one.issuance.id}/claim`, {
      token: other,
    });
    expect(late.body.error).toMatchObject({ code: 'ISSUANCE_EXHAUSTED', message: '券已被领完' });
    expect((await cloud.ok('GET', `${base(code)}/issuances/${one.issuance.id}`)).unavailable).toBe(
      'ISSUANCE_EXHAUSTED',
    );
    // The desktop pauses the template itself.
    const paused = await walletShop(cloud, { template: { status: 'paused' } });
    const p = issuanceChanged({ templateId: paused.template.id });
    await pushAccepted(cloud, paused.till.token, [p.event]);
    const t = await directSession(cloud, paused.merchant.id, freshPhone());
    const refused = await cloud.request(
      'POST',
      `${base(paused.merchant.code)}/issuances/${p.issuance.id}/claim`,
      { token: t },
    );
    expect(refused.body.error.code).toBe('TEMPLATE_NOT_ACTIVE');
    const unknown = await cloud.request(
      'POST',
      `${base(code)}/issuances/0190f5a0-0000-7000-8000-000000000000/claim`,
      { token },
    );
    expect(unknown.status).toBe(404);
  });

  it('perPerson 3: a phone claims three coupons, the fourth claim answers the last one', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, perPerson: 3 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const url = `${base(shop.merchant.code)}/issuances/${issuance.id}/claim`;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await cloud.ok('POST', url, { token }));
    expect(answers.map((a) => a.already)).toEqual([false, false, false, true]);
    expect(new Set(answers.slice(0, 3).map((a) => a.coupon.code)).size).toBe(3);
    expect(answers[3].coupon.code).toBe(answers[2].coupon.code);
    expect(
      (await cloud.ok('GET', `${base(shop.merchant.code)}/wallet`, { token })).coupons,
    ).toHaveLength(3);
  });

  it('no signing key yet (no till brought one): SIGNING_KEY_MISSING, nothing counted', async () => {
    const merchant = await cloud.newMerchant('无钥匙小店');
    const till = await cloud.pair(merchant.id, '一号店');
    const template = templateChanged();
    const { issuance, event } = issuanceChanged({ templateId: template.template.id, count: 1 });
    await pushAccepted(cloud, till.token, [template.event, event]);
    const token = await directSession(cloud, merchant.id, freshPhone());
    const url = `${base(merchant.code)}/issuances/${issuance.id}/claim`;
    const refused = await cloud.request('POST', url, { token });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('SIGNING_KEY_MISSING');
    expect(
      (await cloud.ok('GET', `${base(merchant.code)}/issuances/${issuance.id}`)).remaining,
    ).toBe(1);
  });

  it('member card: the member the PCs saved for this phone, spendable points only', async () => {
    const shop = await walletShop(cloud);
    const phone = freshPhone();
    const memberId = '0190f5a0-0000-7000-8000-00000000aa01';
    const now = Date.now();
    const moved = (points: number, availableAt: number | null = null) =>
      event('points.moved', {
        id: v7(),
        memberId,
        lotId: v7(),
        kind: 'earn',
        points,
        saleId: null,
        at: now,
        availableAt,
      });
    await pushAccepted(cloud, shop.till.token, [
      event('members.changed', {
        id: memberId,
        phone: `+86${phone}`,
        name: '王小明',
        levelId: null,
        createdAt: now,
        updatedAt: now,
        created: true,
      }),
      moved(120),
      moved(-20),
      // Earned on a sale still in its return window: not spendable yet.
      moved(50, now + DAY),
    ]);
    const token = await directSession(cloud, shop.merchant.id, phone);
    const card = {
      memberId,
      name: '王小明',
      levelName: null,
      points: 100,
      code: expect.any(String),
    };
    const me = (await cloud.ok('GET', `${base(shop.merchant.code)}/me`, { token })).member;
    expect(me).toEqual(card);
    expect((await cloud.ok('GET', `${base(shop.merchant.code)}/wallet`, { token })).member).toEqual(
      card,
    );
    // Its member code is the one a till checks offline: the merchant's key, this window.
    const secrets = (kid: string) =>
      kid === shop.key.kid ? [Buffer.from(shop.key.secret, 'base64')] : [];
    expect(verifyMemberQr(me.code, secrets, Date.now())).toEqual({ ok: true, memberId });
    expect(verifyMemberQr(me.code, secrets, Date.now() + 10 * 60_000)).toEqual({
      ok: false,
      problem: 'expired',
    });
    // The same person's other phone, merged at a till: either phone shows one card, with the
    // points of both records.
    const oldPhone = freshPhone();
    const oldId = '0190f5a0-0000-7000-8000-00000000aa02';
    await pushAccepted(cloud, shop.till.token, [
      event('members.changed', {
        id: oldId,
        phone: `+86${oldPhone}`,
        name: '',
        levelId: null,
        createdAt: now,
        updatedAt: now + 1,
        mergedIntoId: memberId,
      }),
      event('points.moved', {
        id: v7(),
        memberId: oldId,
        lotId: v7(),
        kind: 'earn',
        points: 30,
        saleId: null,
        at: now,
      }),
    ]);
    const oldToken = await directSession(cloud, shop.merchant.id, oldPhone);
    for (const who of [token, oldToken])
      expect(
        (await cloud.ok('GET', `${base(shop.merchant.code)}/me`, { token: who })).member,
      ).toEqual({ ...card, points: 130 });
    // Another phone of the same shop: no card.
    const stranger = await directSession(cloud, shop.merchant.id, freshPhone());
    expect(
      (await cloud.ok('GET', `${base(shop.merchant.code)}/me`, { token: stranger })).member,
    ).toBeNull();
  });

  it('a newer edit of an issuance wins; an older one arriving late changes nothing', async () => {
    const shop = await walletShop(cloud);
    const t0 = Date.now();
    const v1 = issuanceChanged({ templateId: shop.template.id, updatedAt: t0 });
    const v2 = issuanceChanged({ ...v1.issuance, status: 'paused', updatedAt: t0 + 1000 });
    const stale = issuanceChanged({ ...v1.issuance, title: '旧标题', updatedAt: t0 - 1000 });
    await pushAccepted(cloud, shop.till.token, [v1.event, v2.event]);
    await pushAccepted(cloud, shop.till.token, [stale.event]);
    const offer = await cloud.ok('GET', `${base(shop.merchant.code)}/issuances/${v1.issuance.id}`);
    expect(offer).toMatchObject({ title: '开业领券', unavailable: 'ISSUANCE_PAUSED' });
  });

  it('a store QR gives the store default coupon, once per phone; none set → STORE_NO_COUPON', async () => {
    const shop = await walletShop(cloud);
    const code = shop.merchant.code;
    const url = `${base(code)}/stores/${shop.store.id}`;
    const none = await cloud.request('GET', url);
    expect(none.body.error.code).toBe('STORE_NO_COUPON');
    await pushAccepted(cloud, shop.till.token, [
      event('stores.defaultCouponChanged', {
        storeId: shop.store.id,
        templateId: shop.template.id,
        updatedAt: Date.now(),
      }),
    ]);
    const offer = await cloud.ok('GET', url);
    expect(offer).toMatchObject({ storeName: '人民广场店', remaining: null, unavailable: null });
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const first = await cloud.ok('POST', `${url}/claim`, { token });
    expect(first.already).toBe(false);
    expect(first.coupon.stores.map((s: { id: string }) => s.id)).toEqual([shop.store.id]);
    const second = await cloud.ok('POST', `${url}/claim`, { token });
    expect(second).toEqual({ ...first, already: true });
  });

  it('a rebuild from the event log gives the same wallet projections and counters', async () => {
    const shop = await walletShop(cloud);
    const db = cloud.database.db;
    const t0 = Date.now();
    // Version 2 of the rule, then an older edit arriving late: the rule history has both, the
    // rest follows the newer edit.
    const v2 = templateChanged(
      {
        id: shop.template.id,
        version: 2,
        name: '满100减30',
        rule: { ...THRESHOLD_RULE, amountFen: 3000 },
        updatedAt: t0 + 5000,
      },
      t0 + 5000,
    );
    const stale = templateChanged({ id: shop.template.id, name: '旧名', updatedAt: t0 - 5000 });
    const i = issuanceChanged({ templateId: shop.template.id, count: 3 });
    await pushAccepted(cloud, shop.till.token, [
      v2.event,
      stale.event,
      i.event,
      event('stores.defaultCouponChanged', {
        storeId: shop.store.id,
        templateId: shop.template.id,
        updatedAt: t0,
      }),
    ]);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const claimed = await cloud.ok(
      'POST',
      `${base(shop.merchant.code)}/issuances/${i.issuance.id}/claim`,
      { token },
    );
    expect(claimed.coupon).toMatchObject({ name: '满100减30', rule: { amountFen: 3000 } });
    await cloud.ok('POST', `${base(shop.merchant.code)}/stores/${shop.store.id}/claim`, { token });

    const snapshot = async () => ({
      templates: await db
        .select()
        .from(walletTemplates)
        .where(eq(walletTemplates.merchantId, shop.merchant.id)),
      issuances: await db
        .select()
        .from(walletIssuances)
        .where(eq(walletIssuances.merchantId, shop.merchant.id))
        .orderBy(asc(walletIssuances.id)),
      defaults: await db
        .select()
        .from(walletStoreDefaults)
        .where(eq(walletStoreDefaults.merchantId, shop.merchant.id)),
    });
    const live = await snapshot();
    expect(live.templates[0]).toMatchObject({ name: '满100减30', version: 2 });
    expect(Object.keys(live.templates[0]!.rules).sort()).toEqual(['1', '2']);
    expect(live.issuances.map((r) => r.claimed)).toEqual([1, 1]);
    await rebuildProjections(db, { merchantId: shop.merchant.id });
    expect(await snapshot()).toEqual(live);
  });

  it('1,000 parallel claims by distinct phones on a 100-coupon issuance issue exactly 100', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, count: 100 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const tokens: string[] = [];
    for (let i = 0; i < 1000; i++)
      tokens.push(await directSession(cloud, shop.merchant.id, freshPhone()));
    const url = `${base(shop.merchant.code)}/issuances/${issuance.id}/claim`;
    const answers = await postAll(cloud.base, url, tokens);
    const won = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(100);
    expect(new Set(won.map((a) => a.body.data.coupon.code)).size).toBe(100);
    expect(new Set(refused.map((a) => a.body.error.code))).toEqual(new Set(['ISSUANCE_EXHAUSTED']));
    const pulled = await cloud.pull(shop.till.token, '?limit=1000');
    expect(pulled.events.filter((e: { kind: string }) => e.kind === 'coupons.issued')).toHaveLength(
      100,
    );
    const offer = await cloud.ok('GET', `${base(shop.merchant.code)}/issuances/${issuance.id}`);
    expect(offer.remaining).toBe(0);
  }, 180_000);

  it('1,000 parallel claims by one phone (one per person) give exactly one coupon', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, count: 100 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const url = `${base(shop.merchant.code)}/issuances/${issuance.id}/claim`;
    const answers = await postAll(cloud.base, url, Array<string>(1000).fill(token));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.data.coupon.code)).size).toBe(1);
    expect(answers.filter((a) => !a.body.data.already)).toHaveLength(1);
    const offer = await cloud.ok('GET', `${base(shop.merchant.code)}/issuances/${issuance.id}`);
    expect(offer.remaining).toBe(99);
  }, 180_000);

  it('300 parallel claims by one phone with perPerson 3 give exactly three coupons', async () => {
    const shop = await walletShop(cloud);
    const { issuance, event } = issuanceChanged({ templateId: shop.template.id, perPerson: 3 });
    await pushAccepted(cloud, shop.till.token, [event]);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const url = `${base(shop.merchant.code)}/issuances/${issuance.id}/claim`;
    const answers = await postAll(cloud.base, url, Array<string>(300).fill(token));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.data.coupon.code)).size).toBe(3);
    expect(answers.filter((a) => !a.body.data.already)).toHaveLength(3);
    const offer = await cloud.ok('GET', `${base(shop.merchant.code)}/issuances/${issuance.id}`);
    expect(offer.remaining).toBe(97);
  }, 180_000);

  it('the wallet: available by expiry first, then used, then expired; stores nearest first', async () => {
    const shop = await walletShop(cloud);
    const code = shop.merchant.code;
    // A second store ~5 km away, and a template good in both stores.
    const far = storeChanged({ name: '徐家汇店', lat: 31.1955, lng: 121.4376 });
    const both = templateChanged({ storeIds: [shop.store.id, far.store.id], validDays: 30 });
    const short = templateChanged({ validDays: 1 });
    await pushAccepted(cloud, shop.till.token, [far.event, both.event, short.event]);
    const token = await directSession(cloud, shop.merchant.id, freshPhone());
    const claimOf = async (templateId: string) => {
      const { issuance, event } = issuanceChanged({ templateId });
      await pushAccepted(cloud, shop.till.token, [event]);
      return (await cloud.ok('POST', `${base(code)}/issuances/${issuance.id}/claim`, { token }))
        .coupon;
    };
    const long = await claimOf(both.template.id);
    const soon = await claimOf(short.template.id);
    // Standing at 徐家汇 (WGS-84, as the phone reports it).
    const wallet = await cloud.ok('GET', `${base(code)}/wallet?lat=31.1977&lng=121.4330`, {
      token,
    });
    expect(wallet.coupons.map((c: { code: string }) => c.code)).toEqual([soon.code, long.code]);
    const stores = wallet.coupons[1].stores;
    expect(stores.map((s: { name: string }) => s.name)).toEqual(['徐家汇店', '人民广场店']);
    expect(stores[0].distanceM).toBeLessThan(200);
    expect(stores[1].distanceM).toBeGreaterThan(4000);
    // Two days later the one-day coupon has expired and goes last. (The last test of the
    // suite: the clock is not turned back, the rate buckets would not understand.)
    cloud.clock.advance(2 * DAY);
    const later = await cloud.ok('GET', `${base(code)}/wallet`, { token });
    expect(later.coupons.map((c: { status: string }) => c.status)).toEqual([
      'available',
      'expired',
    ]);
  });
});
