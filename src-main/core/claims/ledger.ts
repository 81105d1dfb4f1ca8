import { eq } from 'drizzle-orm';
import { issuanceChangedSchema, storeDefaultCouponSchema } from '../../../src-shared/sync/wallet';
import type { AppDatabase } from '../db/database';
import type { IssuanceRow, StoreDefaultCouponRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import { claimIssuances, storeDefaultCoupons } from './schema';

/**
 * The only writer of issuance QRs and of the stores' default coupons (made here, or at another
 * PC of the merchant and pulled), and of the templates' claimed counters: the outbox rows (the
 * cloud decides claims from them) and the audit entries follow from its events (claims/effects.ts).
 */
export class ClaimsLedger {
  private readonly statements;

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {
    this.statements = {
      countClaimed: adb.sqlite.prepare(
        'UPDATE coupon_templates SET claimed_count = claimed_count + ? WHERE id = ?',
      ),
      // What a pulled row may refer to: a template and a store this PC knows (foreign keys).
      templateKnown: adb.sqlite.prepare('SELECT 1 FROM coupon_templates WHERE id = ?'),
      storeKnown: adb.sqlite.prepare('SELECT 1 FROM stores WHERE id = ?'),
    };
  }

  create(ctx: EventContext, issuance: IssuanceRow): void {
    this.adb.db.insert(claimIssuances).values(issuance).run();
    this.events.record(ctx, 'claims.issuanceSaved', { issuance, from: null, origin: 'local' });
  }

  setStatus(ctx: EventContext, before: IssuanceRow, status: IssuanceRow['status'], at: number) {
    const issuance: IssuanceRow = { ...before, status, updatedAt: at };
    this.adb.db
      .update(claimIssuances)
      .set({ status, updatedAt: at })
      .where(eq(claimIssuances.id, before.id))
      .run();
    this.events.record(ctx, 'claims.issuanceSaved', {
      issuance,
      from: before.status,
      origin: 'local',
    });
    return issuance;
  }

  setStoreDefault(ctx: EventContext, row: StoreDefaultCouponRow, before: string | null): void {
    this.upsertStoreDefault(row);
    this.events.record(ctx, 'stores.defaultCouponSet', { row, before, origin: 'local' });
  }

  /** Codes the cloud issued to phones that claimed them: counted on their template. */
  countClaimed(templateId: string, count: number): void {
    this.statements.countClaimed.run(count, templateId);
  }

  /** An issuance created or changed at another PC: kept as its newest edit (by its updatedAt). */
  applyRemoteIssuance(payload: unknown): void {
    const parsed = issuanceChangedSchema.safeParse(payload);
    if (!parsed.success || !this.refsKnown(parsed.data.templateId, parsed.data.storeId)) return;
    const { id, templateId, title, count, perPerson, startsAt, endsAt, storeId, status } =
      parsed.data;
    const before = this.adb.db.select().from(claimIssuances).where(eq(claimIssuances.id, id)).get();
    if (before && before.updatedAt >= parsed.data.updatedAt) return;
    const issuance: IssuanceRow = {
      id,
      templateId,
      title,
      count,
      perPerson,
      startsAt,
      endsAt,
      storeId,
      status,
      createdBy: before?.createdBy ?? null,
      createdAt: before?.createdAt ?? parsed.data.updatedAt,
      updatedAt: parsed.data.updatedAt,
    };
    this.adb.db
      .insert(claimIssuances)
      .values(issuance)
      .onConflictDoUpdate({ target: claimIssuances.id, set: issuance })
      .run();
    this.events.record(SYSTEM_CONTEXT, 'claims.issuanceSaved', {
      issuance,
      from: before?.status ?? null,
      origin: 'remote',
    });
  }

  /** A store's poster coupon changed at another PC (the newer change wins). */
  applyRemoteStoreDefault(payload: unknown): void {
    const parsed = storeDefaultCouponSchema.safeParse(payload);
    if (!parsed.success || !this.refsKnown(parsed.data.templateId, parsed.data.storeId)) return;
    const { storeId, templateId, updatedAt } = parsed.data;
    const before = this.adb.db
      .select()
      .from(storeDefaultCoupons)
      .where(eq(storeDefaultCoupons.storeId, storeId))
      .get();
    if (before && before.updatedAt >= updatedAt) return;
    const row: StoreDefaultCouponRow = { storeId, templateId, updatedBy: null, updatedAt };
    this.upsertStoreDefault(row);
    this.events.record(SYSTEM_CONTEXT, 'stores.defaultCouponSet', {
      row,
      before: before?.templateId ?? null,
      origin: 'remote',
    });
  }

  private refsKnown(templateId: string | null, storeId: string | null): boolean {
    return (
      (templateId === null || !!this.statements.templateKnown.get(templateId)) &&
      (storeId === null || !!this.statements.storeKnown.get(storeId))
    );
  }

  private upsertStoreDefault(row: StoreDefaultCouponRow): void {
    this.adb.db
      .insert(storeDefaultCoupons)
      .values(row)
      .onConflictDoUpdate({ target: storeDefaultCoupons.storeId, set: row })
      .run();
  }
}
