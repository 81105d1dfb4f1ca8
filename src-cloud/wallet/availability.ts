import type { ErrorCode } from '../../src-shared/errors';
import type { walletIssuances, walletTemplates } from './schema';

export type IssuanceRow = typeof walletIssuances.$inferSelect;
export type TemplateRow = typeof walletTemplates.$inferSelect;

/**
 * Why a coupon of this issuance cannot be claimed now, or null. The offer pages show it, and a
 * claim the conditional update refused is answered with it.
 */
export function unavailableReason(
  issuance: IssuanceRow,
  template: TemplateRow | null,
  now: number,
): ErrorCode | null {
  if (!template || template.status !== 'active' || !template.rules[String(template.version)])
    return 'TEMPLATE_NOT_ACTIVE';
  if (issuance.status === 'ended') return 'ISSUANCE_ENDED';
  if (issuance.status === 'paused') return 'ISSUANCE_PAUSED';
  if (issuance.startsAt !== null && now < issuance.startsAt) return 'ISSUANCE_NOT_STARTED';
  if (issuance.endsAt !== null && now >= issuance.endsAt) return 'ISSUANCE_ENDED';
  if (issuance.count !== null && issuance.claimed >= issuance.count) return 'ISSUANCE_EXHAUSTED';
  return null;
}
