import type { InventoryJobs } from '../inventory-worker/jobs';
import type { HandlerMap } from '../platform/context';
import type { SalesService } from './service';

export const salesHandlers = (
  sales: SalesService,
  imports: InventoryJobs,
): Pick<
  HandlerMap,
  | 'sales.record'
  | 'sales.get'
  | 'sales.list'
  | 'sales.return'
  | 'sales.importPreview'
  | 'sales.import'
> => ({
  'sales.record': (input, ctx) => sales.record(ctx, input),
  'sales.get': (input) => sales.get(input.id),
  'sales.list': (input) => sales.list(input),
  'sales.return': (input, ctx) => sales.return(ctx, input),
  'sales.importPreview': (input, ctx) => imports.previewSales(ctx, input),
  'sales.import': (input, ctx) => imports.importSales(ctx, input),
});
