import { maskPhone } from '../../../src-shared/phone';
import type { AuditService } from '../audit/service';
import type { DomainEvents } from '../events/domain-events';
import type { OutboxService } from '../outbox/service';
import type { StoresService } from '../stores/service';
import type { LevelsService } from './levels';
import type { MembersService } from './service';

/**
 * What follows members' events: the cloud learns every member, consent and level change
 * (outbox), the audit log keeps who changed what; and a member's sales and returns move their
 * qualifying spend (levels).
 */
export function memberEffects(
  events: DomainEvents,
  {
    audit,
    outbox,
    members,
    levels,
    stores,
  }: {
    audit: AuditService;
    outbox: OutboxService;
    members: MembersService;
    levels: LevelsService;
    stores: StoresService;
  },
): void {
  events.on('member.saved', ({ member, created, changed }, ctx) => {
    outbox.add('members.changed', member.id, { ...member, created });
    audit.record(ctx, {
      action: created
        ? 'members.create'
        : changed.includes('deleted')
          ? 'members.delete'
          : 'members.update',
      targetType: 'member',
      targetId: member.id,
      storeId: member.storeId,
      details: {
        phone: member.deletedAt ? '' : maskPhone(member.phone),
        ...(created ? {} : { changed }),
      },
    });
  });
  events.on('member.consented', ({ entry }, ctx) => {
    outbox.add('members.consented', entry.id, { ...entry });
    audit.record(ctx, {
      action: 'members.setConsent',
      targetType: 'member',
      targetId: entry.memberId,
      details: { purpose: entry.purpose, granted: entry.granted, source: entry.source },
    });
  });
  events.on('member.merged', ({ merge }, ctx) => {
    outbox.add('members.merged', merge.id, { ...merge });
    audit.record(ctx, {
      action: 'members.merge',
      targetType: 'member',
      targetId: merge.keptId,
      details: { mergedId: merge.mergedId, mergeId: merge.id, reason: merge.reason },
    });
  });
  events.on('member.unmerged', ({ merge }, ctx) => {
    outbox.add('members.unmerged', merge.id, { ...merge });
    audit.record(ctx, {
      action: 'members.unmerge',
      targetType: 'member',
      targetId: merge.keptId,
      details: { mergedId: merge.mergedId, mergeId: merge.id },
    });
  });
  events.on('member.levelChanged', ({ entry }) =>
    outbox.add('members.levelChanged', entry.id, { ...entry }),
  );

  // Qualifying spend: what the member paid (points payments left out), less what went back.
  events.on('sale.recorded', ({ sale, tenders, imported }, ctx) => {
    if (imported || !sale.customerPhone) return;
    const member = members.byPhone(sale.customerPhone);
    if (!member) return;
    const byPoints = tenders
      .filter((t) => t.kind === 'points')
      .reduce((a, t) => a + t.amountFen, 0);
    levels.onSpend(
      ctx,
      member,
      sale.paidFen - byPoints,
      sale.recordedAt,
      stores.brief(sale.storeId).timezone,
    );
  });
  events.on('sale.returned', ({ sale, refunds, at }, ctx) => {
    if (!sale.customerPhone) return;
    const member = members.byPhone(sale.customerPhone);
    if (!member) return;
    const back = refunds.filter((r) => r.kind !== 'points').reduce((a, r) => a + r.amountFen, 0);
    levels.onSpend(ctx, member, -back, at, stores.brief(sale.storeId).timezone);
  });
}
