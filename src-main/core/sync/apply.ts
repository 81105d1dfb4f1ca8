import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { staffSchema } from '../../../src-shared/contract/staff';
import { storeSchema } from '../../../src-shared/contract/stores';
import type { PulledEvent } from '../../../src-shared/sync/sync';
import type { CashbackLedger } from '../cashback/ledger';
import type { IssueLedger } from '../coupons/issue-ledger';
import type { ClaimsLedger } from '../claims/ledger';
import type { SharesLedger, ShareRow } from '../shares/ledger';
import type { TaskNotices, TaskOrderChanged } from '../tasks/notices';
import type { SuppressionLedger } from '../outreach/suppressions';
import type { ConsentLogRow, MemberMergeRow } from '../events/catalogue';
import type { PulledMember, RemoteMembers } from '../members/remote';
import type { PointsLedger, PulledMovement } from '../points/ledger';
import { couponTemplates, type couponTemplateVersions } from '../coupons/schema';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import type { PulledRedemption, PulledVoid, RedemptionLedger } from '../redemption/ledger';
import { stores } from '../stores/schema';
import { syncApplied, syncedStaff } from './schema';

type TemplateRow = typeof couponTemplates.$inferSelect;
type VersionRow = typeof couponTemplateVersions.$inferSelect;

/** What a `stores.changed` event must carry to be applied (the store as its PC shows it). */
const pulledStoreSchema = storeSchema.omit({ terminals: true, regionName: true });
const pulledStaffSchema = staffSchema.pick({
  id: true,
  name: true,
  role: true,
  storeId: true,
  active: true,
  updatedAt: true,
});

/** What the tills put in these events (see the services that write the outbox rows). */
interface IssuedPayload {
  batchId?: string | null;
  templateId: string;
  templateVersion: number;
  storeId?: string | null;
  phone?: string | null;
  validFrom: number;
  validUntil: number;
  codes?: string[];
}
interface CashbackPayoutPayload {
  code: string;
  phone: string;
  redeemedAt: number;
  via: 'counter' | 'terminal' | 'cloud';
}

/**
 * Applies what the merchant's other tills (and the cloud) did, idempotently by event id:
 * templates and codes issued elsewhere, redemptions and voids elsewhere (so this till refuses a
 * code redeemed at another store), cashback paid out through the cloud, stores created or edited
 * elsewhere, the other PCs' staff as a directory of names, their issuance QRs and store
 * QR coupons (so every PC counts the claims), and members with their consents and points (so a
 * member earns and spends at any store of the chain). Sales and stock of other stores
 * are relayed for the cloud's and other features' use, not applied here.
 */
export class PulledEventApplier {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    /** Every change pulled goes through the owner of what it changes, as one made here does. */
    private readonly owners: {
      templates: TemplatesService;
      issued: IssueLedger;
      redemption: RedemptionLedger;
      cashback: CashbackLedger;
      claims: ClaimsLedger;
      points: PointsLedger;
      remoteMembers: RemoteMembers;
      shares: SharesLedger;
      tasks: TaskNotices;
      suppressions: SuppressionLedger;
    },
  ) {}

  /**
   * One page in one transaction, with the cursor saved by `saveCursor` inside it. Which events
   * are new is asked once per page and they are marked applied with one insert: most pulled
   * events (sales, stock of other stores) change nothing else here, so per-event statements
   * would be most of the cost of a large pull.
   */
  applyPage(events: PulledEvent[], saveCursor: () => void): number {
    // A claim that lost is shown to its own till; it never changes state here.
    const accepted = events.filter((event) => event.status === 'accepted');
    const touchedTemplates = new Set<string>();
    const applied = this.adb.write(() => {
      const fresh = this.notYetApplied(accepted);
      for (const event of fresh) {
        const templateId = this.apply(event);
        if (templateId) touchedTemplates.add(templateId);
      }
      if (fresh.length) {
        const appliedAt = this.clock.now();
        this.adb.db
          .insert(syncApplied)
          .values(fresh.map((event) => ({ eventId: event.id, appliedAt })))
          .run();
      }
      saveCursor();
      for (const templateId of touchedTemplates)
        this.adb.emitAfterCommit('coupons.templateChanged', { templateId });
      return fresh.length;
    });
    return applied;
  }

  /** The page's events not applied before, each once (a page may repeat an id after a restore). */
  private notYetApplied(events: PulledEvent[]): PulledEvent[] {
    if (!events.length) return [];
    const seen = new Set(
      this.adb.db
        .select({ eventId: syncApplied.eventId })
        .from(syncApplied)
        .where(
          inArray(
            syncApplied.eventId,
            events.map((event) => event.id),
          ),
        )
        .all()
        .map((row) => row.eventId),
    );
    return events.filter((event) => !seen.has(event.id) && !!seen.add(event.id));
  }

  /** Returns the template whose numbers changed, if any. */
  private apply(event: PulledEvent): string | null {
    const payload: unknown = event.payload;
    switch (event.kind) {
      case 'templates.changed': {
        const { template, versions } = payload as {
          template?: TemplateRow;
          versions?: VersionRow[];
        };
        return this.applyTemplate(template, versions ?? []);
      }
      case 'coupons.issued':
        // From no device: the cloud issued it to a phone that claimed it.
        return this.applyIssued(payload as IssuedPayload, event.deviceId === null);
      case 'coupons.cancelled': {
        const { code, at, reason } = payload as { code: string; at: number; reason?: string };
        this.owners.issued.applyRemoteCancel(code, reason ?? 'remote', at);
        return null;
      }
      case 'tasks.orderChanged':
        this.owners.tasks.applyRemote(payload as TaskOrderChanged);
        return null;
      case 'sms.suppressed':
        this.owners.suppressions.applyRemote(payload);
        return null;
      case 'shares.accepted':
        this.owners.shares.applyRemote(payload as ShareRow);
        return null;
      case 'claims.issuanceChanged':
        this.owners.claims.applyRemoteIssuance(payload);
        return null;
      case 'stores.defaultCouponChanged':
        this.owners.claims.applyRemoteStoreDefault(payload);
        return null;
      case 'members.changed':
        this.owners.remoteMembers.applyMember(payload as PulledMember, this.clock.now());
        return null;
      case 'members.consented':
        this.owners.remoteMembers.applyConsent(payload as ConsentLogRow);
        return null;
      case 'members.merged':
        this.owners.remoteMembers.applyMerge(payload as MemberMergeRow);
        return null;
      case 'members.unmerged':
        this.owners.remoteMembers.applyUnmerge(payload as MemberMergeRow);
        return null;
      case 'points.moved':
        this.owners.remoteMembers.applyPoints(payload as PulledMovement);
        return null;
      case 'redemption.completed':
        return this.applyRedemption(event.id, payload as PulledRedemption);
      case 'redemption.voided':
        return this.applyVoid(payload as PulledVoid);
      case 'cashback.redeemed':
        return this.applyCashbackPayout(payload as CashbackPayoutPayload);
      case 'stores.changed':
        this.applyStore(payload);
        return null;
      case 'staff.changed':
        this.applyStaff(payload);
        return null;
      default:
        return null;
    }
  }

  private applyCashbackPayout(payload: CashbackPayoutPayload) {
    this.owners.cashback.applyRemotePayout(payload.code, {
      phone: payload.phone,
      at: payload.redeemedAt,
      via: payload.via,
      by: null,
    });
    return null;
  }

  /**
   * A store created or edited at another PC of the merchant: known here by the same id, so
   * coupon store scopes, redemptions and reports elsewhere name it. The newer edit wins (by the
   * store's own `updatedAt`). Its terminals stay at its own PCs. Two shops set up apart may
   * both have called their first store `S01`: the one arriving here keeps a code of its own.
   */
  private applyStore(payload: unknown) {
    const parsed = pulledStoreSchema.safeParse(payload);
    if (!parsed.success) return;
    const store = parsed.data;
    const fields = { ...store, code: this.freeStoreCode(store.code, store.id) };
    const written = this.adb.db
      .insert(stores)
      .values(fields)
      .onConflictDoUpdate({
        target: stores.id,
        set: {
          code: fields.code,
          name: fields.name,
          provinceCode: fields.provinceCode,
          cityCode: fields.cityCode,
          districtCode: fields.districtCode,
          address: fields.address,
          lat: fields.lat,
          lng: fields.lng,
          businessDistrict: fields.businessDistrict,
          timezone: fields.timezone,
          active: fields.active,
          updatedAt: fields.updatedAt,
        },
        setWhere: sql`excluded.updated_at >= ${stores.updatedAt}`,
      })
      .run();
    if (written.changes) this.adb.emitAfterCommit('stores.changed', { storeId: store.id });
  }

  /** The code, or (taken here by another store) its first letters and the end of the id. */
  private freeStoreCode(code: string, id: string): string {
    const taken = (candidate: string) =>
      !!this.adb.db
        .select({ id: stores.id })
        .from(stores)
        .where(and(eq(stores.code, candidate), ne(stores.id, id)))
        .get();
    if (!taken(code)) return code;
    const tail = id.replace(/[^0-9a-z]/gi, '').toUpperCase();
    for (let n = 4; n <= 8; n++) {
      const candidate = code.slice(0, 8 - n) + tail.slice(-n);
      if (!taken(candidate)) return candidate;
    }
    return tail.slice(-8);
  }

  /**
   * A staff member of another PC, into the directory (names for what they did elsewhere). The
   * event carries no PIN hash and the directory is no account: see `syncedStaff`.
   */
  private applyStaff(payload: unknown) {
    const parsed = pulledStaffSchema.safeParse(payload);
    if (!parsed.success) return;
    const person = parsed.data;
    this.adb.db
      .insert(syncedStaff)
      .values(person)
      .onConflictDoUpdate({
        target: syncedStaff.id,
        set: {
          name: person.name,
          role: person.role,
          storeId: person.storeId,
          active: person.active,
          updatedAt: person.updatedAt,
        },
        setWhere: sql`excluded.updated_at >= ${syncedStaff.updatedAt}`,
      })
      .run();
  }

  private templateKnown(id: string): boolean {
    return !!this.adb.db
      .select({ id: couponTemplates.id })
      .from(couponTemplates)
      .where(eq(couponTemplates.id, id))
      .get();
  }

  private applyTemplate(template: TemplateRow | undefined, versions: VersionRow[]) {
    if (!template?.id) return null;
    this.owners.templates.applyRemote(template, versions);
    return template.id;
  }

  private applyIssued(payload: IssuedPayload, claimed: boolean) {
    const codes: string[] = Array.isArray(payload.codes) ? payload.codes : [];
    if (!codes.length || !this.templateKnown(payload.templateId)) return null;
    this.owners.issued.applyRemote(
      {
        templateId: payload.templateId,
        templateVersion: payload.templateVersion,
        batchId: payload.batchId ?? null,
        storeId: payload.storeId ?? null,
        phone: payload.phone ?? null,
        validFrom: payload.validFrom,
        validUntil: payload.validUntil,
        codes,
        claimed,
      },
      this.clock.now(),
    );
    return payload.templateId;
  }

  /** Another store redeemed a code: this till now refuses it, showing where and when. */
  private applyRedemption(eventId: string, claim: PulledRedemption) {
    if (!this.templateKnown(claim.templateId)) return null;
    this.owners.redemption.applyRemote(eventId, claim);
    return claim.templateId;
  }

  private applyVoid(payload: PulledVoid) {
    return this.owners.redemption.applyRemoteVoid(payload)?.templateId ?? null;
  }
}
