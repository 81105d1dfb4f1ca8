import { AppError } from '../../../src-node/app-error';
import type { AuthService } from '../auth/service';
import { asStaff, type HandlerMap } from '../platform/context';
import type { StaffService } from './service';

export const staffHandlers = (
  staff: StaffService,
  auth: AuthService,
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
  'staff.resetPin': async (input, ctx) => {
    const caller = asStaff(ctx);
    // One's own PIN changes only with the current one: a till left logged in is not enough to
    // take the account over. Someone else's PIN is reset by rank, as before (and audited).
    if (input.id === caller.actor.staffId) {
      if (!input.currentPin) throw new AppError('CURRENT_PIN_REQUIRED');
      await auth.confirmOwnPin(caller, input.currentPin, 'pinChange');
    }
    return staff.resetPin(caller, input);
  },
});
