import { describe, expect, it, vi } from 'vitest';
import { cloudEndpoints } from '../../../src-shared/sync/endpoints';
import { walletPaths } from '../../../src-shared/sync/wallet';
import { formatDay, formatMinute, groupInFours } from '../../../src-consumer/src/format';
import { parseRoute, pathOf } from '../../../src-consumer/src/route';
import { fillPath, routeOf } from '../../../src-consumer/src/api/routes';
import { ruleText } from '../../../src-shared/consumer/rule-text';
import {
  clockTime,
  minutesLeft,
  rewardText,
  travelMinutes,
} from '../../../src-consumer/src/tasks-data';
import { messages } from '../../../src-shared/consumer/messages';
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
    expect(parseRoute('/c/abc/%E4%B8').page).toBe('notFound');
  });

  it('knows the check-in task pages: the list, a task, an order and the till’s site QR with its code', () => {
    expect(parseRoute(pathOf.tasks('abc'))).toEqual({ page: 'tasks', merchantCode: 'ABC' });
    expect(parseRoute('/c/abc/tasks/')).toEqual({ page: 'tasks', merchantCode: 'ABC' });
    expect(parseRoute(pathOf.task('abc', 't-1'))).toEqual({
      page: 'task',
      merchantCode: 'ABC',
      taskId: 't-1',
    });
    expect(parseRoute(pathOf.order('abc', 'o-1'))).toEqual({
      page: 'order',
      merchantCode: 'ABC',
      orderId: 'o-1',
    });
    expect(parseRoute('/c/abc/order').page).toBe('notFound');
    // What the cloud's tasks.siteCode answers, as the phone's camera opens it.
    const site = new URL(
      '/c/ABC/tasks/0190a0f0-0000-7000-8000-000000000001/site?code=S1-abc-123-sig_-x',
      'https://cloud.example',
    );
    expect(parseRoute(site.pathname, site.search)).toEqual({
      page: 'taskSite',
      merchantCode: 'ABC',
      taskId: '0190a0f0-0000-7000-8000-000000000001',
      code: 'S1-abc-123-sig_-x',
    });
    const built = new URL(pathOf.taskSite('abc', 't-1', 'S1-a b'), 'https://cloud.example');
    expect(parseRoute(built.pathname, built.search)).toMatchObject({
      taskId: 't-1',
      code: 'S1-a b',
    });
    // Three segments are only ever the site QR, and only with its code.
    expect(parseRoute('/c/abc/tasks/t-1/site').page).toBe('notFound');
    expect(parseRoute('/c/abc/tasks/t-1/site', '?code=').page).toBe('notFound');
    expect(parseRoute('/c/abc/tasks/t-1/other', '?code=x').page).toBe('notFound');
    expect(parseRoute('/c/abc/order/o-1/site', '?code=x').page).toBe('notFound');
    expect(parseRoute('/c/abc/tasks/t-1/site/more', '?code=x').page).toBe('notFound');
    expect(parseRoute('/c/abc/i/1', '?code=x')).toMatchObject({ page: 'issuance' });
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

describe('what the phone shows of a check-in task', () => {
  it('estimates the way as the cloud does, per travel mode', () => {
    // 1.2 km: on foot 1.2 × 1.3 / 1.3 m/s = 20 min; by bike 6.5 min; by car 1.8 / 8 m/s ≈ 3.75 min.
    expect(travelMinutes(1200, 'walking')).toBe(20);
    expect(travelMinutes(1200, 'cycling')).toBe(7);
    expect(travelMinutes(1200, 'driving')).toBe(4);
    expect(travelMinutes(0, 'walking')).toBe(1);
  });

  it('reads times on the phone’s clock: the time alone today, the date too another day', () => {
    const now = Date.UTC(2026, 11, 7, 2, 0); // 10:00 in Shanghai
    expect(clockTime(Date.UTC(2026, 11, 7, 10, 5), now, 'Asia/Shanghai')).toBe('18:05');
    expect(clockTime(Date.UTC(2026, 11, 7, 16, 30), now, 'Asia/Shanghai')).toBe('12-08 00:30');
    expect(minutesLeft(now + 90 * 60_000 + 59_000, now)).toBe(90);
    expect(minutesLeft(now - 1, now)).toBe(0);
  });

  it('words the reward, the time left and the places in Chinese and in English', () => {
    const t = messages.tasks;
    expect(
      rewardText({ kind: 'coupon', name: '新客满100减20', valueFen: 2000, points: null }),
    ).toBe('奖励券：新客满100减20');
    expect(rewardText({ kind: 'cashback', name: '', valueFen: 500, points: null })).toBe(
      '返现 ¥5.00',
    );
    expect(rewardText({ kind: 'points', name: '', valueFen: 100, points: 200 })).toBe('200 积分');
    expect([
      t.timeLeft(0),
      t.timeLeft(9),
      t.timeLeft(60),
      t.timeLeft(125),
      t.timeLeft(3000),
    ]).toEqual(['即将截止', '还剩 9 分钟', '还剩 1 小时', '还剩 2 小时 5 分', '还剩 2 天']);
    expect([t.placesLeft(3), t.placesLeft(0)]).toEqual(['剩余 3 个名额', '名额已满']);
    expect(t.late('10:20', '10:10')).toBe('预计 10:20 到达，晚于截止时间 10:10 — 可能迟到');
  });
});
