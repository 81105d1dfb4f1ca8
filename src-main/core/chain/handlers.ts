import type { HandlerMap } from '../platform/context';
import type { ChainStockCache } from './cache';

export const chainHandlers = (chain: ChainStockCache): Pick<HandlerMap, 'stock.chainLevels'> => ({
  'stock.chainLevels': (input) => chain.levels(input.productId),
});
