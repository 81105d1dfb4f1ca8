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
  | 'printing.pause'
  | 'printing.resume'
  | 'printing.reprint'
  | 'printers.usbDevices'
  | 'printers.status'
  | 'printing.getLogo'
  | 'printing.setLogo'
  | 'printing.printDailySummary'
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
  'printing.pause': (input, ctx) => printing.pause(ctx, input.jobId),
  'printing.resume': (input, ctx) => printing.resume(ctx, input.jobId),
  'printing.reprint': (input, ctx) => printing.reprint(ctx, input.jobId),
  'printers.usbDevices': () => printing.usbDevices(),
  'printers.status': (input) => printing.status(input.printerId),
  'printing.getLogo': () => printing.getLogo(),
  'printing.setLogo': (input, ctx) => printing.setLogo(ctx, input),
  'printing.printDailySummary': (input, ctx) => printing.printDailySummary(ctx, input),
});
