import type { RefundKind } from '../../../src-shared/contract/sales';
import type { DayCloseReport } from '../../../src-shared/contract/till';
import { formatFen } from '../../../src-shared/money';
import { dayCloseSlip, drawerSlip, receiptSlip } from '../../../src-shared/slips/till';
import { TENDER_NAMES } from '../../../src-shared/till/tenders';
import { localDateTime } from '../../../src-shared/time';
import type { AppDatabase } from '../db/database';
import type { SlipsService } from '../printing/slips';
import type { SalesService } from '../sales/service';
import { merchant } from '../setup/schema';
import type { StoresService } from '../stores/service';
import type { Clock } from '../../../src-node/clock';
import { readTillSettings } from './settings';
import type { SettingsService } from '../settings/service';

const fen = (value: number) => formatFen(value);
const nameOf = (kind: RefundKind, label?: string | null) => label || TENDER_NAMES[kind];

/**
 * The till's slips drawn when they print (so a reprint shows the sale as it is now, refunds
 * included): the receipt, the drawer pulse and the day close.
 */
export function registerTillSlips(
  adb: AppDatabase,
  clock: Clock,
  slips: SlipsService,
  deps: {
    sales: SalesService;
    stores: StoresService;
    settings: SettingsService;
    dayClose: (storeId: string, businessDate: string) => DayCloseReport;
  },
): void {
  const merchantName = () => adb.db.select().from(merchant).get()?.name ?? '';

  slips.register('receipt', (payload, width, job) => {
    const sale = deps.sales.get(payload.saleId);
    const timeZone = deps.stores.get(sale.storeId).timezone;
    const cash = sale.tenders.find((t) => t.kind === 'cash');
    return receiptSlip(width, {
      merchantName: merchantName(),
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
      coupons: sale.coupons.map((c) => ({
        name: c.templateName,
        discountText: fen(c.discountFen),
      })),
      subtotalText: fen(sale.subtotalFen),
      discountText: sale.discountFen ? fen(sale.discountFen) : null,
      roundingText: sale.roundingFen ? fen(sale.roundingFen) : null,
      paidText: fen(sale.paidFen),
      tenders: sale.tenders.map((t) => ({
        name: nameOf(t.kind, t.label),
        amountText: fen(t.amountFen),
      })),
      givenText: cash?.givenFen != null ? fen(cash.givenFen) : null,
      changeText: cash && cash.changeFen > 0 ? fen(cash.changeFen) : null,
      refundedText: sale.refundedFen ? fen(sale.refundedFen) : null,
      footer: readTillSettings(deps.settings).receiptFooter,
      qrPayload: `SDR:${sale.id}`,
      reprint: job.reprint,
      kickDrawer: payload.kickDrawer,
      logo: slips.logoFor(width),
    });
  });

  slips.register('drawer', (_payload, width) => drawerSlip(width));

  slips.register('close', (payload, width) => {
    const report = deps.dayClose(payload.storeId, payload.businessDate);
    const timeZone = deps.stores.get(payload.storeId).timezone;
    return dayCloseSlip(width, {
      merchantName: merchantName(),
      storeName: report.storeName,
      businessDate: report.businessDate,
      closed: report.closed,
      salesCount: report.sales.count,
      subtotalText: fen(report.sales.subtotalFen),
      discountText: fen(report.sales.discountFen),
      roundingText: fen(report.sales.roundingFen),
      paidText: fen(report.sales.paidFen),
      tenders: report.tenders.map((t) => ({
        name: nameOf(t.kind),
        count: t.count,
        amountText: fen(t.amountFen),
      })),
      refunds: report.refunds.map((t) => ({
        name: nameOf(t.kind),
        count: t.count,
        amountText: fen(t.amountFen),
      })),
      returnsCount: report.returns.count,
      couponsText: `${report.coupons.count} 张 ${fen(report.coupons.amountFen)}`,
      couponsVoidedText: `${report.couponsVoided.count} 张 ${fen(report.couponsVoided.amountFen)}`,
      cashbackText: `${report.cashbackPaid.count} 笔 ${fen(report.cashbackPaid.amountFen)}`,
      net: report.net.map((t) => ({ name: nameOf(t.kind), amountText: fen(t.amountFen) })),
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
      printedAtText: localDateTime(clock.now(), timeZone),
    });
  });
}

/** 长款 ¥3.00 / 短款 ¥5.00 / 平 */
export function differenceText(differenceFen: number): string {
  if (differenceFen > 0) return `长款 ${fen(differenceFen)}`;
  if (differenceFen < 0) return `短款 ${fen(-differenceFen)}`;
  return '平 ¥0.00';
}
