import type { HandlerMap } from '../platform/context';
import type { PrintingService } from './service';

/** The printers, print queue and logo methods of the contract. */
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
  | 'printing.pause'
  | 'printing.resume'
  | 'printing.reprint'
  | 'printers.usbDevices'
  | 'printers.status'
  | 'printing.getLogo'
  | 'printing.setLogo'
  | 'printing.printDailySummary'
> => {
  // Each request goes to the part that answers it: the printers, the queue or the slips.
  const { printers, queue, slips } = printing;
  return {
    'printers.list': () => printers.list(),
    'printers.create': (input, ctx) => printers.create(ctx, input),
    'printers.update': (input, ctx) => printers.update(ctx, input),
    'printers.setDefault': (input, ctx) => printers.setDefault(ctx, input),
    'printers.testPrint': (input, ctx) => printing.testPrint(ctx, input.printerId),
    'printing.printCoupons': (input, ctx) => printing.printCoupons(ctx, input),
    'printing.printCashback': (input, ctx) => printing.printCashback(ctx, input),
    'printing.jobs': (input) => queue.jobs(input),
    'printing.retry': (input, ctx) => queue.retry(ctx, input.jobId),
    'printing.cancel': (input, ctx) => queue.cancel(ctx, input.jobId),
    'printing.pause': (input, ctx) => queue.pause(ctx, input.jobId),
    'printing.resume': (input, ctx) => queue.resume(ctx, input.jobId),
    'printing.reprint': (input, ctx) => queue.reprint(ctx, input.jobId),
    'printers.usbDevices': () => printers.usbDevices(),
    'printers.status': (input) => printers.status(input.printerId),
    'printing.getLogo': () => slips.getLogo(),
    'printing.setLogo': (input, ctx) => slips.setLogo(ctx, input),
    'printing.printDailySummary': (input, ctx) => printing.printDailySummary(ctx, input),
  };
};
