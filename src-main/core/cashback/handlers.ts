import type { HandlerMap } from '../platform/context';
import type { CashbackService } from './service';

export const cashbackHandlers = (
  cashback: CashbackService,
): Pick<HandlerMap, 'cashback.requestCode' | 'cashback.redeem'> => ({
  'cashback.requestCode': (input, ctx) => cashback.requestCode(ctx, input),
  'cashback.redeem': (input, ctx) => cashback.redeem(ctx, input),
});
