import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { PromotionsQuery } from './query';

/** What a signed-in consumer reads of a merchant's published advice. */
export function registerPromotionsRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  merchants: MerchantsService,
  promotions: PromotionsQuery,
) {
  registerEndpoint(app, deps, 'consumers.strategies', async ({ query }, ctx) => {
    const merchant = await merchants.get(ctx.consumer.merchantId);
    const here =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng }
        : null;
    return promotions.list(merchant, here);
  });
}
