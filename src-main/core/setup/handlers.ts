import type { HandlerMap } from '../platform/context';
import type { SetupService } from './service';

export const setupHandlers = (
  setup: SetupService,
): Pick<HandlerMap, 'setup.status' | 'setup.initialize'> => ({
  'setup.status': () => setup.status(),
  'setup.initialize': (input, ctx) => setup.initialize(ctx, input),
});
