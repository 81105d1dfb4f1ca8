import type { HandlerMap } from '../platform/context';
import type { CloudFirstRedeem } from './cloud-first';
import type { RedemptionService } from './service';

export const redemptionHandlers = (
  redemption: RedemptionService,
  cloudFirst: CloudFirstRedeem,
): Pick<
  HandlerMap,
  | 'redemption.verify'
  | 'redemption.bestCombination'
  | 'redemption.redeem'
  | 'redemption.void'
  | 'redemption.list'
> => ({
  'redemption.verify': (input, ctx) => redemption.verify(ctx, input),
  'redemption.bestCombination': (input, ctx) => redemption.bestCombination(ctx, input),
  'redemption.redeem': (input, ctx) => cloudFirst.redeem(ctx, input),
  'redemption.void': (input, ctx) => redemption.void(ctx, input),
  'redemption.list': (input) => redemption.list(input),
});
