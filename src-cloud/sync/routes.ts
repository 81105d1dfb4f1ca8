import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { OnlineClaims } from './online-claims';
import type { PullService } from './pull';
import type { PushService } from './push';

export function registerSyncRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  push: PushService,
  pull: PullService,
  claims: OnlineClaims,
) {
  registerEndpoint(app, deps, 'sync.push', async ({ body }, ctx) => ({
    results: await push.push(ctx.device, body.events, ctx.lang),
  }));
  registerEndpoint(app, deps, 'sync.pull', async ({ query }, ctx) => pull.pull(ctx.device, query));
  registerEndpoint(app, deps, 'sync.claims', async ({ body }, ctx) =>
    claims.handle(ctx.device, body),
  );
}
