import type { HandlerMap } from '../platform/context';
import type { SharesService } from './service';

/** The share history of a campaign, as the wallet reported it. */
export const sharesHandlers = (shares: SharesService): Pick<HandlerMap, 'shares.tree'> => ({
  'shares.tree': (input) => shares.tree(input),
});
