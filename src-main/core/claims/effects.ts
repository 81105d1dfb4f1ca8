import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import type { ClaimsLedger } from './ledger';

/**
 * What follows an issuance QR or a store's default coupon changing: the cloud learns it (it
 * decides claims from these), the audit log names who did it; and codes the cloud issued for
 * a claim, once pulled here, count as claimed on their template.
 */
export function claimsEffects(
  events: DomainEvents,
  adb: AppDatabase,
  { audit, outbox, ledger }: { audit: AuditService; outbox: OutboxService; ledger: ClaimsLedger },
): void {
  // Pulled from another PC: the cloud and that PC's audit log already have it.
  events.on('claims.issuanceSaved', ({ issuance, from, origin }, ctx) => {
    if (origin !== 'local') return;
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
  events.on('stores.defaultCouponSet', ({ row, before, origin }, ctx) => {
    if (origin !== 'local') return;
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

  // Codes the cloud issued for a claim, pulled here, count as claimed on their template.
  events.on('coupons.issued', ({ claimed, templateId, count }) => {
    if (claimed) ledger.countClaimed(templateId, count);
  });
}
