import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { WalletShares } from './service';

/** Sharing coupons between phones: the giver's link, its page, its acceptance and its recall. */
export function registerShareRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  merchants: MerchantsService,
  shares: WalletShares,
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
}
