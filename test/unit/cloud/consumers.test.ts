import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCaptureServer } from '../../support/capture-http';
import {
  describeOnEachBackend,
  event,
  numericCode,
  redemptionClaim,
  CLOUD_START_TIMEOUT_MS,
  startCloud,
  TestClock,
  type TestCloud,
} from '../../support/cloud';

const HOUR = 3_600_000;

describeOnEachBackend('cloud consumer endpoints', (backend) => {
  let cloud: TestCloud;
  let sms: Awaited<ReturnType<typeof startCaptureServer>>;
  const clock = new TestClock();
  beforeAll(async () => {
    sms = await startCaptureServer();
    cloud = await startCloud(backend, {
      clock,
      config: (config) => {
        config.sms = { provider: 'webhook', url: sms.url, timeoutMs: 2000 };
        config.rateLimits.public = { capacity: 1000, refillPerSecond: 100 };
        // The SMS caps have their own suite (sms-caps.test.ts); here every phone may ask freely.
        config.smsCaps = {
          ...config.smsCaps,
          perPhonePerDay: 1000,
          perAddressPerHour: 1000,
          perAddressPerDay: 1000,
        };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await cloud.close();
    await sms.close();
  }, CLOUD_START_TIMEOUT_MS);

  /** A store whose till issued one cashback code (as it pushes it). */
  async function storeWithCashback(rewardFen = 500) {
    const merchant = await cloud.newMerchant('好邻居便利');
    const till = await cloud.pair(merchant.id, '一号店');
    const issued = {
      id: v7(),
      code: numericCode(),
      templateId: v7(),
      productId: v7(),
      terminalId: v7(),
      storeId: v7(),
      provinceCode: '310000',
      cityCode: '310100',
      districtCode: '310101',
      rewardFen,
      issuedAt: clock.now(),
      validUntil: clock.now() + 24 * HOUR,
      status: 'issued',
    };
    const pushed = await cloud.push(till.token, [event('cashback.issued', issued, issued.id)]);
    expect(pushed.body.data.results[0].status).toBe('accepted');
    return { merchant, till, issued };
  }

  /** A consumer redeeming: asks for the phone's code first (texted), then redeems with it. */
  const redeem = async (merchantCode: string, body: Record<string, unknown>, lang = 'zh-CN') => {
    if (body.otp === undefined) {
      clock.advance(61_000); // past the resend interval
      const sent = await cloud.request('POST', `/v1/consumers/${merchantCode}/otp`, {
        body: { phone: body.phone },
      });
      body = {
        ...body,
        // No code texted (no such shop, a bad phone): any six digits, to see the other refusal.
        otp: sent.status === 200 ? String(sms.received.at(-1)!.body.params.code) : '000000',
      };
    }
    return cloud.request('POST', `/v1/consumers/${merchantCode}/cashback/redeem`, {
      body,
      headers: { 'accept-language': lang },
    });
  };

  it('pays a cashback code to the first phone, once; the tills pull the payout', async () => {
    const { merchant, till, issued } = await storeWithCashback(800);
    const spaced = issued.code.match(/.{1,4}/g)!.join(' ');

    const paid = await redeem(merchant.code, {
      code: spaced,
      phone: '138 1234 5678',
      productId: issued.productId,
      terminalId: issued.terminalId,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.data).toMatchObject({
      code: issued.code,
      rewardFen: 800,
      phone: '138****5678',
      productId: issued.productId,
      storeId: issued.storeId,
    });
    // The same phone again (its answer was lost): the same answer, not an error.
    const retry = await redeem(merchant.code, { code: issued.code, phone: '13812345678' });
    expect(retry.body.data).toEqual(paid.body.data);

    const other = await redeem(merchant.code, { code: issued.code, phone: '13900000000' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CASHBACK_ALREADY_REDEEMED');
    expect(other.body.error.message).toMatch(/^此返现码已于 \d{4}-\d\d-\d\d \d\d:\d\d 兑付$/);
    const english = await redeem(
      merchant.code,
      { code: issued.code, phone: '13900000000' },
      'en-US',
    );
    expect(english.body.error.message).toMatch(/^This cashback code was paid out on /);

    const pulled = await cloud.pull(till.token);
    expect(pulled.events).toEqual([
      expect.objectContaining({
        kind: 'cashback.redeemed',
        entityId: issued.id,
        deviceId: null,
        status: 'accepted',
        payload: expect.objectContaining({
          code: issued.code,
          phone: '+8613812345678',
          via: 'cloud',
        }),
      }),
    ]);

    // The counter paid the same code out while offline: it hears it lost to the phone.
    const counter = await cloud.push(till.token, [
      event('cashback.redeemed', {
        id: issued.id,
        code: issued.code,
        phone: '+8613700000000',
        redeemedAt: clock.now(),
        via: 'counter',
      }),
    ]);
    expect(counter.body.data.results[0]).toMatchObject({
      status: 'conflict',
      conflict: {
        winner: { kind: 'cashback', deviceId: null, phone: '+8613812345678', amountFen: 800 },
        loser: { kind: 'cashback', deviceId: till.deviceId, phone: '+8613700000000' },
      },
    });
  });

  it('respects the code binding and refuses unknown, expired and malformed input', async () => {
    const { merchant, issued } = await storeWithCashback();
    const wrongProduct = await redeem(merchant.code, {
      code: issued.code,
      phone: '13812345678',
      productId: v7(),
    });
    expect(wrongProduct.status).toBe(409);
    expect(wrongProduct.body.error).toMatchObject({
      code: 'CASHBACK_WRONG_PRODUCT',
      message: '此返现码不属于该商品',
    });
    const wrongTerminal = await redeem(
      merchant.code,
      { code: issued.code, phone: '13812345678', terminalId: v7() },
      'en',
    );
    expect(wrongTerminal.body.error).toMatchObject({
      code: 'CASHBACK_WRONG_TERMINAL',
      message: 'This cashback code was printed at another terminal',
    });
    const unknown = await redeem(merchant.code, { code: numericCode(), phone: '13812345678' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CASHBACK_NOT_FOUND');
    const typo = await redeem(merchant.code, {
      code: issued.code.slice(0, -1) + ((Number(issued.code.at(-1)) + 1) % 10),
      phone: '13812345678',
    });
    expect(typo.body.error.code).toBe('CASHBACK_NOT_FOUND');
    const badPhone = await redeem(merchant.code, { code: issued.code, phone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toContain('请输入 11 位大陆手机号');
    const noMerchant = await redeem('NO-SUCH-SHOP', { code: issued.code, phone: '13812345678' });
    expect(noMerchant.status).toBe(404);
    // Another merchant's consumer URL does not reach this merchant's codes.
    const stranger = await cloud.newMerchant();
    expect((await redeem(stranger.code, { code: issued.code, phone: '13812345678' })).status).toBe(
      404,
    );

    clock.advance(25 * HOUR);
    const late = await redeem(merchant.code, { code: issued.code, phone: '13812345678' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CASHBACK_EXPIRED');
  });

  it('lets exactly one of racing phones and a counter have a cashback code', async () => {
    const { merchant, till, issued } = await storeWithCashback();
    const answers = await Promise.all([
      ...['13800000001', '13800000002', '13800000003'].map((phone) =>
        redeem(merchant.code, { code: issued.code, phone }),
      ),
      cloud.push(till.token, [
        event('cashback.redeemed', {
          id: issued.id,
          code: issued.code,
          phone: '+8613800000004',
          redeemedAt: clock.now(),
          via: 'counter',
        }),
      ]),
    ]);
    const phonesPaid = answers.slice(0, 3).filter((a) => a.status === 200).length;
    const counterPaid = answers[3]!.body.data.results[0].status === 'accepted' ? 1 : 0;
    expect(phonesPaid + counterPaid).toBe(1);
  });

  it('shows a phone its own history after a one-time code sent through the webhook', async () => {
    const { merchant, till, issued } = await storeWithCashback(600);
    const phone = '+8615000000001';
    await redeem(merchant.code, { code: issued.code, phone: '15000000001' });
    await cloud.push(till.token, [
      redemptionClaim(numericCode(), { customerPhone: phone, discountFen: 1200 }),
      redemptionClaim(numericCode(), { customerPhone: '+8615000000002', discountFen: 300 }),
    ]);

    clock.advance(61_000); // the resend interval holds across merchants
    const sent = await cloud.request('POST', `/v1/consumers/${merchant.code}/otp`, {
      body: { phone: '150 0000 0001' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data.phone).toBe('150****0001');
    const message = sms.received.at(-1)!.body;
    expect(message).toMatchObject({
      to: phone,
      template: 'otp',
      merchant: { code: merchant.code, name: '好邻居便利' },
    });
    const otp = String(message.params.code);
    expect(otp).toMatch(/^\d{6}$/);
    expect(message.text).toBe(`【好邻居便利】验证码 ${otp}，5 分钟内有效。请勿告诉他人。`);

    const again = await cloud.request('POST', `/v1/consumers/${merchant.code}/otp`, {
      body: { phone },
    });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    const wrongCode = otp === '000000' ? '111111' : '000000';
    const wrong = await cloud.request('POST', `/v1/consumers/${merchant.code}/history`, {
      body: { phone, otp: wrongCode },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'OTP_WRONG', details: { remaining: 4 } });

    const history = await cloud.ok('POST', `/v1/consumers/${merchant.code}/history`, {
      body: { phone, otp },
    });
    expect(history.phone).toBe('150****0001');
    expect(history.items.map((i: any) => [i.kind, i.amountFen, i.via]).sort()).toEqual([
      ['cashback', 600, 'cloud'],
      ['coupon', 1200, 'store'],
    ]);
    // One time: the same code does not open it again.
    const reused = await cloud.request('POST', `/v1/consumers/${merchant.code}/history`, {
      body: { phone, otp },
    });
    expect(reused.body.error.code).toBe('OTP_EXPIRED');
  });

  it('ends a one-time code after its tries or its minutes, and says when the SMS failed', async () => {
    const merchant = await cloud.newMerchant();
    const phone = '+8618600000001';
    const ask = () =>
      cloud.request('POST', `/v1/consumers/${merchant.code}/otp`, { body: { phone } });
    const check = (otp: string) =>
      cloud.request('POST', `/v1/consumers/${merchant.code}/history`, { body: { phone, otp } });

    expect((await ask()).status).toBe(200);
    const otp = String(sms.received.at(-1)!.body.params.code);
    const wrongCode = otp === '000000' ? '111111' : '000000';
    const remaining = [];
    for (let i = 0; i < 5; i++) remaining.push((await check(wrongCode)).body.error);
    expect(remaining.map((e) => e.code)).toEqual([
      'OTP_WRONG',
      'OTP_WRONG',
      'OTP_WRONG',
      'OTP_WRONG',
      'OTP_EXPIRED',
    ]);
    expect((await check(otp)).body.error.code).toBe('OTP_EXPIRED');

    clock.advance(61_000);
    expect((await ask()).status).toBe(200);
    const fresh = String(sms.received.at(-1)!.body.params.code);
    clock.advance(5 * 60_000 + 1);
    expect((await check(fresh)).body.error.code).toBe('OTP_EXPIRED');

    sms.answerWith(500);
    clock.advance(61_000);
    const failed = await ask();
    expect(failed.status).toBe(502);
    expect(failed.body.error.code).toBe('SMS_SEND_FAILED');
    sms.answerWith(200);
    // A failed send does not hold the phone back.
    expect((await ask()).status).toBe(200);
  });
});
