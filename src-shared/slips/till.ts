// The till's slips: the sales receipt (小票) and the day close (日结单). Data in, slip model out;
// the printer and the on-screen preview both render what these return.
import type { RefundKind, Sale } from '../contract/sales';
import type { DayCloseReport } from '../contract/till';
import { formatFen } from '../money';
import { localDateTime } from '../time';
import { TENDER_NAMES } from '../till/tenders';
import type { PaperWidth, Slip, SlipBlock, SlipLogo } from './model';

export interface ReceiptData {
  merchantName: string;
  storeName: string;
  terminalCode: string | null;
  cashierName: string | null;
  saleNo: string;
  /** Sold at, in the store's zone: "2026-11-21 10:05". */
  timeText: string;
  lines: {
    name: string;
    qty: number;
    priceText: string;
    amountText: string;
    discountText: string | null;
  }[];
  coupons: { name: string; discountText: string }[];
  subtotalText: string;
  discountText: string | null;
  /** 抹零, when cash was rounded. */
  roundingText: string | null;
  paidText: string;
  tenders: { name: string; amountText: string }[];
  givenText: string | null;
  changeText: string | null;
  refundedText: string | null;
  /** A member's sale: who (masked phone) and the points it moved; none for anyone else. */
  member?: { phoneText: string; earnedText: string; availableText: string } | null;
  footer: string;
  /** ASCII; the e-receipt link later. */
  qrPayload: string;
  reprint: boolean;
  /** Opens the drawer before the slip prints (a sale paid in cash; never on a reprint). */
  kickDrawer: boolean;
  logo?: SlipLogo | null;
}

const ending: SlipBlock[] = [{ kind: 'feed', lines: 3 }, { kind: 'cut' }];

export function receiptSlip(width: PaperWidth, data: ReceiptData): Slip {
  const blocks: SlipBlock[] = [
    ...(data.kickDrawer ? [{ kind: 'drawer' } as const] : []),
    ...(data.logo ? [{ kind: 'logo', ...data.logo } as const] : []),
    { kind: 'title', text: data.merchantName },
    { kind: 'text', text: data.storeName, align: 'center' },
    ...(data.reprint
      ? [{ kind: 'text', text: '【补打】', align: 'center', bold: true } as const]
      : []),
    { kind: 'rule', char: '=' },
    { kind: 'pair', left: '单号', right: data.saleNo },
    { kind: 'pair', left: '时间', right: data.timeText },
    ...(data.terminalCode
      ? [{ kind: 'pair', left: '收银台', right: data.terminalCode } as const]
      : []),
    ...(data.cashierName
      ? [{ kind: 'pair', left: '收银员', right: data.cashierName } as const]
      : []),
    { kind: 'rule' },
  ];
  for (const line of data.lines) {
    blocks.push(
      { kind: 'text', text: line.name },
      { kind: 'pair', left: `  ${line.qty} × ${line.priceText}`, right: line.amountText },
    );
    if (line.discountText)
      blocks.push({ kind: 'pair', left: '  优惠', right: `-${line.discountText}` });
  }
  blocks.push({ kind: 'rule' }, { kind: 'pair', left: '商品合计', right: data.subtotalText });
  for (const coupon of data.coupons)
    blocks.push({ kind: 'pair', left: `券 ${coupon.name}`, right: `-${coupon.discountText}` });
  if (data.discountText)
    blocks.push({ kind: 'pair', left: '优惠合计', right: `-${data.discountText}` });
  if (data.roundingText)
    blocks.push({ kind: 'pair', left: '抹零', right: `-${data.roundingText}` });
  blocks.push({ kind: 'pair', left: '实收', right: data.paidText }, { kind: 'rule' });
  for (const tender of data.tenders)
    blocks.push({ kind: 'pair', left: tender.name, right: tender.amountText });
  if (data.givenText) blocks.push({ kind: 'pair', left: '收现金', right: data.givenText });
  if (data.changeText) blocks.push({ kind: 'pair', left: '找零', right: data.changeText });
  if (data.refundedText) blocks.push({ kind: 'pair', left: '已退款', right: data.refundedText });
  if (data.member)
    blocks.push(
      { kind: 'rule' },
      { kind: 'pair', left: '会员', right: data.member.phoneText },
      { kind: 'pair', left: '本单积分', right: data.member.earnedText },
      { kind: 'pair', left: '可用积分', right: data.member.availableText },
    );
  blocks.push(
    { kind: 'rule' },
    { kind: 'qr', data: data.qrPayload, cellSize: 4 },
    ...(data.footer ? [{ kind: 'text', text: data.footer, align: 'center' } as const] : []),
    ...ending,
  );
  return { width, blocks };
}

/** What a receipt adds to its sale: the shop's name, the store's zone, the footer and so on. */
export type ReceiptContext = Pick<
  ReceiptData,
  'merchantName' | 'footer' | 'reprint' | 'kickDrawer' | 'member' | 'logo'
> & { timeZone: string };

/**
 * A recorded sale as its receipt shows it, refunds included: the printer (core) and the A4 print
 * of a till without a slip printer (renderer) both draw this.
 */
export function receiptDataOf(sale: Sale, context: ReceiptContext): ReceiptData {
  const fen = (value: number) => formatFen(value);
  const cash = sale.tenders.find((t) => t.kind === 'cash');
  const { timeZone, ...rest } = context;
  return {
    ...rest,
    storeName: sale.storeName,
    terminalCode: sale.terminalCode,
    cashierName: sale.staffName,
    saleNo: sale.terminalSaleId,
    timeText: localDateTime(sale.soldAt, timeZone),
    lines: sale.lines.map((line) => ({
      name: line.name,
      qty: line.qty,
      priceText: fen(line.unitPriceFen),
      amountText: fen(line.amountFen),
      discountText: line.discountFen ? fen(line.discountFen) : null,
    })),
    coupons: sale.coupons.map((c) => ({ name: c.templateName, discountText: fen(c.discountFen) })),
    subtotalText: fen(sale.subtotalFen),
    discountText: sale.discountFen ? fen(sale.discountFen) : null,
    roundingText: sale.roundingFen ? fen(sale.roundingFen) : null,
    paidText: fen(sale.paidFen),
    tenders: sale.tenders.map((t) => ({
      name: t.label || TENDER_NAMES[t.kind],
      amountText: fen(t.amountFen),
    })),
    givenText: cash?.givenFen != null ? fen(cash.givenFen) : null,
    changeText: cash && cash.changeFen > 0 ? fen(cash.changeFen) : null,
    refundedText: sale.refundedFen ? fen(sale.refundedFen) : null,
    qrPayload: `SDR:${sale.id}`,
  };
}

export interface DayCloseSlipData {
  merchantName: string;
  storeName: string;
  businessDate: string;
  closed: boolean;
  salesCount: number;
  subtotalText: string;
  discountText: string;
  roundingText: string;
  paidText: string;
  tenders: { name: string; count: number; amountText: string }[];
  refunds: { name: string; count: number; amountText: string }[];
  returnsCount: number;
  couponsText: string;
  couponsVoidedText: string;
  cashbackText: string;
  net: { name: string; amountText: string }[];
  netText: string;
  cash: { salesText: string; refundsText: string; payoutsText: string };
  shifts: { name: string; expectedText: string; countedText: string; differenceText: string }[];
  differenceText: string;
  printedAtText: string;
}

/** 日结单: per tender, returns, coupons (voided apart), cashback, shifts, and the net that balances. */
export function dayCloseSlip(width: PaperWidth, data: DayCloseSlipData): Slip {
  const blocks: SlipBlock[] = [
    { kind: 'title', text: data.closed ? '日结单' : '日结预览' },
    { kind: 'text', text: data.merchantName, align: 'center' },
    { kind: 'text', text: data.storeName, align: 'center' },
    { kind: 'text', text: `营业日 ${data.businessDate}`, align: 'center', bold: true },
    { kind: 'rule', char: '=' },
    { kind: 'pair', left: '销售笔数', right: String(data.salesCount) },
    { kind: 'pair', left: '商品合计', right: data.subtotalText },
    { kind: 'pair', left: '优惠', right: data.discountText },
    { kind: 'pair', left: '抹零', right: data.roundingText },
    { kind: 'pair', left: '实收', right: data.paidText },
    { kind: 'rule' },
    { kind: 'text', text: '收款方式', bold: true },
    ...data.tenders.map(
      (t) => ({ kind: 'pair', left: `${t.name} ${t.count} 笔`, right: t.amountText }) as const,
    ),
    { kind: 'text', text: `退货 ${data.returnsCount} 笔`, bold: true },
    ...data.refunds.map(
      (t) =>
        ({ kind: 'pair', left: `退${t.name} ${t.count} 笔`, right: `-${t.amountText}` }) as const,
    ),
    { kind: 'rule' },
    { kind: 'pair', left: '核销优惠券', right: data.couponsText },
    { kind: 'pair', left: '撤销核销', right: data.couponsVoidedText },
    { kind: 'pair', left: '返现兑付', right: data.cashbackText },
    { kind: 'rule' },
    { kind: 'text', text: '净收款', bold: true },
    ...data.net.map((t) => ({ kind: 'pair', left: t.name, right: t.amountText }) as const),
    { kind: 'pair', left: '合计', right: data.netText },
    { kind: 'rule' },
    { kind: 'text', text: '现金', bold: true },
    { kind: 'pair', left: '现金收款', right: data.cash.salesText },
    { kind: 'pair', left: '现金退款', right: `-${data.cash.refundsText}` },
    { kind: 'pair', left: '返现付现', right: `-${data.cash.payoutsText}` },
  ];
  if (data.shifts.length) {
    blocks.push({ kind: 'rule' }, { kind: 'text', text: '交班', bold: true });
    for (const s of data.shifts)
      blocks.push(
        { kind: 'text', text: s.name },
        { kind: 'pair', left: '  应有 / 实点', right: `${s.expectedText} / ${s.countedText}` },
        { kind: 'pair', left: '  差额', right: s.differenceText },
      );
    blocks.push({ kind: 'pair', left: '长短款合计', right: data.differenceText });
  }
  blocks.push(
    { kind: 'rule' },
    { kind: 'pair', left: '打印时间', right: data.printedAtText },
    ...ending,
  );
  return { width, blocks };
}

/** Only the drawer pulse: 开钱箱 without a sale. */
export const drawerSlip = (width: PaperWidth): Slip => ({ width, blocks: [{ kind: 'drawer' }] });

/** 长款 ¥3.00 / 短款 ¥5.00 / 平 ¥0.00 */
export function differenceText(differenceFen: number): string {
  if (differenceFen > 0) return `长款 ${formatFen(differenceFen)}`;
  if (differenceFen < 0) return `短款 ${formatFen(-differenceFen)}`;
  return `平 ${formatFen(0)}`;
}

/** The close slip of a day's report: the printer and the close page draw the same. */
export function dayCloseSlipOf(
  width: PaperWidth,
  report: DayCloseReport,
  merchantName: string,
  printedAtText: string,
): Slip {
  const fen = (value: number) => formatFen(value);
  const name = (kind: RefundKind) => TENDER_NAMES[kind];
  return dayCloseSlip(width, {
    merchantName,
    storeName: report.storeName,
    businessDate: report.businessDate,
    closed: report.closed,
    salesCount: report.sales.count,
    subtotalText: fen(report.sales.subtotalFen),
    discountText: fen(report.sales.discountFen),
    roundingText: fen(report.sales.roundingFen),
    paidText: fen(report.sales.paidFen),
    tenders: report.tenders.map((t) => ({
      name: name(t.kind),
      count: t.count,
      amountText: fen(t.amountFen),
    })),
    refunds: report.refunds.map((t) => ({
      name: name(t.kind),
      count: t.count,
      amountText: fen(t.amountFen),
    })),
    returnsCount: report.returns.count,
    couponsText: `${report.coupons.count} 张 ${fen(report.coupons.amountFen)}`,
    couponsVoidedText: `${report.couponsVoided.count} 张 ${fen(report.couponsVoided.amountFen)}`,
    cashbackText: `${report.cashbackPaid.count} 笔 ${fen(report.cashbackPaid.amountFen)}`,
    net: report.net.map((t) => ({ name: name(t.kind), amountText: fen(t.amountFen) })),
    netText: fen(report.netFen),
    cash: {
      salesText: fen(report.cash.salesFen),
      refundsText: fen(report.cash.refundsFen),
      payoutsText: fen(report.cash.payoutsFen),
    },
    shifts: report.shifts.map((s) => ({
      name: s.staffName ?? '',
      expectedText: fen(s.expectedFen),
      countedText: fen(s.countedFen ?? 0),
      differenceText: differenceText(s.differenceFen ?? 0),
    })),
    differenceText: differenceText(report.differenceFen),
    printedAtText,
  });
}
