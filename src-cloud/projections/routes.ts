import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { ChainStockQuery } from './chain-stock';

export function registerChainRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  chain: ChainStockQuery,
) {
  registerEndpoint(app, deps, 'sync.chainStock', async ({ query }, ctx) =>
    chain.changes(ctx.device, query),
  );
  registerEndpoint(app, deps, 'sync.chainDaily', async ({ query }, ctx) =>
    chain.daily(ctx.device, query),
  );
}
