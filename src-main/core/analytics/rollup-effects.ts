import type { AppDatabase } from '../db/database';
import type { DomainEvents } from '../events/domain-events';
import { RollupWriter } from './rollups';

/**
 * The live rollups follow every ledger event, whatever its origin (a till here, an import,
 * another store pulled by sync), in the transaction of the change: a chart never disagrees with
 * the till, nor with `rebuildRollups`, which counts the same rows.
 */
export function rollupEffects(events: DomainEvents, adb: AppDatabase): void {
  const rollups = new RollupWriter(adb.sqlite);
  events.on('sale.recorded', ({ sale, lines, redemptionIds }) =>
    rollups.onSale(sale, lines, redemptionIds),
  );
  events.on('sale.returned', ({ sale, returned, at }) => rollups.onReturn(sale, returned, at));
  events.on('redemption.completed', ({ redemption }) => rollups.onRedemption(redemption));
  events.on('redemption.voided', ({ redemption, voidedAt }) =>
    rollups.onRedemptionVoided(redemption, voidedAt),
  );
  events.on('coupons.issued', ({ templateId, count, issuedAt, storeId, claimed }) =>
    rollups.onIssued(templateId, count, issuedAt, storeId, claimed === true),
  );
  events.on('cashback.issued', ({ code }) =>
    rollups.onIssued(code.templateId, 1, code.issuedAt, code.storeId, false),
  );
  events.on('member.deleted', ({ phone, pseudonym }) => rollups.renamePhone(phone, pseudonym));
  // Many sales at once, rarely: the rollups are rebuilt from the sales that remain.
  events.on('sales.importUndone', () => rollups.markForRebuild());
  events.on('cashback.paid', ({ code, phone, at, via, by }) =>
    rollups.onCashbackRedeemed(code, phone, at, via === 'counter' ? by : null),
  );
}
