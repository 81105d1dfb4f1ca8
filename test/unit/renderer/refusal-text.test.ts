import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RefusalReason } from '../../../src-shared/contract/redemption';
import type { Refusal } from '../../../src-renderer/src/features/redemption/refusal';
import { refusalText } from '../../../src-renderer/src/features/redemption/refusal-text';
import { translator } from './translator';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

const refusal = (reason: RefusalReason, details: Record<string, unknown> = {}): Refusal => ({
  reason,
  details,
  display: null,
});

describe('a redemption refusal in words', () => {
  it('says who redeemed the coupon, where and when, with the particulars listed', () => {
    const redeemed = refusal('ALREADY_REDEEMED', {
      atText: '2026-05-01 12:30:00',
      storeName: '人民路店',
      terminalCode: 'POS-02',
      staffName: '王芳',
    });
    expect(refusalText(zh, redeemed)).toEqual({
      title: '已核销',
      sentence: '此券已于 2026-05-01 12:30:00 在 人民路店 由 王芳 核销',
      facts: [
        { label: '核销时间', value: '2026-05-01 12:30:00' },
        { label: '门店', value: '人民路店' },
        { label: '收银台', value: 'POS-02' },
        { label: '收银员', value: '王芳' },
      ],
      advice: null,
    });
    expect(refusalText(en, redeemed).sentence).toBe(
      'Already redeemed on 2026-05-01 12:30:00 at 人民路店 by 王芳',
    );
  });

  it('shows the minimum spend, what counts towards it and what is short, in yuan from fen', () => {
    const short = refusal('MIN_SPEND_NOT_MET', {
      requiredFen: 10000,
      eligibleFen: 8050,
      shortFen: 1950,
      shortText: '¥19.50',
    });
    expect(refusalText(zh, short)).toEqual({
      title: '未达使用门槛',
      sentence: '未达使用门槛，还差 ¥19.50',
      facts: [
        { label: '使用门槛', value: '¥100.00' },
        { label: '可计入金额', value: '¥80.50' },
        { label: '还差', value: '¥19.50' },
      ],
      advice: '顾客再买 ¥19.50 的适用商品，即可使用这张券。',
    });
    // An empty order: nothing counts yet, and ¥0.00 is a particular worth showing.
    const empty = refusal('MIN_SPEND_NOT_MET', {
      requiredFen: 1,
      eligibleFen: 0,
      shortFen: 1,
      shortText: '¥0.01',
    });
    expect(refusalText(zh, empty).facts).toEqual([
      { label: '使用门槛', value: '¥0.01' },
      { label: '可计入金额', value: '¥0.00' },
      { label: '还差', value: '¥0.01' },
    ]);
  });

  it('leaves out what the app did not send, rather than a blank or a {{placeholder}}', () => {
    expect(refusalText(zh, refusal('ALREADY_REDEEMED'))).toEqual({
      title: '已核销',
      sentence: null,
      facts: [],
      advice: null,
    });
    // Only the store is known: that one particular is shown, the sentence needs them all.
    const partly = refusalText(zh, refusal('ALREADY_REDEEMED', { storeName: '人民路店' }));
    expect(partly.sentence).toBeNull();
    expect(partly.facts).toEqual([{ label: '门店', value: '人民路店' }]);
    // Amounts that are not numbers are not amounts.
    const noAmounts = refusalText(
      zh,
      refusal('MIN_SPEND_NOT_MET', { requiredFen: '100', shortText: '¥1.00' }),
    );
    expect(noAmounts.sentence).toBe('未达使用门槛，还差 ¥1.00');
    expect(noAmounts.facts).toEqual([]);
    // Empty strings and nulls are missing too.
    expect(refusalText(zh, refusal('VOIDED', { cancelReason: '' })).facts).toEqual([]);
    expect(refusalText(zh, refusal('EXPIRED', { validUntilText: null })).facts).toEqual([]);
  });

  it('says a sentence without details as it is', () => {
    expect(refusalText(zh, refusal('STORE_NOT_ELIGIBLE', { storeName: '人民路店' }))).toEqual({
      title: '本店不可用',
      sentence: '此券不适用于本门店',
      facts: [{ label: '当前门店', value: '人民路店' }],
      advice: null,
    });
    expect(refusalText(zh, refusal('CUSTOMER_LIMIT_REACHED', { limit: 0 })).facts).toEqual([
      { label: '每人限用', value: '0' },
    ]);
    expect(refusalText(zh, refusal('BUDGET_EXHAUSTED', { budgetCount: 100 })).sentence).toBe(
      '此券活动预算已用完',
    );
  });

  it('tells the cashier how a mistyped code is wrong, the check symbol when it does not say', () => {
    expect(refusalText(zh, refusal('BAD_CHECK', { problem: 'length' }))).toEqual({
      title: '券码输错了',
      sentence: '券码有误（位数或校验位不符），请核对后重新输入',
      facts: [],
      advice: '券码位数不对：数字券码是 20 位，字母券码是 13 位。请对照券面重新输入。',
    });
    expect(refusalText(zh, refusal('BAD_CHECK', { problem: 'characters' })).advice).toBe(
      '券码里有不会出现的字符，请对照券面重新输入。',
    );
    expect(refusalText(zh, refusal('BAD_CHECK')).advice).toBe(
      '校验位对不上，多半是有一位输错或两位颠倒，请对照券面重新输入。',
    );
  });

  it('warns of a forged code, and of a genuine one this PC has not synced yet', () => {
    expect(refusalText(zh, refusal('FORGED'))).toEqual({
      title: '疑似伪造券！',
      sentence: '券码签名无效，疑似伪造',
      facts: [],
      advice: '请不要收下此券，也不要给予优惠，并立即告知店长。',
    });
    expect(
      refusalText(
        zh,
        refusal('NOT_FOUND', { genuine: true, validUntilText: '2026-12-31 23:59:59' }),
      ),
    ).toEqual({
      title: '查无此券',
      sentence: '查无此券',
      facts: [{ label: '有效期至', value: '2026-12-31 23:59:59' }],
      advice: '这是本商户签发的真券，但本机还没有同步到它。请联网同步后再试。',
    });
    // Not ours at all: no particulars, nothing to sync.
    expect(refusalText(zh, refusal('NOT_FOUND', { validUntilText: '2026-12-31' }))).toEqual({
      title: '查无此券',
      sentence: '查无此券',
      facts: [],
      advice: null,
    });
  });

  it('asks for the goods line by line when an item coupon needs them', () => {
    expect(refusalText(zh, refusal('ITEM_NOT_IN_ORDER', { needsLines: true })).advice).toBe(
      '这张券只对指定商品有效：请切换到“按商品”录入订单。',
    );
    expect(refusalText(zh, refusal('ITEM_NOT_IN_ORDER')).advice).toBeNull();
  });

  it('words the cool-down and the offline limit with their numbers', () => {
    expect(refusalText(zh, refusal('COOLING_DOWN', { seconds: 30 })).sentence).toBe(
      '错误券码过多，请 30 秒后再试',
    );
    expect(refusalText(en, refusal('COOLING_DOWN', { seconds: 0 })).sentence).toBe(
      'Too many wrong codes; try again in 0 s',
    );
    expect(
      refusalText(zh, refusal('OFFLINE_LIMIT_REACHED', { maxCount: 20, maxText: '¥500.00' }))
        .sentence,
    ).toBe(
      '此券由其他门店发放，本机尚未同步；今日离线核销已达上限（20 张 / ¥500.00），请联网同步后再试',
    );
  });
});
