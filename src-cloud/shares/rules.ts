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
  if (claim.hop >= MAX_SHARE_HOPS) return 'SHARE_HOPS_EXCEEDED';
  if (share.mode === 'copy' && claim.sharesUsed >= (share.maxShares ?? 1))
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
    allowanceLeft: share.mode === 'copy' ? (share.maxShares ?? 1) - claim.sharesUsed : null,
  };
}
