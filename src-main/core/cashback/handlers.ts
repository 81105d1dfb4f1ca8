import type { HandlerMap } from '../platform/context';
import type { PrintingService } from '../printing/service';
import type { CashbackService } from './service';

export const cashbackHandlers = (
  cashback: CashbackService,
  printing: PrintingService,
): Pick<
  HandlerMap,
  'cashback.requestCode' | 'cashback.redeem' | 'cashback.settings' | 'cashback.updateSettings'
> => ({
  'cashback.requestCode': (input, ctx) =>
    printing.withPrint(
      ctx,
      input.print,
      'cashback',
      () => cashback.requestCode(ctx, input),
      (issued) => ({ codes: [issued.code], storeId: issued.storeId }),
    ),
  'cashback.redeem': (input, ctx) => cashback.redeem(ctx, input),
  'cashback.settings': () => cashback.getSettings(),
  'cashback.updateSettings': (input) => cashback.updateSettings(input),
});
