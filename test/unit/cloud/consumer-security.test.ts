import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCaptureServer } from '../../support/capture-http';
import {
  describeOnEachBackend,
  event,
  numericCode,
  CLOUD_START_TIMEOUT_MS,
  startCloud,
  TestClock,
  type TestCloud,
} from '../../support/cloud';

const DAY = 24 * 3_600_000;

describeOnEachBackend('cloud consumer security (issue 18 items 5 and 6)', (backend) => {
  let cloud: TestCloud;
  let sms: Awaited<ReturnType<typeof startCaptureServer>>;
  const clock = new TestClock();
  // The caps count every stored code in a window; a PostgreSQL database outlives a run, so this
  // suite's days are its own (a random day of the years ahead, far from other suites' codes).
  clock.advance(DAY * (400 + Math.floor(Math.random() * 20_000)));
  beforeAll(async () => {
    sms = await startCaptureServer();
    cloud = await startCloud(backend, {
      clock,
      config: (config) => {
        config.sms = { provider: 'webhook', url: sms.url, timeoutMs: 2000 };
        config.rateLimits.public = { capacity: 1000, refillPerSecond: 100 };
        config.smsCaps = {
          perPhonePerDay: 3,
          perMerchantPerDay: 4,
          perAddressPerHour: 5,
          perAddressPerDay: 8,
          globalPerMinute: 4,
          pauseMs: 10 * 60_000,
        };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await cloud.close();
    await sms.close();
  }, CLOUD_START_TIMEOUT_MS);

  const askOtp = (merchantCode: string, phone: string) =>
    cloud.request('POST', `/v1/consumers/${merchantCode}/otp`, { body: { phone } });
  const lastCode = () => String(sms.received.at(-1)!.body.params.code);
  let phoneNo = 0;
  const newPhone = () => `1370000${String(++phoneNo).padStart(4, '0')}`;

  it('pays a cashback code only with the code texted to the phone', async () => {
    clock.advance(DAY + 60_000);
    const merchant = await cloud.newMerchant('好邻居便利');
    const till = await cloud.pair(merchant.id, '一号店');
    const issued = {
      id: v7(),
      code: numericCode(),
      templateId: v7(),
      productId: v7(),
      terminalId: v7(),
      storeId: v7(),
      rewardFen: 200,
      issuedAt: clock.now(),
      validUntil: clock.now() + DAY,
    };
    await cloud.push(till.token, [event('cashback.issued', issued, issued.id)]);
    const redeem = (body: Record<string, unknown>) =>
      cloud.request('POST', `/v1/consumers/${merchant.code}/cashback/redeem`, { body });
    const phone = newPhone();

    const without = await redeem({ code: issued.code, phone });
    expect(without.status).toBe(400);
    expect(without.body.error.details.issues[0].path).toEqual(['otp']);
    const unsent = await redeem({ code: issued.code, phone, otp: '123456' });
    expect(unsent.body.error.code).toBe('OTP_EXPIRED');

    expect((await askOtp(merchant.code, phone)).status).toBe(200);
    const otp = lastCode();
    const wrong = await redeem({
      code: issued.code,
      phone,
      otp: otp === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('OTP_WRONG');
    const paid = await redeem({ code: issued.code, phone, otp });
    expect(paid.status).toBe(200);
    // The code is used up with the payout.
    expect((await redeem({ code: issued.code, phone, otp })).body.error.code).toBe('OTP_EXPIRED');
  });

  it('caps texts per phone across merchants, and the resend interval too', async () => {
    clock.advance(DAY + 60_000);
    const a = await cloud.newMerchant('甲店');
    const b = await cloud.newMerchant('乙店');
    const phone = newPhone();
    expect((await askOtp(a.code, phone)).status).toBe(200);
    const other = await askOtp(b.code, phone);
    expect(other.status).toBe(429);
    expect(other.body.error.code).toBe('RATE_LIMITED');
    clock.advance(61_000);
    expect((await askOtp(b.code, phone)).status).toBe(200);
    clock.advance(61_000);
    expect((await askOtp(a.code, phone)).status).toBe(200);
    clock.advance(61_000);
    const capped = await askOtp(b.code, phone);
    expect(capped.status).toBe(429);
    expect(capped.body.error.code).toBe('SMS_PHONE_DAILY_LIMIT');
    clock.advance(DAY);
    expect((await askOtp(b.code, phone)).status).toBe(200);
  });

  it('caps texts per address (new numbers one a minute) and per merchant per day', async () => {
    clock.advance(DAY + 60_000);
    const merchant = await cloud.newMerchant('丙店');
    const other = await cloud.newMerchant('丁店');
    const sent: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(61_000);
      sent.push((await askOtp(merchant.code, newPhone())).status);
    }
    clock.advance(61_000);
    const shop = await askOtp(merchant.code, newPhone());
    expect(sent).toEqual([200, 200, 200, 200]);
    expect(shop.body.error.code).toBe('SMS_MERCHANT_DAILY_LIMIT');
    clock.advance(61_000);
    expect((await askOtp(other.code, newPhone())).status).toBe(200);
    clock.advance(61_000);
    const address = await askOtp(other.code, newPhone());
    expect(address.status).toBe(429);
    expect(address.body.error).toMatchObject({ code: 'SMS_ADDRESS_LIMIT' });
  });

  it('opens a breaker for every merchant when the cloud sends unusually many', async () => {
    clock.advance(DAY + 60_000);
    const merchants = await Promise.all([1, 2, 3, 4, 5].map((i) => cloud.newMerchant(`戊店${i}`)));
    for (const m of merchants.slice(0, 4))
      expect((await askOtp(m.code, newPhone())).status).toBe(200);
    const paused = await askOtp(merchants[4]!.code, newPhone());
    expect(paused.status).toBe(503);
    expect(paused.body.error.code).toBe('SMS_PAUSED');
    clock.advance(5 * 60_000);
    expect((await askOtp(merchants[4]!.code, newPhone())).body.error.code).toBe('SMS_PAUSED');
    clock.advance(6 * 60_000);
    expect((await askOtp(merchants[4]!.code, newPhone())).status).toBe(200);
  });
});
