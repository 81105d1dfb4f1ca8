import { asStaff, type HandlerMap } from '../platform/context';
import type { ApiKeysService } from './service';

export const apiKeysHandlers = (
  keys: ApiKeysService,
): Pick<HandlerMap, 'apiKeys.list' | 'apiKeys.create' | 'apiKeys.revoke'> => ({
  'apiKeys.list': (input) => keys.list(input.terminalId),
  'apiKeys.create': (input, ctx) => keys.create(asStaff(ctx), input),
  'apiKeys.revoke': (input, ctx) => keys.revoke(ctx, input.id),
});
