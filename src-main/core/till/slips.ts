import type { DayCloseReport } from '../../../src-shared/contract/till';
import {
  dayCloseSlipOf,
  drawerSlip,
  receiptDataOf,
  receiptSlip,
  type ReceiptData,
} from '../../../src-shared/slips/till';
import { localDateTime } from '../../../src-shared/time';
import type { AppDatabase } from '../db/database';
import type { SlipsService } from '../printing/slips';
import type { SalesService } from '../sales/service';
import { merchant } from '../setup/schema';
import type { StoresService } from '../stores/service';
import type { Clock } from '../../../src-node/clock';
import { readTillSettings } from './settings';
import type { SettingsService } from '../settings/service';

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
    return receiptSlip(
      width,
      receiptDataOf(sale, {
        merchantName: merchantName(),
        timeZone: deps.stores.get(sale.storeId).timezone,
        member: deps.memberOfSale?.(sale.id) ?? null,
        footer: readTillSettings(deps.settings).receiptFooter,
        reprint: job.reprint,
        kickDrawer: payload.kickDrawer,
        logo: slips.logoFor(width),
      }),
    );
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
