import type { HandlerMap } from '../platform/context';
import type { PrintingService } from './service';

export const printingHandlers = (
  printing: PrintingService,
): Pick<
  HandlerMap,
  | 'printers.list'
  | 'printers.create'
  | 'printers.update'
  | 'printers.setDefault'
  | 'printers.testPrint'
  | 'printing.printCoupons'
  | 'printing.printCashback'
  | 'printing.jobs'
  | 'printing.retry'
  | 'printing.cancel'
> => ({
  'printers.list': () => printing.list(),
  'printers.create': (input, ctx) => printing.create(ctx, input),
  'printers.update': (input, ctx) => printing.update(ctx, input),
  'printers.setDefault': (input, ctx) => printing.setDefault(ctx, input),
  'printers.testPrint': (input, ctx) => printing.testPrint(ctx, input.printerId),
  'printing.printCoupons': (input, ctx) => printing.printCoupons(ctx, input),
  'printing.printCashback': (input, ctx) => printing.printCashback(ctx, input),
  'printing.jobs': (input) => printing.jobs(input),
  'printing.retry': (input, ctx) => printing.retry(ctx, input.jobId),
  'printing.cancel': (input, ctx) => printing.cancel(ctx, input.jobId),
});
