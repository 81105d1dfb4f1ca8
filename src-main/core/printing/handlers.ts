import { AppError } from '../platform/app-error';
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
  // Being built on this branch: the contract comes first so the printers page can use it.
  'printers.usbDevices': () => [],
  'printers.status': (input) => ({
    printerId: input.printerId,
    status: 'unknown',
    error: null,
    checkedAt: Date.now(),
  }),
  'printing.getLogo': () => ({ pngBase64: null, width: null, height: null }),
  'printing.setLogo': () => {
    throw new AppError('PRINTER_UNSUPPORTED');
  },
  'printing.printDailySummary': () => {
    throw new AppError('PRINTER_UNSUPPORTED');
  },
});
