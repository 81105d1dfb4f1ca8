import type { HandlerMap } from '../platform/context';
import type { StocktakeService } from './service';

export const stocktakeHandlers = (
  stocktake: StocktakeService,
): Pick<
  HandlerMap,
  | 'stocktake.start'
  | 'stocktake.list'
  | 'stocktake.get'
  | 'stocktake.count'
  | 'stocktake.finish'
  | 'stocktake.discard'
> => ({
  'stocktake.start': (input, ctx) => stocktake.start(ctx, input),
  'stocktake.list': (input) => stocktake.list(input),
  'stocktake.get': (input) => stocktake.get(input.id),
  'stocktake.count': (input, ctx) => stocktake.count(ctx, input),
  'stocktake.finish': (input, ctx) => stocktake.finish(ctx, input),
  'stocktake.discard': (input, ctx) => stocktake.discard(ctx, input),
});
