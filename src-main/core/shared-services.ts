// The services that record sales, stock, coupons and redemptions, with their ledgers and what
// follows each ledger's domain events, wired in one place: the main thread (createCore) and the
// workers build them the same way, so an imported sale or a batch chunk is recorded, counted,
// audited and sent to the cloud exactly as the till's own.
import { AlertEvaluator } from './alerts/evaluator';
import { AlertsService } from './alerts/service';
import { rollupEffects } from './analytics/rollup-effects';
import { AuditService } from './audit/service';
import { AuthService } from './auth/service';
import { SessionsService } from './auth/sessions';
import { PinThrottle } from './auth/pin-throttle';
import { cashbackEffects } from './cashback/effects';
import { CodesGuard } from './codes-guard/guard';
import { CashbackLedger } from './cashback/ledger';
import { couponEffects } from './coupons/effects';
import { IssueService } from './coupons/issue';
import { IssueLedger } from './coupons/issue-ledger';
import { SigningKeys } from './coupons/signing-keys';
import type { SecretSealer } from './platform/secret-sealer';
import { TemplatesService } from './coupons/templates';
import type { AppDatabase } from './db/database';
import { DomainEvents } from './events/domain-events';
import { OutboxService } from './outbox/service';
import type { Clock } from '../../src-node/clock';
import type { CoreConfig } from './config';
import { ProductsService } from './products/service';
import { redemptionEffects } from './redemption/effects';
import { RedemptionRules } from './redemption/evaluation';
import { RedemptionLedger } from './redemption/ledger';
import { RedemptionReadModel } from './redemption/read-model';
import { RedemptionService } from './redemption/service';
import { salesEffects } from './sales/effects';
import { SalesLedger } from './sales/ledger';
import { SalesService } from './sales/service';
import { SettingsService } from './settings/service';
import { StaffService } from './staff/service';
import { stockEffects } from './stock/effects';
import { StockLedger } from './stock/ledger';
import { StockService } from './stock/service';
import { StoresService } from './stores/service';
import { BusinessDays } from './till/business-days';
import { tillEffects } from './till/effects';
import { TillLedger } from './till/ledger';
import { readTillSettings } from './till/settings';
import { OfflineAdmissions } from './sync/offline-admissions';
import { readSyncSettings } from './sync/config';
import { MembersLedger } from './members/ledger';
import { LevelsService } from './members/levels';
import { MemberCoupons } from './members/coupons';
import { MembersService } from './members/service';
import { memberEffects } from './members/effects';
import { strategyEffects } from './strategies/effects';
import { StrategyPublications } from './strategies/publications';
import { PointsLedger } from './points/ledger';
import { PointsService } from './points/service';
import { pointsEffects } from './points/effects';
import { ClaimsLedger } from './claims/ledger';
import { claimsEffects } from './claims/effects';
import type { Logger } from '../../src-node/logger';
import { SharesLedger } from './shares/ledger';
import { TaskNotices } from './tasks/notices';
import { SuppressionLedger } from './outreach/suppressions';
import { MemberMerges } from './members/merge';
import { MemberPrivacy } from './members/privacy';
import { RemoteMembers } from './members/remote';

export interface SharedServiceOptions {
  /** Where the outbox rows go (the inventory worker holds a large import's rows to its end). */
  outbox?: OutboxService;
  /** Seals the signing keys in the database (the OS key store in Electron; else plain). */
  sealer?: SecretSealer;
  /** Where a coupon the member jobs could not give is noted. */
  logger?: Pick<Logger, 'warn'>;
}

export function buildSharedServices(
  adb: AppDatabase,
  clock: Clock,
  config: CoreConfig,
  options: SharedServiceOptions = {},
) {
  const events = new DomainEvents(adb);
  const audit = new AuditService(adb, clock);
  const settings = new SettingsService(adb, clock);
  const sessions = new SessionsService(adb, clock, config.sessionIdleMs);
  const outbox = options.outbox ?? new OutboxService(adb, clock);
  const stores = new StoresService(adb, clock, audit, outbox);
  const staff = new StaffService(adb, clock, audit, sessions, outbox);
  const pinThrottle = new PinThrottle(adb, clock, config.pinThrottle);
  const auth = new AuthService(
    adb,
    clock,
    config,
    audit,
    sessions,
    staff,
    stores,
    settings,
    pinThrottle,
  );
  const products = new ProductsService(adb, clock, audit);
  const keys = new SigningKeys(adb, clock, options.sealer);
  const templates = new TemplatesService(adb, clock, audit, products, outbox);
  const publications = new StrategyPublications(adb, clock, events);
  const alerts = new AlertsService(
    adb,
    clock,
    audit,
    stores,
    new AlertEvaluator(adb, clock),
    publications,
  );

  // One owner per ledger: every path (till, import, sync pull, conflict) writes through these.
  const ledgers = {
    issued: new IssueLedger(adb, events),
    cashback: new CashbackLedger(adb, events),
    stock: new StockLedger(adb, clock, events),
  };
  const redemptionLedger = new RedemptionLedger(adb, events, ledgers.issued);
  const issuer = new IssueService(adb, clock, audit, ledgers.issued, templates, keys);
  const unseenCodes = new OfflineAdmissions(adb, clock, () => readSyncSettings(settings));
  // One count of unknown codes per caller, whichever method looked them up.
  const codesGuard = new CodesGuard(clock, audit);
  const redemption = new RedemptionService(
    adb,
    clock,
    config,
    new RedemptionRules(adb, clock, audit, templates, keys, products, unseenCodes, codesGuard),
    redemptionLedger,
    new RedemptionReadModel(adb, keys, config.voidWindowMs),
    templates,
    keys,
    products,
    stores,
    auth,
    unseenCodes,
  );
  const stock = new StockService(adb, clock, audit, ledgers.stock, products, stores, alerts);
  const salesLedger = new SalesLedger(adb, events, ledgers.stock, stores);
  const businessDays = new BusinessDays(adb);

  // Members and their points: the points follow the sales' events (pointsEffects below).
  const membersLedger = new MembersLedger(adb, events);
  const levels = new LevelsService(adb, clock, audit, membersLedger);
  const memberCoupons = new MemberCoupons(
    adb,
    clock,
    settings,
    issuer,
    options.logger ?? { warn: () => {} },
  );
  const pointsLedger = new PointsLedger(adb, events);
  const members: MembersService = new MembersService(
    adb,
    clock,
    membersLedger,
    levels,
    memberCoupons,
    stores,
    (memberId) => points.spendable(memberId),
    (kid) => keys.secretsFor(kid),
    (memberId) => memberMerges.links(memberId),
  );
  const memberMerges = new MemberMerges(
    adb,
    clock,
    members,
    membersLedger,
    pointsLedger,
    levels,
    stores,
  );
  const points: PointsService = new PointsService(
    adb,
    clock,
    pointsLedger,
    members,
    levels,
    settings,
    stores,
    issuer,
  );

  const memberPrivacy = new MemberPrivacy(
    adb,
    clock,
    members,
    points,
    {
      ...ledgers,
      members: membersLedger,
      points: pointsLedger,
      sales: salesLedger,
      redemption: redemptionLedger,
    },
    events,
    (memberId) => memberMerges.activeInto(memberId),
  );
  // What other PCs did to members, applied through the same owners (sync pull).
  const remoteMembers = new RemoteMembers(
    adb,
    membersLedger,
    pointsLedger,
    memberPrivacy,
    memberMerges,
  );

  const sales = new SalesService(
    adb,
    clock,
    salesLedger,
    products,
    redemption,
    businessDays,
    () => readTillSettings(settings).cashRounding,
    (memberId) => members.live(memberId).phone,
  );

  // What follows each ledger's events: rollups, outbox rows, audit entries, pushes to the UI.
  rollupEffects(events, adb);
  redemptionEffects(events, adb, { audit, outbox, templates });
  couponEffects(events, adb, { audit, outbox });
  cashbackEffects(events, { audit, outbox, products });
  salesEffects(events, adb, { audit, outbox });
  // Points before levels: a sale earns at the level the member held when it began.
  pointsEffects(events, { outbox, points });
  memberEffects(events, { audit, outbox, members, levels, stores });
  stockEffects(events, adb, { audit, outbox, alerts });
  tillEffects(events, { audit });
  strategyEffects(events, { audit, outbox });
  const claimsLedger = new ClaimsLedger(adb, events);
  claimsEffects(events, adb, { audit, outbox, ledger: claimsLedger });

  return {
    events,
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
    alerts,
    publications,
    issuer,
    redemption,
    codesGuard,
    stock,
    sales,
    businessDays,
    members,
    levels,
    memberCoupons,
    points,
    memberPrivacy,
    memberMerges,
    remoteMembers,
    ledgers: {
      ...ledgers,
      redemption: redemptionLedger,
      sales: salesLedger,
      till: new TillLedger(adb, events),
      points: pointsLedger,
      members: membersLedger,
      claims: claimsLedger,
      shares: new SharesLedger(adb),
      tasks: new TaskNotices(adb, clock),
      suppressions: new SuppressionLedger(adb),
    },
  };
}
