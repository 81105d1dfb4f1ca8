import type { FastifyInstance } from 'fastify';
import type { DevicesService } from '../devices/service';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from './service';

/** The operator's API: merchants, pairing codes, the merchants' devices and signing keys. */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  merchants: MerchantsService,
  devices: DevicesService,
) {
  registerEndpoint(app, deps, 'admin.createMerchant', async ({ body }) => merchants.create(body));
  registerEndpoint(app, deps, 'admin.listMerchants', async () => ({
    merchants: await merchants.list(),
  }));
  registerEndpoint(app, deps, 'admin.issuePairingCode', async ({ params, body }) =>
    merchants.issuePairingCode(params.merchantId, body),
  );
  registerEndpoint(app, deps, 'admin.listDevices', async ({ params }) => ({
    devices: await devices.list(params.merchantId),
  }));
  registerEndpoint(app, deps, 'admin.revokeDevice', async ({ params }) =>
    devices.revoke(params.merchantId, params.deviceId),
  );
  registerEndpoint(app, deps, 'admin.activateSigningKey', async ({ params }) =>
    devices.activateSigningKey(params.merchantId, params.kid),
  );
}
