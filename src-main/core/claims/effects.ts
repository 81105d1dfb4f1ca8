import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';

/**
 * What follows an issuance QR or a store's default coupon changing: the cloud learns it (it
 * decides claims from these), the audit log names who did it; and codes the cloud issued for
 * a claim, once pulled here, count as claimed on their template.
 */
export function claimsEffects(
  events: DomainEvents,
  adb: AppDatabase,
  { audit, outbox }: { audit: AuditService; outbox: OutboxService },
): void {
  events.on('claims.issuanceSaved', ({ issuance, from }, ctx) => {
    outbox.add('claims.issuanceChanged', issuance.id, {
      id: issuance.id,
      templateId: issuance.templateId,
      title: issuance.title,
      count: issuance.count,
      perPerson: issuance.perPerson,
      startsAt: issuance.startsAt,
      endsAt: issuance.endsAt,
      storeId: issuance.storeId,
      status: issuance.status,
      updatedAt: issuance.updatedAt,
    });
    audit.record(ctx, {
      action: from === null ? 'claims.createIssuance' : 'claims.setIssuanceStatus',
      targetType: 'claimIssuance',
      targetId: issuance.id,
      storeId: issuance.storeId,
      details:
        from === null
          ? { title: issuance.title, count: issuance.count, perPerson: issuance.perPerson }
          : { title: issuance.title, from, to: issuance.status },
    });
  });

  const templateName = adb.sqlite.prepare<[string], { name: string }>(
    'SELECT name FROM coupon_templates WHERE id = ?',
  );
  const nameOf = (id: string | null) => (id ? (templateName.get(id)?.name ?? null) : null);
  events.on('stores.defaultCouponSet', ({ row, before }, ctx) => {
    outbox.add('stores.defaultCouponChanged', row.storeId, {
      storeId: row.storeId,
      templateId: row.templateId,
      updatedAt: row.updatedAt,
    });
    audit.record(ctx, {
      action: 'stores.setDefaultCoupon',
      targetType: 'store',
      targetId: row.storeId,
      storeId: row.storeId,
      details: { template: { from: nameOf(before), to: nameOf(row.templateId) } },
    });
  });

  // A claim's codes carry the issuance id (or, from a store's poster, the store id) as batch.
  const isClaimBatch = adb.sqlite.prepare(
    `SELECT 1 FROM claim_issuances WHERE id = @batch
     UNION ALL SELECT 1 FROM store_default_coupons WHERE store_id = @batch LIMIT 1`,
  );
  const countClaimed = adb.sqlite.prepare(
    'UPDATE coupon_templates SET claimed_count = claimed_count + ? WHERE id = ?',
  );
  events.on('coupons.issued', ({ origin, batchId, templateId, count }) => {
    if (origin !== 'remote' || !batchId || !isClaimBatch.get({ batch: batchId })) return;
    countClaimed.run(count, templateId);
  });
}
