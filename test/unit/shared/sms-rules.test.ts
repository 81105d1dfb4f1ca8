import { describe, expect, it } from 'vitest';
import {
  isUnsubscribeReply,
  messageFailures,
  recipientFailure,
  sendWindowStart,
  smsLength,
} from '../../../src-shared/outreach/sms-rules';

// The rules of a marketing text in China (issue 25), as the checker names them.

const MERCHANT = { signature: '鲜果优选', walletLink: 'https://wallet.example.cn/c/XGYX' };
const SHANGHAI = 'Asia/Shanghai';
/** 2026-12-07 hh:mm in Shanghai, in UTC ms. */
const at = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00+08:00`);

describe('a marketing text', () => {
  it('needs the merchant’s 【签名】 at its start or end and an unsubscribe instruction', () => {
    expect(messageFailures('周末水果满100减20，到店即用', MERCHANT)).toEqual([
      'signatureMissing',
      'unsubscribeMissing',
    ]);
    expect(messageFailures('【鲜果优选】周末水果满100减20，拒收请回复R', MERCHANT)).toEqual([]);
    expect(messageFailures('周末水果满100减20，回T退订【鲜果优选】', MERCHANT)).toEqual([]);
    expect(messageFailures('【别家】周末满100减20，回复TD退订', MERCHANT)).toEqual([
      'signatureMissing',
    ]);
    expect(messageFailures('  ', MERCHANT)).toEqual(['empty']);
  });

  it('allows the merchant’s one fixed wallet link and no other (a link per person is spam)', () => {
    const text = (link: string) => `【鲜果优选】领券：${link} 退订回N`;
    expect(messageFailures(text('https://wallet.example.cn/c/XGYX/'), MERCHANT)).toEqual([]);
    expect(messageFailures(text('https://wallet.example.cn/c/XGYX/i/123'), MERCHANT)).toEqual([
      'variableLink',
    ]);
    expect(messageFailures(text('http://t.cn/A6xYz'), MERCHANT)).toEqual(['variableLink']);
  });

  it('is counted as carriers count it: 70 in one text, parts of 67 beyond', () => {
    expect(smsLength('字'.repeat(70))).toEqual({ units: 70, parts: 1 });
    expect(smsLength('字'.repeat(71))).toEqual({ units: 71, parts: 2 });
    expect(smsLength('字'.repeat(134))).toEqual({ units: 134, parts: 2 });
    expect(smsLength('字'.repeat(135))).toEqual({ units: 135, parts: 3 });
    expect(smsLength('🍎').units).toBe(2);
  });
});

describe('who gets it, and when', () => {
  it('waits outside 08:00–20:00 in the recipient’s zone for the next window', () => {
    expect(sendWindowStart(at('07:59'), SHANGHAI)).toBe(at('08:00'));
    expect(sendWindowStart(at('12:30'), SHANGHAI)).toBe(at('12:30'));
    expect(sendWindowStart(at('20:00'), SHANGHAI)).toBe(at('08:00') + 86_400_000);
    // 09:00 in Shanghai is 20:00 of the day before in New York: it waits for 08:00 there.
    expect(sendWindowStart(at('09:00'), 'America/New_York')).toBe(
      Date.parse('2026-12-07T08:00:00-05:00'),
    );
  });

  it('leaves out those without marketing consent, the suppressed, and those at the cap', () => {
    const ok = { marketingConsent: true, suppressed: false, sentInPeriod: 3, cap: 4 };
    expect(recipientFailure(ok)).toBeNull();
    expect(recipientFailure({ ...ok, marketingConsent: false })).toBe('noConsent');
    expect(recipientFailure({ ...ok, suppressed: true })).toBe('suppressed');
    expect(recipientFailure({ ...ok, sentInPeriod: 4 })).toBe('frequencyCap');
  });

  it('hears R, T, TD, N and 退订 as an unsubscribe, whatever the case and spaces', () => {
    for (const reply of ['R', ' r ', 'T', 'td', 'N', '退订'])
      expect(isUnsubscribeReply(reply)).toBe(true);
    for (const reply of ['好的', 'RT', '不退订']) expect(isUnsubscribeReply(reply)).toBe(false);
  });
});
