import type { ErrorCode } from '../../src-shared/errors';
import { MAX_SHARE_HOPS } from '../../src-shared/sync/shares';
import type { WalletCoupon } from '../../src-shared/sync/wallet';
import type { ClaimRow } from '../wallet/claims';
import type { TemplateShare } from '../wallet/schema';

/** Why a coupon cannot be shared (a stable code), or null when it can. */
export function shareRefusal(
  claim: Pick<ClaimRow, 'hop' | 'sharesUsed' | 'transferredAt'>,
  share: TemplateShare,
): ErrorCode | null {
  if (share.mode === 'none' || claim.transferredAt !== null) return 'SHARE_NOT_ALLOWED';
  if (claim.hop >= (share.maxHops ?? MAX_SHARE_HOPS)) return 'SHARE_HOPS_EXCEEDED';
  if (share.mode === 'copy' && share.maxShares !== null && claim.sharesUsed >= share.maxShares)
    return 'SHARE_ALLOWANCE_USED';
  return null;
}

/** How the wallet offers to share an available coupon now; null: it cannot be shared. */
export function shareability(
  claim: Pick<ClaimRow, 'hop' | 'sharesUsed' | 'transferredAt'>,
  share: TemplateShare,
): WalletCoupon['share'] {
  if (shareRefusal(claim, share) || share.mode === 'none') return null;
  return {
    mode: share.mode,
    allowanceLeft: allowanceLeft(claim, share),
  };
}

/** Copies a holder may still give; null: a transfer, or no limit but the template's. */
export const allowanceLeft = (
  claim: Pick<ClaimRow, 'sharesUsed'>,
  share: TemplateShare,
): number | null =>
  share.mode === 'copy' && share.maxShares !== null ? share.maxShares - claim.sharesUsed : null;
