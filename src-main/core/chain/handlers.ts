import type { HandlerMap } from '../platform/context';
import type { ChainStockCache } from './cache';
import type { ChainTakingsCache } from './takings';

export const chainHandlers = (
  stock: ChainStockCache,
  takings: ChainTakingsCache,
): Pick<HandlerMap, 'stock.chainLevels' | 'chain.takings'> => ({
  'stock.chainLevels': (input) => stock.levels(input.productId),
  'chain.takings': (input) => takings.takings(input.from, input.to),
});
