// The services that record sales, stock and redemptions, wired in one place: the main thread
// (createCore) and the inventory worker build them the same way, so an imported sale is
// recorded exactly as sales.record records it.
import { AlertEvaluator } from './alerts/evaluator';
import { AlertsService } from './alerts/service';
import { AuditService } from './audit/service';
import { AuthService } from './auth/service';
import { SessionsService } from './auth/sessions';
import { SigningKeys } from './coupons/signing-keys';
import { TemplatesService } from './coupons/templates';
import type { AppDatabase } from './db/database';
import { OutboxService } from './outbox/service';
import type { Clock } from './platform/clock';
import type { CoreConfig } from './platform/context';
import { ProductsService } from './products/service';
import { RedemptionService } from './redemption/service';
import { SalesService } from './sales/service';
import { SettingsService } from './settings/service';
import { StaffService } from './staff/service';
import { StockLedger } from './stock/ledger';
import { StockService } from './stock/service';
import { StoresService } from './stores/service';
import { OfflineAdmissions } from './sync/offline-admissions';
import { readSyncSettings } from './sync/config';

export interface SharedServiceOptions {
  /** Where sales put their outbox rows (the worker holds a large import's rows to its end). */
  salesOutbox?: OutboxService;
}

export function buildSharedServices(
  adb: AppDatabase,
  clock: Clock,
  config: CoreConfig,
  options: SharedServiceOptions = {},
) {
  const audit = new AuditService(adb, clock);
  const settings = new SettingsService(adb, clock);
  const sessions = new SessionsService(adb, clock, config.sessionIdleMs);
  const outbox = new OutboxService(adb, clock);
  const stores = new StoresService(adb, clock, audit, outbox);
  const staff = new StaffService(adb, clock, audit, sessions, outbox);
  const auth = new AuthService(adb, clock, config, audit, sessions, staff, stores, settings);
  const products = new ProductsService(adb, clock, audit);
  const keys = new SigningKeys(adb, clock);
  const templates = new TemplatesService(adb, clock, audit, products, outbox);
  const redemption = new RedemptionService(
    adb,
    clock,
    config,
    audit,
    outbox,
    templates,
    keys,
    products,
    stores,
    auth,
    new OfflineAdmissions(adb, clock, () => readSyncSettings(settings)),
  );
  const alerts = new AlertsService(adb, clock, audit, stores, new AlertEvaluator(adb, clock));
  const stock = new StockService(
    adb,
    clock,
    audit,
    outbox,
    new StockLedger(adb, clock),
    products,
    stores,
    alerts,
  );
  const sales = new SalesService(
    adb,
    clock,
    audit,
    options.salesOutbox ?? outbox,
    products,
    stock,
    redemption,
  );
  return {
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
    stock,
    sales,
  };
}
