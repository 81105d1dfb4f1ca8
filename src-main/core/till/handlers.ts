import type { HandlerMap } from '../platform/context';
import type { TillService } from './service';

/** The till's methods: settings, receipts, the drawer, shifts and the day close. */
export const tillHandlers = (
  till: TillService,
): Pick<
  HandlerMap,
  | 'till.settings'
  | 'till.updateSettings'
  | 'printing.printReceipt'
  | 'drawer.open'
  | 'shifts.open'
  | 'shifts.current'
  | 'shifts.handover'
  | 'shifts.list'
  | 'dayClose.preview'
  | 'dayClose.commit'
  | 'dayClose.list'
  | 'dayClose.print'
> => ({
  'till.settings': () => till.getSettings(),
  'till.updateSettings': (input, ctx) => till.updateSettings(ctx, input),
  'printing.printReceipt': (input, ctx) => till.printReceipt(ctx, input),
  'drawer.open': (input, ctx) => till.openDrawer(ctx, input),
  'shifts.open': (input, ctx) => till.openShift(ctx, input),
  'shifts.current': (input, ctx) => till.currentShift(ctx, input),
  'shifts.handover': (input, ctx) => till.handOver(ctx, input),
  'shifts.list': (input, ctx) => till.listShifts(ctx, input),
  'dayClose.preview': (input) => till.preview(input),
  'dayClose.commit': (input, ctx) => till.commit(ctx, input),
  'dayClose.list': (input, ctx) => till.listCloses(ctx, input),
  'dayClose.print': (input, ctx) => till.printClose(ctx, input),
});
