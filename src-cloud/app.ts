import Fastify from 'fastify';
import { systemClock, type Clock } from '../src-node/clock';
import { answerInEnvelope, languageOf, sendError } from '../src-node/http';
import { createConsoleLogger, type Logger } from '../src-node/logger';
import type { CloudConfig } from './config';
import { ConsumerCashback } from './consumers/cashback';
import { CashbackLedger } from './consumers/cashback-ledger';
import { ensureProjections } from './projections/rebuild';
import { ConsumerHistory } from './consumers/history';
import { OtpService } from './consumers/otp';
import { registerConsumerRoutes } from './consumers/routes';
import type { CloudDatabase } from './db/open';
import { registerDeviceRoutes } from './devices/routes';
import { DevicesService } from './devices/service';
import { registerDocsRoutes } from './docs/routes';
import type { EndpointDeps } from './http/endpoint';
import { DatabaseRateLimiter, MemoryRateLimiter, type RateLimiter } from './http/rate-limit';
import { registerAdminRoutes } from './merchants/routes';
import { MerchantsService } from './merchants/service';
import { SigningKeysStore } from './merchants/signing-keys';
import { SmsCallbacks } from './outreach/callbacks';
import { OutreachCampaigns } from './outreach/campaigns';
import { OutreachSender } from './outreach/queue';
import { registerOutreachRoutes } from './outreach/routes';
import { createSmsProvider } from './sms';
import type { SmsProvider } from './sms/provider';
import { PullService } from './sync/pull';
import { PushService } from './sync/push';
import { registerSyncRoutes } from './sync/routes';
import { OnlineClaims } from './sync/online-claims';
import { registerChainRoutes } from './projections/routes';
import { PromotionsQuery } from './promotions/query';
import { registerPromotionsRoutes } from './promotions/routes';
import { registerShareRoutes } from './shares/routes';
import { WalletAsks } from './shares/asks';
import { WalletShares } from './shares/service';
import { ChainStockQuery } from './projections/chain-stock';
import { TaskOrders } from './tasks/orders';
import { registerTaskRoutes } from './tasks/routes';
import { TasksService } from './tasks/service';
import { TaskSweeper } from './tasks/sweep';
import { JobLease } from './jobs/lease';
import { ConsumerLive } from './live/hub';
import { registerLiveRoutes } from './live/routes';
import { WalletClaims } from './wallet/claims';
import { ConsumerConsents } from './wallet/consents';
import { WalletOffers } from './wallet/offers';
import { registerConsumerPages } from './wallet/pages';
import { registerWalletRoutes } from './wallet/routes';
import { ConsumerSessions } from './wallet/sessions';

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
  // An upgraded cloud builds its projections from the log it already holds, once.
  const built = await ensureProjections(db, clock.now());
  if (built?.events) logger.info('projections built from the event log', { ...built });
  const ledger = new CashbackLedger();
  const push = new PushService(db, clock, devices, ledger);
  const pull = new PullService(db, merchants);
  const cashback = new ConsumerCashback(db, clock, ledger);
  const sms = options.sms ?? createSmsProvider(config.sms, logger);
  const otp = new OtpService(db, clock, config.otp, sms, logger, config.smsCaps, config.deployment);
  const history = new ConsumerHistory(db);
  const sessions = new ConsumerSessions(db, clock);

  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logger: false,
    return503OnClosing: true,
  });

  answerInEnvelope(app, logger, 'cloud request failed');
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, languageOf(request), 'NOT_FOUND', { path: request.url.split('?')[0] }),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    // Only the consumer app's hashed files say otherwise (wallet/pages.ts).
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const store =
    config.rateLimits.store ?? (options.database.kind === 'postgres' ? 'database' : 'memory');
  const limiter = (name: 'device' | 'public'): RateLimiter =>
    store === 'database'
      ? new DatabaseRateLimiter(db, `${config.deployment}:${name}`, config.rateLimits[name], clock)
      : new MemoryRateLimiter(config.rateLimits[name], clock);
  const deps: EndpointDeps = {
    adminToken: config.adminToken,
    authenticateDevice: (token) => devices.authenticate(token),
    authenticateConsumer: (merchantCode, token) => sessions.authenticate(merchantCode, token),
    limiters: {
      device: limiter('device'),
      public: limiter('public'),
    },
    validateOutputs: config.validateOutputs,
    smsCallbackToken: config.sms.callbackToken,
  };
  app.get('/health', async () => ({
    ok: true,
    data: { status: 'up', database: options.database.kind },
  }));
  registerAdminRoutes(app, deps, merchants, devices);
  registerDeviceRoutes(app, deps, devices);
  registerSyncRoutes(app, deps, push, pull, new OnlineClaims(db, clock, devices));
  registerChainRoutes(app, deps, new ChainStockQuery(db));
  registerPromotionsRoutes(app, deps, merchants, new PromotionsQuery(db));
  registerConsumerRoutes(app, deps, { merchants, cashback, otp, history });
  const offers = new WalletOffers(db, clock);
  const consents = new ConsumerConsents(db, clock);
  registerWalletRoutes(app, deps, {
    db,
    clock,
    merchants,
    otp,
    sessions,
    consents,
    offers,
    claims: new WalletClaims(db, clock),
  });
  const shares = new WalletShares(db, clock, config.sharing);
  registerShareRoutes(app, deps, merchants, shares, new WalletAsks(db, clock, consents, shares));
  const tasks = new TasksService(db, clock, config.tasks);
  registerTaskRoutes(app, deps, merchants, tasks, new TaskOrders(db, clock, consents));
  const stopSweeping = new TaskSweeper(
    db,
    clock,
    tasks,
    logger,
    new JobLease(db, config.deployment, 'tasks.sweep'),
  ).start(config.tasks.sweepEveryMs);
  app.addHook('onClose', async () => stopSweeping());
  registerOutreachRoutes(
    app,
    deps,
    new OutreachCampaigns(db, clock, merchants, config.deployment),
    new SmsCallbacks(db, clock),
  );
  const live = new ConsumerLive(options.database, logger, config.live);
  const stopLive = await live.start();
  // Before the server waits for its connections to end: open streams never would by themselves.
  app.addHook('preClose', async () => stopLive());
  registerLiveRoutes(app, deps, live, clock);
  registerDocsRoutes(app, CLOUD_API_VERSION);
  await registerConsumerPages(app, config.consumerAppDir, { merchants, offers });
  const sender = new OutreachSender(db, clock, sms, config.outreach, config.deployment, logger);
  const stopSending = sender.start();
  // Closing stops claiming and waits for the texts in flight: a graceful restart resends none.
  app.addHook('onClose', async () => stopSending());
  return app;
}
