import { asStaff, type HandlerMap } from '../platform/context';
import type { AuthService } from './service';

export const authHandlers = (
  auth: AuthService,
): Pick<
  HandlerMap,
  'auth.loginOptions' | 'auth.login' | 'auth.logout' | 'auth.session' | 'auth.lock' | 'auth.unlock'
> => ({
  'auth.loginOptions': () => auth.loginOptions(),
  'auth.login': (input, ctx) => auth.login(ctx, input),
  'auth.logout': (_input, ctx) => auth.logout(asStaff(ctx)),
  'auth.session': (_input, ctx) => auth.session(asStaff(ctx).actor),
  'auth.lock': (_input, ctx) => auth.lock(asStaff(ctx)),
  'auth.unlock': (input, ctx) => auth.unlock(asStaff(ctx), input.pin),
});
