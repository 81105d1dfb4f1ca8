// The slips StoreDesk prints. Each returns the slip model; the printer and the preview render it.
import type { PaperWidth, Slip, SlipBlock, SlipLogo } from './model';

export interface CouponSlipData {
  merchantName: string;
  storeName: string;
  templateName: string;
  /** From describeRule(): "满100减20". */
  ruleText: string;
  terms: string;
  code: string;
  display: string;
  qrPayload: string;
  validUntilText: string;
  issuedAtText: string;
  /** A reprint is marked 补打 so it cannot pass for a second coupon. */
  reprint?: boolean;
  /** The shop's logo, above the title, when one is set. */
  logo?: SlipLogo | null;
}

const ending: SlipBlock[] = [{ kind: 'feed', lines: 3 }, { kind: 'cut' }];

const logoBlock = (logo: SlipLogo | null | undefined): SlipBlock[] =>
  logo ? [{ kind: 'logo', ...logo }] : [];

/** Whether `text` says nothing that `already` has not (names often repeat the rule: 满100减20). */
const says = (already: string, text: string) =>
  already.replace(/\s/g, '').includes(text.replace(/\s/g, ''));

export function couponSlip(width: PaperWidth, data: CouponSlipData): Slip {
  // The rule once: a name that already says it is not followed by it again, nor are the terms.
  const ruleShown = !says(data.templateName, data.ruleText);
  const termsShown = !!data.terms && !says(`${data.templateName}${data.ruleText}`, data.terms);
  const blocks: SlipBlock[] = [
    ...logoBlock(data.logo),
    { kind: 'title', text: data.merchantName },
    { kind: 'text', text: data.storeName, align: 'center' },
    ...(data.reprint
      ? [{ kind: 'text', text: '【补打】', align: 'center', bold: true } as const]
      : []),
    { kind: 'rule', char: '=' },
    { kind: 'text', text: data.templateName, align: 'center', bold: true, big: !ruleShown },
    ...(ruleShown
      ? [{ kind: 'text', text: data.ruleText, align: 'center', big: true } as const]
      : []),
    { kind: 'rule' },
    { kind: 'qr', data: data.qrPayload },
    { kind: 'text', text: data.display, align: 'center', bold: true },
    { kind: 'barcode', data: data.code },
    { kind: 'rule' },
    { kind: 'pair', left: '有效期至', right: data.validUntilText },
    { kind: 'pair', left: '发券时间', right: data.issuedAtText },
  ];
  if (termsShown) blocks.push({ kind: 'text', text: `使用说明：${data.terms}` });
  blocks.push(
    { kind: 'text', text: '请在收银台出示此券，一券一码，核销后作废', align: 'center' },
    ...ending,
  );
  return { width, blocks };
}

export interface CashbackSlipData {
  merchantName: string;
  storeName: string;
  productName: string;
  rewardText: string;
  code: string;
  display: string;
  qrPayload: string;
  validUntilText: string;
  reprint?: boolean;
  logo?: SlipLogo | null;
}

export function cashbackSlip(width: PaperWidth, data: CashbackSlipData): Slip {
  return {
    width,
    blocks: [
      ...logoBlock(data.logo),
      { kind: 'title', text: data.merchantName },
      { kind: 'text', text: data.storeName, align: 'center' },
      ...(data.reprint
        ? [{ kind: 'text', text: '【补打】', align: 'center', bold: true } as const]
        : []),
      { kind: 'rule', char: '=' },
      { kind: 'text', text: `购买 ${data.productName}`, align: 'center' },
      { kind: 'text', text: `返现 ${data.rewardText}`, align: 'center', big: true },
      { kind: 'qr', data: data.qrPayload },
      { kind: 'text', text: data.display, align: 'center', bold: true },
      { kind: 'rule' },
      { kind: 'pair', left: '有效期至', right: data.validUntilText },
      { kind: 'text', text: '凭本码与手机号领取返现，每码限领一次', align: 'center' },
      ...ending,
    ],
  };
}

/** The test page: every kind of block, so one print shows the printer is set up right. */
export function testPage(width: PaperWidth, data: { printerName: string; atText: string }): Slip {
  return {
    width,
    blocks: [
      { kind: 'title', text: '打印测试' },
      { kind: 'text', text: `${data.printerName} · ${width}mm`, align: 'center' },
      { kind: 'rule', char: '=' },
      { kind: 'text', text: '中文：店务通 欢迎光临，谢谢惠顾！' },
      { kind: 'text', text: 'ASCII: 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
      { kind: 'pair', left: '金额', right: '¥123.45' },
      { kind: 'rule' },
      { kind: 'qr', data: 'STOREDESK-TEST' },
      { kind: 'barcode', data: '12345678901234567890' },
      { kind: 'pair', left: '时间', right: data.atText },
      ...ending,
    ],
  };
}

/** A count and, where money moved, its amount (formatted by the caller: "￥12.34"). */
export interface SummaryLine {
  count: number;
  amountText?: string;
}

export interface DailySummaryData {
  merchantName: string;
  storeName: string;
  /** The business day in the store's timezone, YYYY-MM-DD. */
  date: string;
  couponsIssued: SummaryLine;
  couponsRedeemed: SummaryLine;
  couponsVoided: SummaryLine;
  cashbackIssued: SummaryLine;
  cashbackRedeemed: SummaryLine;
  /** Redemptions (net of voids) per cashier, most first. */
  byCashier: (SummaryLine & { name: string })[];
  printedAtText: string;
}

const countAndAmount = (label: string, line: SummaryLine): SlipBlock => ({
  kind: 'pair',
  left: label,
  right: line.amountText ? `${line.count} 张  ${line.amountText}` : `${line.count} 张`,
});

/** The end-of-day slip (日结): what went out and came back at one store on one business day. */
export function dailySummarySlip(width: PaperWidth, data: DailySummaryData): Slip {
  return {
    width,
    blocks: [
      { kind: 'title', text: '日结小票' },
      { kind: 'text', text: data.merchantName, align: 'center' },
      { kind: 'text', text: data.storeName, align: 'center' },
      { kind: 'text', text: `营业日 ${data.date}`, align: 'center', bold: true },
      { kind: 'rule', char: '=' },
      { kind: 'text', text: '优惠券', bold: true },
      countAndAmount('发放', data.couponsIssued),
      countAndAmount('核销', data.couponsRedeemed),
      countAndAmount('撤销核销', data.couponsVoided),
      { kind: 'rule' },
      { kind: 'text', text: '返现码', bold: true },
      countAndAmount('发放', data.cashbackIssued),
      countAndAmount('兑付', data.cashbackRedeemed),
      { kind: 'rule' },
      { kind: 'text', text: '收银员核销（不含撤销）', bold: true },
      ...(data.byCashier.length
        ? data.byCashier.map((c) => countAndAmount(c.name, c))
        : [{ kind: 'text', text: '（无）', align: 'center' } as const]),
      { kind: 'rule' },
      { kind: 'pair', left: '打印时间', right: data.printedAtText },
      ...ending,
    ],
  };
}
