import type { FastifyInstance } from 'fastify';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { DevicesService } from './service';

/** Pairing, the device's own token, and the merchant's signing keys. */
export function registerDeviceRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  devices: DevicesService,
) {
  registerEndpoint(app, deps, 'devices.pair', async ({ body }) => devices.pair(body));
  registerEndpoint(app, deps, 'devices.me', async (_input, ctx) => devices.info(ctx.device));
  registerEndpoint(app, deps, 'devices.rotateToken', async (_input, ctx) =>
    devices.rotateToken(ctx.device),
  );
  registerEndpoint(app, deps, 'devices.unpair', async (_input, ctx) => devices.unpair(ctx.device));
  registerEndpoint(app, deps, 'devices.signingKeys', async (_input, ctx) =>
    devices.signingKeys(ctx.device),
  );
  registerEndpoint(app, deps, 'devices.uploadSigningKeys', async ({ body }, ctx) =>
    devices.uploadSigningKeys(ctx.device, body),
  );
}
