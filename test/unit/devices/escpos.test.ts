import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import { PAPER } from '../../../src-shared/slips/model';
import { couponSlip, testPage } from '../../../src-shared/slips/templates';
import { displayWidth, pairLine, wrap } from '../../../src-shared/slips/text';
import { decodeEscPos } from '../../support/escpos-decoder';

const slipData = {
  merchantName: '鲜果优选',
  storeName: '鲜果优选 新街口店',
  templateName: '满100减20',
  ruleText: '满100减20',
  terms: '全场通用，不与其他优惠同享；特价商品除外。每单限用一张，过期作废。',
  code: '49291758362019485730',
  display: '4929 1758 3620 1948 5730',
  qrPayload: 'SD1.k1.49291758362019485730.abc123.AZNl4hI0erw-7wEjRWeJqw.AAAAAAAAAAAAAA',
  validUntilText: '2026-12-21 23:59',
  issuedAtText: '2026-11-21 10:00',
};

describe('slip text layout', () => {
  it('counts a Chinese character as two columns and wraps by display width', () => {
    expect(displayWidth('满100减20')).toBe(9);
    expect(displayWidth('￥12.30')).toBe(7);
    const lines = wrap('全场通用，不与其他优惠同享；特价商品除外。', 16);
    expect(lines.every((l) => displayWidth(l) <= 16)).toBe(true);
    expect(lines.join('')).toBe('全场通用，不与其他优惠同享；特价商品除外。');
    expect(wrap('Scan the QR code at the till', 12)).toEqual([
      'Scan the QR',
      'code at the',
      'till',
    ]);
    // 避头尾: no line starts with a closing mark or ends with an opening one.
    expect(wrap('一二三四五六七八。九', 16)).toEqual(['一二三四五六七', '八。九']);
    expect(wrap('一二三四五六七（八）', 16)).toEqual(['一二三四五六七', '（八）']);
    expect(
      wrap('满100元可用，限本店使用，不与其他优惠同享！', 12).some((l) => /^[，。！]/.test(l)),
    ).toBe(false);
    const [pair] = pairLine('金额', '¥123.45', 20);
    expect(pair).toMatch(/^金额 +￥123\.45$/);
    expect(displayWidth(pair!)).toBe(20);
  });
});

describe('ESC/POS encoding', () => {
  for (const width of [58, 80] as const) {
    it(`prints a coupon slip at ${width} mm that reads back correctly`, () => {
      const printed = decodeEscPos(encodeSlip(couponSlip(width, slipData)));
      const { columns } = PAPER[width];
      const texts = printed.lines.map((l) => l.text);
      expect(texts).toContain('鲜果优选');
      // The name is the rule here: printed once, large.
      expect(texts.filter((t) => t === '满100减20')).toHaveLength(1);
      expect(printed.lines.find((l) => l.text === '满100减20')).toMatchObject({ big: true });
      expect(texts).toContain('4929 1758 3620 1948 5730');
      expect(texts.join('')).toContain('全场通用，不与其他优惠同享；特价商品除外。');
      expect(texts.some((t) => t.startsWith('有效期至') && t.endsWith('2026-12-21 23:59'))).toBe(
        true,
      );
      for (const line of printed.lines)
        expect(displayWidth(line.text) * (line.big ? 2 : 1)).toBeLessThanOrEqual(columns);
      expect(printed.qrs).toEqual([slipData.qrPayload]);
      expect(printed.barcodes).toEqual([slipData.code]);
      expect(printed.items.at(-1)).toEqual({ kind: 'cut' });
      expect(printed.lines.find((l) => l.text === '鲜果优选')).toMatchObject({
        align: 'center',
        big: true,
      });
    });
  }

  it('prints the rule under a name that does not say it, and terms that say more', () => {
    const named = decodeEscPos(
      encodeSlip(couponSlip(58, { ...slipData, templateName: '国庆特惠', terms: '满100减20' })),
    );
    const texts = named.lines.map((l) => l.text);
    expect(texts.filter((t) => t.includes('满100减20'))).toEqual(['满100减20']);
    expect(texts).toContain('国庆特惠');
  });

  it('marks a reprint 补打 and prints ¥ as the GBK full-width ￥', () => {
    const reprint = decodeEscPos(encodeSlip(couponSlip(58, { ...slipData, reprint: true })));
    expect(reprint.lines.map((l) => l.text)).toContain('【补打】');
    const test = decodeEscPos(
      encodeSlip(testPage(58, { printerName: '前台打印机', atText: '2026-11-21 10:00' })),
    );
    expect(test.lines.some((l) => l.text.includes('￥123.45'))).toBe(true);
  });
});
