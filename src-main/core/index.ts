import path from 'node:path';
import { ApiKeysService } from './apiKeys/service';
import { apiKeysHandlers } from './apiKeys/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { AppDatabase } from './db/database';
import { openDatabase } from './db/open';
import { createDispatcher, type CallOptions } from './dispatch';
import { buildSharedServices } from './shared-services';
import { systemClock, type Clock } from '../../src-node/clock';
import { defaultCoreConfig, type CoreConfig } from './config';
import type { HandlerMap } from './platform/context';
import { EventBus, type EventListener } from './platform/event-bus';
import { privateFolder, privateTree } from './platform/private-files';
import { createFileLogger, type Logger } from '../../src-node/logger';
import { SetupService } from './setup/service';
import { setupHandlers } from './setup/handlers';
import { staffHandlers } from './staff/handlers';
import { storesHandlers } from './stores/handlers';
import { productsHandlers } from './products/handlers';
import { CouponsService } from './coupons/service';
import { BatchesService } from './coupons/batches';
import { couponsHandlers } from './coupons/handlers';
import { redemptionHandlers } from './redemption/handlers';
import { CashbackService } from './cashback/service';
import { cashbackHandlers } from './cashback/handlers';
import { PrintingService } from './printing/service';
import { printingHandlers } from './printing/handlers';
import {
  queryPrinterStatus,
  sendToPrinter,
  type QueryPrinterStatus,
  type SendToPrinter,
} from '../devices/printing/send';
import { loadUsbModule, UsbPrinterWatch, type UsbModuleLike } from '../devices/printing/usb-bus';
import { ProductImportService } from './products/import';
import { MemberImportService } from './members/import';
import { memberImportHandlers } from './members/import-handlers';
import { fillMissingInitials } from './products/initials';
import { stockHandlers } from './stock/handlers';
import { StocktakeService } from './stocktake/service';
import { stocktakeHandlers } from './stocktake/handlers';
import { alertsHandlers } from './alerts/handlers';
import { AlertRulePreview } from './alerts/preview';
import { SalesImportService } from './sales/import';
import { SalesImportRuns } from './sales/import-runs';
import { InventoryJobs } from './inventory-worker/jobs';
import { salesHandlers } from './sales/handlers';
import { ScannerService, type OpenHidScanners } from './scanner/service';
import { scannerHandlers } from './scanner/handlers';
import { AnalyticsService } from './analytics/service';
import { InsightsService } from './analytics/insights';
import { StoreReports } from './analytics/store-report';
import { ReportsService } from './analytics/reports';
import { AnalyticsJobs } from './analytics/jobs';
import { analyticsHandlers } from './analytics/handlers';
import { scheduleAnalyticsReadAhead } from './analytics/read-ahead';
import { SyncService } from './sync/service';
import { syncHandlers } from './sync/handlers';
import { CloudFirstRedeem } from './redemption/cloud-first';
import { chainHandlers } from './chain/handlers';
import { SyncLink } from './sync/link';
import type { SecretSealer } from './platform/secret-sealer';
import { BackupService } from './settings/backups';
import { settingsHandlers } from './settings/handlers';
import { HomeService } from './home/service';
import { homeHandlers } from './home/handlers';
import type { ShopControl } from './settings/shop-control';
import { ShopSettingsService } from './settings/shop-settings';
import { defaultMigrationsDir } from './db/open';
import { TillService } from './till/service';
import { tillHandlers } from './till/handlers';
import { registerTillSlips } from './till/slips';
import { membersHandlers } from './members/handlers';
import { MemberSettingsService } from './members/settings-service';
import { sharesHandlers } from './shares/handlers';
import { SharesService } from './shares/service';
import { tasksHandlers } from './tasks/handlers';
import { buildOutreach } from './outreach/build';
import { outreachHandlers } from './outreach/handlers';
import { scheduleAutomations } from './outreach/automations';
import { TasksDesk } from './tasks/service';
import { scheduleMemberJobs } from './members/jobs';
import { MemberProfiles } from './members/profiles';
import { ClaimsService } from './claims/service';
import { claimsHandlers } from './claims/handlers';
import { registerClaimSlips } from './claims/slips';

export type { CallOptions } from './dispatch';
export type { CoreConfig } from './config';

export interface CoreOptions {
  /** Folder for the database, its backups and the logs. */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  config?: Partial<CoreConfig>;
  /** Where the drizzle-kit migrations are (defaults to beside the code). */
  migrationsDir?: string;
  /** How print jobs reach printers (tests pass a failing or recording one). */
  sendToPrinter?: SendToPrinter;
  /** How printers are asked for their status (DLE EOT). */
  queryPrinterStatus?: QueryPrinterStatus;
  /** The USB bus for the printers list and hotplug events (tests pass a fake; default: `usb`). */
  loadUsb?: () => Promise<UsbModuleLike>;
  /** Reads HID-POS scanners (the Electron shell and `npm run serve`; tests leave it out). */
  hidScanners?: OpenHidScanners;
  /**
   * Seals the signing keys and the cloud device token in the database: the Electron shell passes
   * one over the OS key store (safeStorage); without it they are kept plain (browser mode).
   */
  secretSealer?: SecretSealer;
  /** How the settings page switches to the demo shop or restores a backup (the shop host). */
  shop?: ShopControl;
}

export const DATABASE_FILE = 'storedesk.db';

/**
 * Builds the whole app over one SQLite file. Electron, the local API server, the tests and the
 * benchmarks all start StoreDesk this way.
 */
export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  privateFolder(options.dataDir);
  privateTree(path.join(options.dataDir, 'exports'));
  const logger = options.logger ?? createFileLogger(path.join(options.dataDir, 'logs'));
  const config: CoreConfig = { ...defaultCoreConfig, ...options.config };
  const { sqlite, db } = await openDatabase({
    file: path.join(options.dataDir, DATABASE_FILE),
    backupDir: path.join(options.dataDir, 'backups'),
    migrationsDir: options.migrationsDir,
    logger,
  });
  const bus = new EventBus();
  const adb = new AppDatabase(sqlite, db, bus);

  const {
    audit,
    settings,
    sessions,
    outbox,
    stores,
    staff,
    auth,
    products,
    keys,
    templates,
    redemption,
    alerts,
    publications,
    stock,
    sales,
    issuer,
    ledgers,
    codesGuard,
    businessDays,
    members,
    levels,
    memberCoupons,
    points,
    memberPrivacy,
    memberMerges,
    remoteMembers,
  } = buildSharedServices(adb, clock, config, { sealer: options.secretSealer, logger });
  if (options.secretSealer && options.secretSealer.kind !== 'plain') {
    const sealed = keys.sealStored();
    new SyncLink(adb, options.secretSealer).sealStored();
    logger.info('secrets sealed', { by: options.secretSealer.kind, plainKeysSealedNow: sealed });
  }
  const setup = new SetupService(adb, clock, audit, stores, staff, settings);
  const shopSettings = new ShopSettingsService(adb, settings, audit);
  const backups = new BackupService(
    sqlite,
    clock,
    logger,
    path.join(options.dataDir, 'backups'),
    options.migrationsDir ?? defaultMigrationsDir(),
  );
  const apiKeys = new ApiKeysService(adb, clock, audit);
  const batches = new BatchesService(adb, clock, logger, audit, stores, templates, issuer, keys, {
    databaseFile: path.join(options.dataDir, DATABASE_FILE),
    migrationsDir: options.migrationsDir,
    exportsDir: path.join(options.dataDir, 'exports'),
  });
  batches.recoverInterrupted();
  const couponsService = new CouponsService(
    adb,
    clock,
    ledgers.issued,
    issuer,
    stores,
    keys,
    templates,
    codesGuard,
  );
  const printing = new PrintingService(
    adb,
    clock,
    logger,
    audit,
    stores,
    templates,
    issuer,
    keys,
    products,
    settings,
    {
      send: options.sendToPrinter ?? sendToPrinter,
      status: options.queryPrinterStatus ?? queryPrinterStatus,
      usb: new UsbPrinterWatch(options.loadUsb ?? loadUsbModule),
    },
    codesGuard,
  );
  const cashback = new CashbackService(
    adb,
    clock,
    ledgers.cashback,
    templates,
    issuer,
    keys,
    products,
    stores,
    settings,
    codesGuard,
  );

  const productImport = new ProductImportService(adb, clock, audit);
  const inventoryJobs = new InventoryJobs(
    adb,
    clock,
    logger,
    {
      products: productImport,
      sales: new SalesImportService(adb, audit, sales),
      members: new MemberImportService({
        adb,
        clock,
        audit,
        members: ledgers.members,
        points: ledgers.points,
        levels,
        settings,
        stores,
      }),
      alerts,
    },
    {
      databaseFile: path.join(options.dataDir, DATABASE_FILE),
      migrationsDir: options.migrationsDir,
      workerMinImportChars: config.inventoryWorker.minImportChars,
      workerMinAlertLevels: config.inventoryWorker.minAlertLevels,
      // A sales import undone half-way leaves the rollups to rebuild from the sales that remain.
      afterUndo: () => analyticsJobs.rebuildIfNeeded(),
    },
  );
  const scanner = new ScannerService(adb, logger, audit, settings, options.hidScanners);
  void scanner.applyMode();

  const analytics = new AnalyticsService(adb, clock);
  const insights = new InsightsService(adb, analytics);
  const reports = new ReportsService(
    clock,
    analytics,
    insights,
    new StoreReports(adb, clock),
    path.join(options.dataDir, 'exports'),
  );
  const analyticsJobs = new AnalyticsJobs(adb, clock, logger, {
    databaseFile: path.join(options.dataDir, DATABASE_FILE),
    migrationsDir: options.migrationsDir,
  });
  // A large sales import cut off by a crash is undone (its rollups rebuilt just below).
  const salesImportRuns = new SalesImportRuns(adb, clock, ledgers.sales, outbox);
  salesImportRuns.recoverInterrupted();
  analyticsJobs.rebuildIfNeeded();
  // Products from before pinyin search (an upgrade) get their initials once.
  const initialsFilled = fillMissingInitials(adb);
  if (initialsFilled) logger.info('products: pinyin initials filled', { count: initialsFilled });
  const analyticsReadAhead = scheduleAnalyticsReadAhead(
    analytics,
    analyticsJobs,
    logger,
    config.analytics.warmUpDelayMs,
  );
  const sync = new SyncService(
    adb,
    clock,
    logger,
    audit,
    settings,
    keys,
    config.sync,
    outbox,
    { ...ledgers, templates, remoteMembers },
    options.secretSealer,
  );
  // Events an older cloud refused for kinds it did not know go out again (after an upgrade).
  const requeued = sync.issues.requeueKnownKinds();
  if (requeued) logger.info('sync: dead letters of now known kinds queued again', { requeued });

  const outreach = buildOutreach({ adb, clock, templates, settings, sync, audit });

  const till = new TillService(
    adb,
    clock,
    audit,
    settings,
    stores,
    auth,
    sales,
    printing,
    ledgers.till,
    businessDays,
  );
  registerTillSlips(adb, clock, printing.slips, {
    sales,
    stores,
    settings,
    dayClose: (storeId, businessDate) => till.preview({ storeId, businessDate }),
    memberOfSale: (saleId) => points.receiptLine(saleId),
  });

  const claims = new ClaimsService(adb, clock, ledgers.claims, templates, stores);
  registerClaimSlips(adb, printing.slips, { claims, templates, products, stores });

  const handlers: HandlerMap = {
    ...setupHandlers(setup),
    ...authHandlers(auth),
    ...staffHandlers(staff, auth),
    ...storesHandlers(stores),
    ...apiKeysHandlers(apiKeys, options.dataDir),
    ...auditHandlers(audit),
    ...productsHandlers(products, inventoryJobs),
    ...memberImportHandlers(inventoryJobs),
    ...couponsHandlers(templates, couponsService, batches, printing),
    ...redemptionHandlers(redemption, new CloudFirstRedeem(redemption, sync, clock)),
    ...cashbackHandlers(cashback, printing),
    ...printingHandlers(printing),
    ...stockHandlers(stock),
    ...stocktakeHandlers(new StocktakeService(adb, clock, audit, stock, products, stores)),
    ...salesHandlers(sales, inventoryJobs),
    ...alertsHandlers(
      alerts,
      inventoryJobs,
      new AlertRulePreview(sqlite, clock, stores),
      publications,
    ),
    ...scannerHandlers(scanner),
    ...analyticsHandlers(analytics, insights, reports, analyticsJobs),
    ...syncHandlers(sync),
    ...chainHandlers(sync.chain, sync.takings),
    ...homeHandlers(new HomeService(adb, clock, stores, settings)),
    ...settingsHandlers({
      shopSettings,
      backups,
      audit,
      sessions,
      logger,
      dataDir: options.dataDir,
      databaseFile: path.join(options.dataDir, DATABASE_FILE),
      shop: options.shop,
    }),
    ...tillHandlers(till),
    ...membersHandlers(
      members,
      levels,
      new MemberSettingsService(adb, settings, audit),
      points,
      memberPrivacy,
      new MemberProfiles(adb.sqlite, clock),
      memberMerges,
    ),
    ...claimsHandlers(claims, printing),
    ...sharesHandlers(new SharesService(sqlite)),
    ...tasksHandlers(new TasksDesk(sync, audit)),
    ...outreachHandlers(outreach),
  };
  printing.queue.resumeInterrupted();
  const dailyAlertPass = alerts.schedule(logger, {}, () =>
    inventoryJobs.evaluateAlerts(
      { actor: { kind: 'anonymous' }, source: 'system', lang: 'zh-CN' },
      {},
    ),
  );
  sync.start();
  // Points expiry, birthday coupons and level reviews: at start-up (catching up a PC that was
  // off) and every few hours; each pass does only what is due.
  const memberJobs = scheduleMemberJobs(logger, { points, memberCoupons, levels });
  // Expiry reminders, birthdays and win-back: once a day each, caught up at start-up.
  const outreachJobs = scheduleAutomations(outreach.automations, outreach.summary, logger);
  // A week of daily backups of the real shop (the demo shop is made again when needed).
  const dailyBackup = backups.scheduleDaily(
    () => shopSettings.dailyBackup() && !shopSettings.isDemo(),
  );

  const dispatcher = createDispatcher({
    handlers,
    config,
    logger,
    isInitialized: () => setup.isInitialized(),
    resolveSession: (token) => sessions.resolve(token),
    resolveTerminalKey: (key) => apiKeys.resolve(key),
    sessionOwner: (token) => sessions.ownerOf(token),
  });

  let closed = false;
  return {
    /** Validated, authorized call of any contract method; never throws. */
    call: (method: string, input: unknown, callOptions: CallOptions) =>
      dispatcher.call(method, input, callOptions),
    handlers,
    events: {
      /** Checks an event-stream credential up front (throws the AppError to answer). */
      authorize: dispatcher.eventCaller,
      subscribe: (getCredential: () => string | null | undefined, listener: EventListener) =>
        dispatcher.subscribe(bus, getCredential, listener),
    },
    logger,
    clock,
    /** The members' daily passes, now (they also run at start-up and every few hours). */
    runMemberJobs: () => memberJobs.runNow(),
    /** Today's outreach automations, now (they also run at start-up and every hour). */
    runAutomations: () => outreachJobs.runNow(),
    dataDir: options.dataDir,
    /** For tests and benchmarks that look underneath the services. */
    sqlite,
    adb,
    services: {
      issuer,
      redemption,
      keys,
      batches,
      printing,
      sales,
      alerts,
      scanner,
      analytics,
      analyticsJobs,
      sync,
      inventoryJobs,
      salesImportRuns,
      settings,
      shopSettings,
      backups,
      till,
      members,
      levels,
      memberCoupons,
      points,
    },
    /**
     * Stops background work, then closes the database. A batch cut off mid-chunk loses only that
     * chunk (its transaction rolls back) and is marked interrupted at the next start.
     */
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      batches.terminateAll();
      printing.printers.close();
      dailyAlertPass.stop();
      dailyBackup.stop();
      memberJobs.stop();
      outreachJobs.stop();
      inventoryJobs.terminateAll();
      void scanner.close();
      analyticsJobs.terminate();
      analyticsReadAhead.abort();
      // A sync round under way is cut off (its request aborted) and ends before the database
      // closes; with none running the database closes at once.
      const round = sync.close();
      if (!round) {
        sqlite.close();
        return Promise.resolve();
      }
      return round.then(() => {
        sqlite.close();
      });
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
