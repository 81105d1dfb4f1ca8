import type { ParsedInputOf } from '../../../src-shared/contract';
import type { OutputOf } from '../../../src-shared/contract';
import { localDateTime } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { SyncService } from '../sync/service';
import type { RedemptionService } from './service';

/**
 * `redemption.redeem` on a paired till: the cloud is asked first (seed 002: the cloud checks the
 * coupon before it is used). Its answer stands: another store's claim refuses at once, naming the
 * store. No answer within the setting's timeout (800 ms by default): the offline path of the till
 * decides (signed QR, daily limits, first claim wins at the next push). The claim and the local
 * redemption share one id, so the later push of the redemption is the same claim.
 */
export class CloudFirstRedeem {
  constructor(
    private readonly redemption: RedemptionService,
    private readonly sync: SyncService,
    private readonly clock: Clock,
  ) {}

  private voidedHere(redemptionId: string): number | null {
    return this.redemption.voidedHere(redemptionId);
  }

  async redeem(
    ctx: HandlerContext,
    input: ParsedInputOf<'redemption.redeem'>,
  ): Promise<OutputOf<'redemption.redeem'>> {
    const offline = () => ({
      ...this.redemption.redeem(ctx, input),
      decidedBy: 'offline' as const,
    });
    const timeoutMs = this.sync.getSettings().onlineClaimTimeoutMs;
    const plan = timeoutMs > 0 && this.sync.isPaired() ? this.redemption.plan(ctx, input) : null;
    if (!plan) return offline();
    if ('refusal' in plan) throw plan.refusal;
    const claim = () =>
      this.sync.claimOnline({ action: 'claim', redemption: plan.claim }, timeoutMs);
    let answer = await claim();
    // The cloud's claim is one this till voided since (the void not pushed yet): released, and
    // asked again.
    const voidedAt =
      answer?.status === 'refused' ? this.voidedHere(answer.winner.redemptionId) : null;
    if (answer?.status === 'refused' && voidedAt !== null) {
      await this.sync.claimOnline(
        { action: 'release', redemptionId: answer.winner.redemptionId, at: voidedAt },
        timeoutMs,
      );
      answer = await claim();
    }
    if (!answer) return offline();
    if (answer.status === 'refused') {
      const { winner } = answer;
      throw new AppError('COUPON_ALREADY_REDEEMED', {
        redemptionId: winner.redemptionId,
        storeId: winner.storeId,
        storeName: winner.storeName ?? winner.deviceName ?? '',
        staffName: winner.deviceName ?? '',
        at: winner.claimedAt,
        atText: localDateTime(winner.claimedAt, plan.timeZone),
        decidedBy: 'cloud',
      });
    }
    try {
      return { ...this.redemption.redeem(ctx, input, plan.claim.id), decidedBy: 'cloud' };
    } catch (error) {
      // Refused here after all (a race at this till): the cloud's claim must not keep the code.
      void this.sync
        .claimOnline(
          { action: 'release', redemptionId: plan.claim.id, at: this.clock.now() },
          timeoutMs * 4,
        )
        .catch(() => undefined);
      throw error;
    }
  }
}
