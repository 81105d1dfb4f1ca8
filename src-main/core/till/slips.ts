import type { RefundKind } from '../../../src-shared/contract/sales';
import type { DayCloseReport } from '../../../src-shared/contract/till';
import { formatFen } from '../../../src-shared/money';
import {
  dayCloseSlipOf,
  drawerSlip,
  receiptSlip,
  type ReceiptData,
} from '../../../src-shared/slips/till';
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
    /** The member line of a member's sale (points earned and spent, points left). */
    memberOfSale?: (saleId: string) => ReceiptData['member'];
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
      member: deps.memberOfSale?.(sale.id) ?? null,
      footer: readTillSettings(deps.settings).receiptFooter,
      qrPayload: `SDR:${sale.id}`,
      reprint: job.reprint,
      kickDrawer: payload.kickDrawer,
      logo: slips.logoFor(width),
    });
  });

  slips.register('drawer', (_payload, width) => drawerSlip(width));

  slips.register('close', (payload, width) =>
    dayCloseSlipOf(
      width,
      deps.dayClose(payload.storeId, payload.businessDate),
      merchantName(),
      localDateTime(clock.now(), deps.stores.get(payload.storeId).timezone),
    ),
  );
}
