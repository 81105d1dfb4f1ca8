import type { HandlerMap } from '../platform/context';
import type { HomeService } from './service';

export const homeHandlers = (home: HomeService): Pick<HandlerMap, 'home.today'> => ({
  'home.today': (_input, ctx) => home.today(ctx),
});
