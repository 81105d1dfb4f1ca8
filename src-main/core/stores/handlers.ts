import type { HandlerMap } from '../platform/context';
import type { StoresService } from './service';

export const storesHandlers = (
  stores: StoresService,
): Pick<
  HandlerMap,
  | 'stores.list'
  | 'stores.create'
  | 'stores.update'
  | 'terminals.create'
  | 'terminals.update'
  | 'terminals.whoami'
> => ({
  'stores.list': (input) => stores.list(input.includeInactive),
  'stores.create': (input, ctx) => stores.create(ctx, input),
  'stores.update': (input, ctx) => stores.update(ctx, input),
  'terminals.create': (input, ctx) => stores.createTerminal(ctx, input),
  'terminals.update': (input, ctx) => stores.updateTerminal(ctx, input),
  'terminals.whoami': (_input, ctx) => {
    if (ctx.actor.kind !== 'terminal') throw new Error('expected a terminal key');
    const { terminals: _all, ...store } = stores.get(ctx.actor.storeId);
    return { terminal: stores.getTerminal(ctx.actor.terminalId), store };
  },
});
