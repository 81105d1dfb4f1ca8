import type { HandlerMap } from '../platform/context';
import type { InventoryJobs } from '../inventory-worker/jobs';
import type { ProductsService } from './service';

export const productsHandlers = (
  products: ProductsService,
  imports: InventoryJobs,
): Pick<
  HandlerMap,
  | 'products.list'
  | 'products.categories'
  | 'products.lookup'
  | 'products.byBarcode'
  | 'products.create'
  | 'products.update'
  | 'products.importPreview'
  | 'products.import'
> => ({
  'products.list': (input) => products.list(input),
  'products.categories': () => products.categories(),
  'products.lookup': (input) => products.lookup(input),
  'products.byBarcode': (input) => products.lookup(input),
  'products.create': (input, ctx) => products.create(ctx, input),
  'products.update': (input, ctx) => products.update(ctx, input),
  'products.importPreview': (input, ctx) => imports.previewProducts(ctx, input),
  'products.import': (input, ctx) => imports.importProducts(ctx, input),
});
