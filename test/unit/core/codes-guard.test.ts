import { describe, expect, it } from 'vitest';
import { generateCodes } from '../../../src-node/coupons/code-generator';
import { cashbackShop } from '../../support/cashback';

const quick = (subtotalFen: number) => ({ subtotalFen });

/** A cashback shop with a coupon issued and a cashback code printed for a sold apple. */
async function guardedShop() {
  const shop = await cashbackShop();
  const { pos } = shop;
  const coupon = await shop.issueOne((await shop.activeTemplate()).id);
  const issued = await pos('cashback.requestCode', { sku: 'APL-1' });
  if (!issued.ok) throw new Error('no cashback code');
  const cashbackCode = (issued.data as { code: string }).code;
  return { ...shop, coupon, pos, cashbackCode };
}

/** Well-formed codes (right length and check symbol) that were never issued. */
const fakeCoupons = (n: number) => generateCodes('base32', n);
const fakeCashback = (n: number) => generateCodes('numeric', n);

describe('one guard for every path that looks a code up', () => {
  it('counts the other codes of an order (withCodes) as guesses', async () => {
    const { ok, cashierToken, coupon } = await guardedShop();
    const probe = await ok(
      'redemption.verify',
      { code: coupon.code, order: quick(12000), withCodes: fakeCoupons(5) },
      cashierToken,
    );
    // The probe itself is answered (the first five look-ups were allowed)...
    expect(probe.valid).toBe(true);
    // ...and then the till waits, for real codes too.
    const next = await ok(
      'redemption.verify',
      { code: coupon.code, order: quick(12000) },
      cashierToken,
    );
    expect(next).toMatchObject({ valid: false, reason: 'COOLING_DOWN', details: { seconds: 60 } });
  });

  it('refuses more withCodes look-ups once the pause has started within one call', async () => {
    const { ok, cashierToken, coupon } = await guardedShop();
    const probe = await ok(
      'redemption.verify',
      { code: coupon.code, order: quick(12000), withCodes: fakeCoupons(10) },
      cashierToken,
    );
    expect(probe).toMatchObject({ valid: false, reason: 'COOLING_DOWN' });
  });

  it('pauses cashback payouts after five unknown codes, then lets the real one through', async () => {
    const { fails, ok, cashierToken, cashbackCode, clock, ownerToken } = await guardedShop();
    for (const code of fakeCashback(5)) {
      const error = await fails('cashback.redeem', { code, phone: '13900001111' }, cashierToken);
      expect(error.code).toBe('CASHBACK_NOT_FOUND');
    }
    const paused = await fails(
      'cashback.redeem',
      { code: cashbackCode, phone: '13900001111' },
      cashierToken,
    );
    expect(paused).toMatchObject({
      code: 'COUPON_COOLING_DOWN',
      details: { seconds: 60 },
      message: '错误券码过多，请 60 秒后再试',
    });
    const { items } = await ok('audit.list', { action: 'codes.coolDown' }, ownerToken);
    expect(items).toHaveLength(1);
    expect(items[0]!.details).toMatchObject({ lookup: 'cashback', attempts: 5 });
    clock.advance(60_001);
    await ok('cashback.redeem', { code: cashbackCode, phone: '13900001111' }, cashierToken);
  });

  it('pauses a POS terminal key probing cashback codes over HTTP', async () => {
    const { pos, cashbackCode } = await guardedShop();
    for (const code of fakeCashback(5))
      expect(await pos('cashback.redeem', { code, phone: '13900001111' })).toMatchObject({
        ok: false,
        error: { code: 'CASHBACK_NOT_FOUND' },
      });
    expect(
      await pos('cashback.redeem', { code: cashbackCode, phone: '13900001111' }),
    ).toMatchObject({ ok: false, error: { code: 'COUPON_COOLING_DOWN' } });
  });

  it('pauses reprints of unknown codes (printing.printCoupons)', async () => {
    const { fails, cashierToken, coupon } = await guardedShop();
    for (const code of fakeCoupons(5))
      expect((await fails('printing.printCoupons', { codes: [code] }, cashierToken)).code).toBe(
        'PRINT_CODE_UNKNOWN',
      );
    const paused = await fails('printing.printCoupons', { codes: [coupon.code] }, cashierToken);
    expect(paused.code).toBe('COUPON_COOLING_DOWN');
  });

  it('pauses cancelling unknown codes (coupons.cancel)', async () => {
    const { fails, ok, ownerToken, coupon, clock } = await guardedShop();
    for (const code of fakeCoupons(5))
      expect((await fails('coupons.cancel', { code, reason: '丢失' }, ownerToken)).code).toBe(
        'COUPON_NOT_FOUND',
      );
    const paused = await fails('coupons.cancel', { code: coupon.code, reason: '丢失' }, ownerToken);
    expect(paused.code).toBe('COUPON_COOLING_DOWN');
    clock.advance(60_001);
    await ok('coupons.cancel', { code: coupon.code, reason: '丢失' }, ownerToken);
  });

  it('keeps one count per caller across methods', async () => {
    const { fails, ok, cashierToken, coupon } = await guardedShop();
    for (const code of fakeCashback(2))
      await fails('cashback.redeem', { code, phone: '13900001111' }, cashierToken);
    for (const code of fakeCoupons(2))
      await fails('printing.printCoupons', { codes: [code] }, cashierToken);
    await ok('redemption.verify', { code: fakeCoupons(1)[0]!, order: quick(100) }, cashierToken);
    const verdict = await ok(
      'redemption.verify',
      { code: coupon.code, order: quick(12000) },
      cashierToken,
    );
    expect(verdict.reason).toBe('COOLING_DOWN');
  });
});
