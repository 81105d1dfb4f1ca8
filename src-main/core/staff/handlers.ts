import { asStaff, type HandlerMap } from '../platform/context';
import type { StaffService } from './service';

export const staffHandlers = (
  staff: StaffService,
): Pick<
  HandlerMap,
  | 'staff.list'
  | 'staff.create'
  | 'staff.update'
  | 'staff.deactivate'
  | 'staff.reactivate'
  | 'staff.resetPin'
> => ({
  'staff.list': (input) => staff.list(input.includeInactive),
  'staff.create': (input, ctx) => staff.create(asStaff(ctx), input),
  'staff.update': (input, ctx) => staff.update(asStaff(ctx), input),
  'staff.deactivate': (input, ctx) => staff.deactivate(asStaff(ctx), input.id),
  'staff.reactivate': (input, ctx) => staff.reactivate(asStaff(ctx), input.id),
  'staff.resetPin': (input, ctx) => staff.resetPin(asStaff(ctx), input),
});
