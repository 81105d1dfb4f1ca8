import type { HandlerMap } from '../platform/context';
import type { ProductsService } from './service';

export const productsHandlers = (
  products: ProductsService,
): Pick<
  HandlerMap,
  'products.list' | 'products.lookup' | 'products.create' | 'products.update'
> => ({
  'products.list': (input) => products.list(input),
  'products.lookup': (input) => products.lookup(input),
  'products.create': (input, ctx) => products.create(ctx, input),
  'products.update': (input, ctx) => products.update(ctx, input),
});
