import Fastify from 'fastify';
import type { CloudConfig } from './config';
import { CashbackLedger } from './consumers/cashback-ledger';
import { ConsumerCashback } from './consumers/cashback';
import { ConsumerHistory } from './consumers/history';
import { OtpService } from './consumers/otp';
import { registerConsumerRoutes } from './consumers/routes';
import type { CloudDatabase } from './db/open';
import { registerDeviceRoutes } from './devices/routes';
import { DevicesService } from './devices/service';
import { registerDocsRoutes } from './docs/routes';
import { CloudError } from './http/cloud-error';
import type { EndpointDeps } from './http/endpoint';
import { RateLimiter } from './http/rate-limit';
import { languageOf, sendError } from './http/reply';
import { registerAdminRoutes } from './merchants/routes';
import { MerchantsService } from './merchants/service';
import { SigningKeysStore } from './merchants/signing-keys';
import { systemClock, type Clock } from './platform/clock';
import { createConsoleLogger, type Logger } from './platform/logger';
import { createSmsProvider } from './sms';
import type { SmsProvider } from './sms/provider';
import { PullService } from './sync/pull';
import { PushService } from './sync/push';
import { registerSyncRoutes } from './sync/routes';

export const CLOUD_API_VERSION = '1.0.0';

export interface CloudAppOptions {
  database: CloudDatabase;
  config: CloudConfig;
  clock?: Clock;
  logger?: Logger;
  /** Instead of the one the config names. */
  sms?: SmsProvider;
}

/** The cloud server: every service over one database, and the HTTP API in front of them. */
export async function buildCloudApp(options: CloudAppOptions) {
  const { config } = options;
  const db = options.database.db;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createConsoleLogger();

  const merchants = new MerchantsService(db, clock);
  const keys = new SigningKeysStore();
  const devices = new DevicesService(db, clock, merchants, keys);
  const ledger = new CashbackLedger();
  const push = new PushService(db, clock, devices, ledger);
  const pull = new PullService(db, merchants);
  const cashback = new ConsumerCashback(db, clock, ledger);
  const sms = options.sms ?? createSmsProvider(config.sms, logger);
  const otp = new OtpService(db, clock, config.otp, sms, logger);
  const history = new ConsumerHistory(db);

  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logger: false,
    return503OnClosing: true,
  });

  // Clients are not always careful with Content-Type: every body is read as JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (!text) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new CloudError('BAD_JSON'), undefined);
    }
  });

  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    const lang = languageOf(request);
    if (error instanceof CloudError) return sendError(reply, lang, error.code, error.details);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      return sendError(reply, lang, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendError(reply, lang, 'BAD_JSON');
    logger.error('cloud request failed', { method: request.method, url: request.url, error });
    return sendError(reply, lang, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, languageOf(request), 'NOT_FOUND', { path: request.url.split('?')[0] }),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const deps: EndpointDeps = {
    adminToken: config.adminToken,
    authenticateDevice: (token) => devices.authenticate(token),
    limiters: {
      device: new RateLimiter(config.rateLimits.device, clock),
      public: new RateLimiter(config.rateLimits.public, clock),
    },
    validateOutputs: config.validateOutputs,
  };
  app.get('/health', async () => ({
    ok: true,
    data: { status: 'up', database: options.database.kind },
  }));
  registerAdminRoutes(app, deps, merchants, devices);
  registerDeviceRoutes(app, deps, devices);
  registerSyncRoutes(app, deps, push, pull);
  registerConsumerRoutes(app, deps, { merchants, cashback, otp, history });
  registerDocsRoutes(app, CLOUD_API_VERSION);
  return app;
}
