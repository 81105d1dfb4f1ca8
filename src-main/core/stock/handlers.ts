import type { HandlerMap } from '../platform/context';
import type { StockService } from './service';

export const stockHandlers = (
  stock: StockService,
): Pick<
  HandlerMap,
  | 'stock.receive'
  | 'stock.adjust'
  | 'stock.transfer'
  | 'stock.levels'
  | 'stock.movements'
  | 'stock.settings'
  | 'stock.setSettings'
> => ({
  'stock.receive': (input, ctx) => stock.receive(ctx, input),
  'stock.adjust': (input, ctx) => stock.adjust(ctx, input),
  'stock.transfer': (input, ctx) => stock.transfer(ctx, input),
  'stock.levels': (input) => stock.levels(input),
  'stock.movements': (input) => stock.movements(input),
  'stock.settings': (input) => stock.settings(input.storeId),
  'stock.setSettings': (input, ctx) => stock.setSettings(ctx, input),
});
