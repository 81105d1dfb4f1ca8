import { describe, expect, it } from 'vitest';
import { runMemberJobs } from '../../../src-main/core/members/jobs';
import { inventoryShop } from '../../support/inventory';

const DAY = 86_400_000;

async function shop() {
  const s = await inventoryShop();
  await s.receive('APL-1', 1000);
  let n = 0;
  const buy = (memberId: string, fen: number, token: string) =>
    s.ok(
      'sales.record',
      {
        terminalSaleId: `L-${++n}`,
        storeId: s.ids.storeId,
        memberId,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: fen }],
        tenders: [{ kind: 'cash', amountFen: fen }],
      },
      token,
    );
  const jobs = () =>
    runMemberJobs({
      points: s.core.services.points,
      memberCoupons: s.core.services.memberCoupons,
      levels: s.core.services.levels,
    });
  return { ...s, buy, jobs };
}

describe('levels on rolling 12-month spend', () => {
  it('rises at once at its threshold, falls only at the review date, and keeps the history', async () => {
    const { ok, fails, ownerToken, cashierToken, buy, later, jobs } = await shop();
    const levels = await ok(
      'levels.save',
      {
        levels: [
          { name: '普通会员', thresholdFen: 0, multiplierPct: 100 },
          { name: '银卡', thresholdFen: 50_000, multiplierPct: 150 },
          { name: '金卡', thresholdFen: 200_000, multiplierPct: 200 },
        ],
      },
      ownerToken,
    );
    expect(
      (
        await fails(
          'levels.save',
          {
            levels: [
              { name: 'A', thresholdFen: 100, multiplierPct: 100 },
              { name: 'B', thresholdFen: 100, multiplierPct: 100 },
            ],
          },
          ownerToken,
        )
      ).code,
    ).toBe('LEVELS_NOT_RISING');
    const { member } = await ok('members.create', { phone: '13800138000' }, cashierToken);
    expect(member.levelName).toBe('普通会员');

    await buy(member.id, 30_000, cashierToken);
    expect((await ok('members.get', { id: member.id }, ownerToken)).levelName).toBe('普通会员');
    // ¥300 + ¥250 crosses ¥500: silver at once. That sale still earned at ×1 (the level it began at).
    await buy(member.id, 25_000, cashierToken);
    let got = await ok('members.get', { id: member.id }, ownerToken);
    expect(got).toMatchObject({ levelName: '银卡', qualifyingFen: 55_000 });
    expect(got.levelHistory[0]).toMatchObject({
      fromLevelName: '普通会员',
      toLevelName: '银卡',
      reason: 'upgrade',
      qualifyingFen: 55_000,
    });
    // The next sale earns at ×1.5: ¥100 → 150 points.
    await buy(member.id, 10_000, cashierToken);
    expect((await ok('points.balance', { memberId: member.id }, ownerToken)).earned).toBe(
      300 + 250 + 150,
    );
    // A level members hold cannot be removed.
    expect(
      (
        await fails(
          'levels.save',
          {
            levels: [{ id: levels[0]!.id, name: '普通会员', thresholdFen: 0, multiplierPct: 100 }],
          },
          ownerToken,
        )
      ).code,
    ).toBe('LEVEL_IN_USE');

    // 11 months on: the review is not due; spend still counts.
    let token = await later(330 * DAY);
    jobs();
    expect((await ok('members.get', { id: member.id }, token)).levelName).toBe('银卡');
    // A year and a bit after the upgrade, the spend has rolled off: down to 普通 at the review.
    token = await later(40 * DAY);
    expect((await ok('members.get', { id: member.id }, token)).qualifyingFen).toBe(0);
    expect(jobs().levelsDown).toBe(1);
    got = await ok('members.get', { id: member.id }, token);
    expect(got.levelName).toBe('普通会员');
    expect(got.levelHistory[0]).toMatchObject({ reason: 'downgrade', toLevelName: '普通会员' });
    expect(jobs().levelsDown).toBe(0);

    // A manager raises the level by hand: kept as manual.
    const gold = levels[1]!;
    got = await ok('members.update', { id: member.id, levelId: gold.id }, token);
    expect(got.levelName).toBe('银卡');
    expect(got.levelHistory[0]).toMatchObject({ reason: 'manual', toLevelName: '银卡' });
  });
});

describe('welcome and birthday coupons', () => {
  it('gives the welcome coupon at sign-up, the birthday coupon N days before once a year, catching up a PC that was off', async () => {
    const { ok, ownerToken, cashierToken, activeTemplate, jobs, later } = await shop();
    const welcome = await activeTemplate({
      name: '新会员礼',
      rule: { type: 'voucher', amountFen: 500 },
    });
    const birthday = await activeTemplate({
      name: '生日券',
      rule: { type: 'voucher', amountFen: 1000 },
    });
    await ok(
      'memberSettings.save',
      { welcomeTemplateId: welcome.id, birthdayTemplateId: birthday.id, birthdayDaysBefore: 3 },
      ownerToken,
    );
    // Today is 2026-11-21 in Shanghai: one birthday in 2 days, one in 10, one yesterday.
    const { member: soon, welcomeCode } = await ok(
      'members.create',
      { phone: '13800138001', birthday: '11-23' },
      cashierToken,
    );
    expect(welcomeCode).toMatch(/^[0-9A-Z]+$/);
    const { member: later10 } = await ok(
      'members.create',
      { phone: '13800138002', birthday: '12-01' },
      cashierToken,
    );
    await ok('members.create', { phone: '13800138003', birthday: '11-20' }, cashierToken);
    // Signing up within 3 days of the birthday: the birthday coupon comes with the welcome one,
    // and the pass gives it no second time; the others have only the welcome coupon.
    const couponsOf = async (phone: string) =>
      (await ok('members.lookup', { phone }, cashierToken)).matches[0]!.couponCount;
    expect(await couponsOf('13800138001')).toBe(2);
    expect(await couponsOf('13800138002')).toBe(1);
    expect(await couponsOf('13800138003')).toBe(1);
    expect(jobs().birthdayCoupons).toBe(0);

    // The PC is off from the 21st to the 30th: on the 30th the 12-01 birthday is still within 3 days.
    const token = await later(9 * 86_400_000);
    expect(jobs().birthdayCoupons).toBe(1);
    const held = await ok('members.lookup', { phone: '13800138002' }, token);
    expect(held.matches[0]).toMatchObject({ id: later10.id, couponCount: 2 });
    // Next year the first member gets one again, once.
    await later(356 * 86_400_000);
    expect(jobs().birthdayCoupons).toBe(1);
    expect(jobs().birthdayCoupons).toBe(0);
    expect(soon.id).toBeTruthy();
  });
});

describe('the level coupon', () => {
  it('gives each member at a level its coupon once a month, a PC off on the 1st catching up', async () => {
    const { ok, ownerToken, cashierToken, activeTemplate, buy, jobs, later } = await shop();
    const gold = await activeTemplate({
      name: '金卡月度礼券',
      rule: { type: 'voucher', amountFen: 2000 },
    });
    await ok(
      'levels.save',
      {
        levels: [
          { name: '普通会员', thresholdFen: 0, multiplierPct: 100 },
          { name: '金卡', thresholdFen: 50_000, multiplierPct: 150, monthlyTemplateId: gold.id },
        ],
      },
      ownerToken,
    );
    const { member: rich } = await ok('members.create', { phone: '13800138011' }, cashierToken);
    await ok('members.create', { phone: '13800138012' }, cashierToken);
    await buy(rich.id, 60_000, cashierToken);
    const coupons = async (phone: string, token = cashierToken) =>
      (await ok('members.lookup', { phone }, token)).matches[0]!.couponCount;

    // Today (2026-11-21): the 金卡 member gets this month's coupon, once; the other none.
    expect(jobs().levelCoupons).toBe(1);
    expect(jobs().levelCoupons).toBe(0);
    expect(await coupons('13800138011')).toBe(1);
    expect(await coupons('13800138012')).toBe(0);
    // The PC is off until 3 December: December's comes when it starts.
    const token = await later(12 * DAY);
    expect(jobs().levelCoupons).toBe(1);
    expect(await coupons('13800138011', token)).toBe(2);
  });
});
