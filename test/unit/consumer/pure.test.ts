import { describe, expect, it, vi } from 'vitest';
import { cloudEndpoints } from '../../../src-shared/sync/endpoints';
import { walletPaths } from '../../../src-shared/sync/wallet';
import { formatDay, formatMinute, groupInFours } from '../../../src-consumer/src/format';
import { parseRoute, pathOf } from '../../../src-consumer/src/route';
import { fillPath, routeOf } from '../../../src-consumer/src/api/routes';
import { ruleText } from '../../../src-shared/consumer/rule-text';
import {
  couponsOf,
  isExpiringSoon,
  type WalletCoupon,
} from '../../../src-consumer/src/wallet-data';

describe('the consumer app reads its page from the path the cloud serves', () => {
  it('knows the wallet, an issuance QR, a store QR and a coupon under any merchant code (upper-cased)', () => {
    expect(parseRoute('/c/xgyx-01/')).toEqual({ page: 'wallet', merchantCode: 'XGYX-01' });
    expect(parseRoute(walletPaths.home('XGYX-01'))).toEqual({
      page: 'wallet',
      merchantCode: 'XGYX-01',
    });
    expect(parseRoute('/c/XGYX-01')).toEqual({ page: 'wallet', merchantCode: 'XGYX-01' });
    expect(parseRoute(walletPaths.issuance('abc', 'iss-1'))).toEqual({
      page: 'issuance',
      merchantCode: 'ABC',
      issuanceId: 'iss-1',
    });
    expect(parseRoute(walletPaths.store('abc', 'st-1'))).toEqual({
      page: 'store',
      merchantCode: 'ABC',
      storeId: 'st-1',
    });
    expect(parseRoute(pathOf.coupon('abc', '1234 5678'))).toEqual({
      page: 'coupon',
      merchantCode: 'ABC',
      code: '1234 5678',
    });
    expect(parseRoute('/c/abc/x/1').page).toBe('notFound');
    expect(parseRoute('/c/abc/i/1/more').page).toBe('notFound');
    expect(parseRoute('/other').page).toBe('notFound');
  });
});

describe('the client builds each consumer path from the shared endpoint table', () => {
  it('fills every parameter, encoded, and knows every consumers.* endpoint', () => {
    const routes = Object.fromEntries(
      Object.entries(cloudEndpoints)
        .filter(([name]) => name.startsWith('consumers.'))
        .map(([name, e]) => [name, { method: e.method, path: e.path }]),
    );
    vi.stubGlobal('__CONSUMER_ROUTES__', routes);
    expect(routeOf('consumers.claimIssuance')).toEqual({
      method: 'POST',
      path: '/v1/consumers/:merchantCode/issuances/:issuanceId/claim',
    });
    expect(
      fillPath(routeOf('consumers.claimIssuance').path, {
        merchantCode: 'A B',
        issuanceId: 'x/y',
      }),
    ).toBe('/v1/consumers/A%20B/issuances/x%2Fy/claim');
    expect(() => fillPath('/v1/consumers/:merchantCode/wallet', {})).toThrow(/merchantCode/);
    vi.unstubAllGlobals();
  });
});

describe('what the phone shows', () => {
  it('groups a code in fours and dates in the store zone, not the phone’s', () => {
    expect(groupInFours('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
    expect(groupInFours('1234 5678 9')).toBe('1234 5678 9');
    // 2026-12-31 23:59:59.999 in Shanghai is 15:59 UTC the same day.
    const endOfDay = Date.UTC(2026, 11, 31, 15, 59, 59, 999);
    expect(formatDay(endOfDay, 'Asia/Shanghai')).toBe('2026-12-31');
    expect(formatDay(endOfDay, 'America/Los_Angeles')).toBe('2026-12-31');
    expect(formatDay(endOfDay + 1, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(formatMinute(Date.UTC(2026, 11, 7, 2, 5), 'Asia/Shanghai')).toBe('2026-12-07 10:05');
  });

  it('words the rule as the slips do, filling what the cloud left out', () => {
    expect(ruleText({ type: 'threshold', thresholdFen: 10000, amountFen: 2000 }, {})).toBe(
      '满100减20',
    );
    expect(ruleText({ type: 'percent', payPermille: 850, maxDiscountFen: 5000 }, {})).toBe(
      '8.5折，最多减¥50',
    );
    expect(
      ruleText({ type: 'gift', thresholdFen: 5000, giftProductId: 'p1', giftQty: 1 } as never, {
        p1: '环保购物袋',
      }),
    ).toContain('环保购物袋');
  });

  it('puts the available coupons ending soonest on top and flags those within three days', () => {
    const now = Date.UTC(2026, 11, 7);
    const coupon = (code: string, status: WalletCoupon['status'], validUntil: number) =>
      ({ code, status, validUntil, usedAt: null }) as WalletCoupon;
    const coupons = [
      coupon('late', 'available', now + 20 * 86_400_000),
      coupon('used', 'used', now),
      coupon('soon', 'available', now + 2 * 86_400_000),
    ];
    expect(couponsOf(coupons, 'available').map((c) => c.code)).toEqual(['soon', 'late']);
    expect(couponsOf(coupons, 'used').map((c) => c.code)).toEqual(['used']);
    expect(isExpiringSoon(coupons[2]!, now)).toBe(true);
    expect(isExpiringSoon(coupons[0]!, now)).toBe(false);
  });
});
