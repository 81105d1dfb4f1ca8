import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { WalletAsks } from './asks';
import type { WalletShares } from './service';

/**
 * Sharing coupons between phones: the giver's link, its page, its acceptance and its recall;
 * asking nearby holders for one, and their answers.
 */
export function registerShareRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  merchants: MerchantsService,
  shares: WalletShares,
  asks: WalletAsks,
) {
  registerEndpoint(app, deps, 'consumers.createShare', async ({ params, body }, ctx) =>
    shares.create(ctx.consumer, params.merchantCode, params.couponId, body.mode),
  );
  registerEndpoint(app, deps, 'consumers.shareOffer', async ({ params }) => {
    const merchant = await merchants.byCode(params.merchantCode);
    return shares.offer(merchant, params.token);
  });
  registerEndpoint(app, deps, 'consumers.acceptShare', async ({ params }, ctx) =>
    shares.accept(ctx.consumer, params.token),
  );
  registerEndpoint(app, deps, 'consumers.recallShare', async ({ params }, ctx) =>
    shares.recall(ctx.consumer, params.token),
  );
  registerEndpoint(app, deps, 'consumers.ask', async ({ params, body }, ctx) =>
    asks.ask(ctx.consumer, params.merchantCode, body),
  );
  registerEndpoint(app, deps, 'consumers.myAsks', async ({ params }, ctx) =>
    asks.mine(ctx.consumer, params.merchantCode),
  );
  registerEndpoint(app, deps, 'consumers.incomingAsks', async (_input, ctx) =>
    asks.incoming(ctx.consumer),
  );
  registerEndpoint(app, deps, 'consumers.giveAsk', async ({ params }, ctx) =>
    asks.give(ctx.consumer, params.merchantCode, params.askId),
  );
  registerEndpoint(app, deps, 'consumers.declineAsk', async ({ params, body }, ctx) =>
    asks.decline(ctx.consumer, params.askId, body.refuse),
  );
}
