import { desc, eq } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import {
  ISSUANCE_STATUS_TRANSITIONS,
  type Issuance,
  type IssuanceStatus,
  type StoreQr,
} from '../../../src-shared/contract/claims';
import type { CouponTemplate } from '../../../src-shared/contract/coupons';
import { walletPaths } from '../../../src-shared/sync/wallet';
import { endOfLocalDay } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { IssuanceRow } from '../events/catalogue';
import type { HandlerContext } from '../platform/context';
import type { StoresService } from '../stores/service';
import { syncLink } from '../sync/schema';
import type { ClaimsLedger } from './ledger';
import { claimIssuances, storeDefaultCoupons } from './schema';

/** The cloud a phone reaches from a QR: its address and this merchant's code there. */
interface CloudOfShop {
  cloudUrl: string;
  merchantCode: string;
}

/**
 * Issuance QRs and the stores' fixed QRs: what they offer (checked against the template, so a
 * phone is never promised a coupon the till would refuse), their URLs on the cloud, and how
 * many coupons phones claimed and used.
 */
export class ClaimsService {
  /** Claimed and redeemed codes per issuance, in one pass over the claimed codes. */
  private readonly counts;
  private readonly countsOf;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: ClaimsLedger,
    private readonly templates: TemplatesService,
    private readonly stores: StoresService,
  ) {
    this.counts = adb.sqlite.prepare<[], { id: string; claimed: number; redeemed: number }>(
      `SELECT c.batch_id AS id, count(*) AS claimed, count(r.id) AS redeemed
       FROM coupons c
       LEFT JOIN redemptions r ON r.coupon_id = c.id AND r.status = 'completed'
       WHERE c.batch_id IN (SELECT id FROM claim_issuances)
       GROUP BY c.batch_id`,
    );
    this.countsOf = adb.sqlite.prepare<[string], { claimed: number; redeemed: number }>(
      `SELECT count(*) AS claimed, count(r.id) AS redeemed
       FROM coupons c
       LEFT JOIN redemptions r ON r.coupon_id = c.id AND r.status = 'completed'
       WHERE c.batch_id = ?`,
    );
  }

  createIssuance(ctx: HandlerContext, input: ParsedInputOf<'claims.createIssuance'>): Issuance {
    // The QR holds the cloud's address: without a pairing no phone could claim from it.
    this.cloud({ required: true });
    return this.adb.write(() => {
      const template = this.templates.get(input.templateId);
      this.assertOffers(template, input.storeId);
      if (template.perCustomerLimit !== null && input.perPerson > template.perCustomerLimit)
        throw new AppError('ISSUANCE_PER_PERSON_OVER_TEMPLATE', {
          limit: template.perCustomerLimit,
        });
      const now = this.clock.now();
      const endsAt = this.claimsClose(template, input.storeId, input.endsAt, now);
      const issuance: IssuanceRow = {
        id: newId(),
        templateId: template.id,
        title: input.title,
        count: input.count,
        perPerson: input.perPerson,
        startsAt: input.startsAt,
        endsAt,
        storeId: input.storeId,
        status: 'active',
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: now,
        updatedAt: now,
      };
      this.ledger.create(ctx, issuance);
      return this.toIssuance(issuance);
    });
  }

  listIssuances(filter: ParsedInputOf<'claims.listIssuances'>): Issuance[] {
    const rows = this.adb.db
      .select()
      .from(claimIssuances)
      .where(filter.status ? eq(claimIssuances.status, filter.status) : undefined)
      .orderBy(desc(claimIssuances.createdAt), desc(claimIssuances.id))
      .all();
    const counts = new Map(this.counts.all().map((row) => [row.id, row]));
    const cloud = this.cloud({ required: false });
    return rows.map((row) => this.toIssuance(row, counts.get(row.id), cloud));
  }

  setIssuanceStatus(
    ctx: HandlerContext,
    input: ParsedInputOf<'claims.setIssuanceStatus'>,
  ): Issuance {
    return this.adb.write(() => {
      const before = this.row(input.id);
      if (before.status === input.status) return this.toIssuance(before);
      if (before.status === 'ended') throw new AppError('ISSUANCE_ENDED');
      if (!ISSUANCE_STATUS_TRANSITIONS[before.status].includes(input.status))
        throw new AppError('ISSUANCE_ENDED');
      // Resumed, it offers its template again: which must still be on offer.
      if (input.status === 'active') {
        const template = this.templates.get(before.templateId);
        if (template.status !== 'active')
          throw new AppError('TEMPLATE_NOT_ACTIVE', { status: template.status });
      }
      const after = this.ledger.setStatus(ctx, before, input.status, this.clock.now());
      return this.toIssuance(after);
    });
  }

  setDefaultCoupon(ctx: HandlerContext, input: ParsedInputOf<'stores.setDefaultCoupon'>): StoreQr {
    return this.adb.write(() => {
      const store = this.stores.get(input.storeId);
      if (input.templateId !== null)
        this.assertOffers(this.templates.get(input.templateId), store.id);
      const before =
        this.adb.db
          .select()
          .from(storeDefaultCoupons)
          .where(eq(storeDefaultCoupons.storeId, store.id))
          .get() ?? null;
      if (before && before.templateId === input.templateId) return this.storeQr(store.id);
      this.ledger.setStoreDefault(
        ctx,
        {
          storeId: store.id,
          templateId: input.templateId,
          updatedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
          updatedAt: this.clock.now(),
        },
        before?.templateId ?? null,
      );
      return this.storeQr(store.id);
    });
  }

  listStoreQrs(): OutputOf<'claims.listStoreQrs'> {
    const cloud = this.cloud({ required: false });
    return {
      paired: cloud !== null,
      stores: this.stores.list().map((store) => this.storeQr(store.id, cloud)),
    };
  }

  issuance(id: string): Issuance {
    return this.toIssuance(this.row(id));
  }

  row(id: string): IssuanceRow {
    const row = this.adb.db.select().from(claimIssuances).where(eq(claimIssuances.id, id)).get();
    if (!row) throw new AppError('ISSUANCE_NOT_FOUND', { id });
    return row;
  }

  storeQr(storeId: string, cloud = this.cloud({ required: false })): StoreQr {
    const store = this.stores.brief(storeId);
    const row = this.adb.db
      .select()
      .from(storeDefaultCoupons)
      .where(eq(storeDefaultCoupons.storeId, storeId))
      .get();
    const templateId = row?.templateId ?? null;
    return {
      storeId,
      storeName: store.name,
      templateId,
      templateName: templateId ? this.templates.row(templateId).name : null,
      url: cloud ? cloud.cloudUrl + walletPaths.store(cloud.merchantCode, storeId) : null,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Where a phone claims: null when this PC is not paired (or the pairing was revoked). */
  cloud(options: { required: true }): CloudOfShop;
  cloud(options: { required: false }): CloudOfShop | null;
  cloud({ required }: { required: boolean }): CloudOfShop | null {
    const link = this.adb.db
      .select({
        cloudUrl: syncLink.cloudUrl,
        merchantCode: syncLink.merchantCode,
        state: syncLink.state,
      })
      .from(syncLink)
      .get();
    if (link?.state === 'paired')
      return { cloudUrl: link.cloudUrl.replace(/\/+$/, ''), merchantCode: link.merchantCode };
    if (required) throw new AppError('CLOUD_NOT_PAIRED');
    return null;
  }

  /** Refuses a template a phone could not be given here: not active, cashback, other stores. */
  private assertOffers(template: CouponTemplate, storeId: string | null): void {
    if (template.status !== 'active')
      throw new AppError('TEMPLATE_NOT_ACTIVE', { status: template.status });
    // Cashback codes are bound to a sale's product and terminal: never handed out in advance.
    if (template.rule.type === 'cashback')
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['templateId'], message: 'validation.cashbackPerSale' }],
      });
    if (storeId !== null) {
      const store = this.stores.get(storeId);
      if (!store.active) throw new AppError('NOT_FOUND', { entity: 'store', id: storeId });
      if (template.storeIds.length && !template.storeIds.includes(storeId))
        throw new AppError('ISSUANCE_STORE_NOT_IN_TEMPLATE');
    }
  }

  /**
   * When claims close: as asked, or when the template's fixed validity ends (a code claimed
   * later would be dead on arrival). Claims may not outlast the template.
   */
  private claimsClose(
    template: CouponTemplate,
    storeId: string | null,
    endsAt: number | null,
    now: number,
  ): number | null {
    if (endsAt !== null && endsAt <= now)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['endsAt'], message: 'validation.endPassed' }],
      });
    if (template.validity.kind !== 'fixed') return endsAt;
    const timeZone =
      (storeId ? this.stores.brief(storeId) : this.stores.list()[0])?.timezone ?? DEFAULT_TIME_ZONE;
    const templateEnd = endOfLocalDay(template.validity.endDate, timeZone);
    if (templateEnd <= now || (endsAt !== null && endsAt > templateEnd))
      throw new AppError('ISSUANCE_OUTLASTS_TEMPLATE', {
        templateEndText: template.validity.endDate,
      });
    return endsAt ?? templateEnd;
  }

  private toIssuance(
    row: IssuanceRow,
    counts: { claimed: number; redeemed: number } | undefined = this.countsOf.get(row.id),
    cloud = this.cloud({ required: false }),
  ): Issuance {
    return {
      id: row.id,
      templateId: row.templateId,
      templateName: this.templates.row(row.templateId).name,
      title: row.title,
      count: row.count,
      perPerson: row.perPerson,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      storeId: row.storeId,
      storeName: row.storeId ? this.stores.brief(row.storeId).name : null,
      status: row.status as IssuanceStatus,
      claimed: counts?.claimed ?? 0,
      redeemed: counts?.redeemed ?? 0,
      url: cloud ? cloud.cloudUrl + walletPaths.issuance(cloud.merchantCode, row.id) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
