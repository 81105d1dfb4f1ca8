import type { CampaignResults } from '../../../src-shared/contract/outreach';
import { meanLift, rateLift, type Moments } from '../../../src-shared/outreach/lift';
import { sendWindowStart, smsLength } from '../../../src-shared/outreach/sms-rules';
import type { SmsCampaignStatus } from '../../../src-shared/sync/outreach';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Sqlite } from '../db/open';
import type { SyncService } from '../sync/service';
import type { CampaignsService } from './campaigns';

const DAY_MS = 86_400_000;
/** The cloud is out of reach: the page shows the local numbers and the last status kept. */
const OFFLINE = new Set(['SYNC_CLOUD_UNREACHABLE', 'CLOUD_NOT_PAIRED']);
type Arm = 'treatment' | 'holdout';

/**
 * What a campaign did, per arm, over the days after it went out: the treated phones against
 * the random holdout that got nothing. Sales are read from the till's own records (a recipient's
 * sales by phone in the window), so the numbers hold offline and can be recomputed at any time.
 */
export class CampaignResultsReader {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly campaigns: CampaignsService,
    private readonly sync: SyncService,
  ) {}

  async results(campaignId: string): Promise<CampaignResults> {
    const row = this.campaigns.row(campaignId);
    const sending = row.state === 'draft' ? null : await this.sendingStatus(row.id);
    const status = sending ?? row.lastStatus ?? null;
    const startedAt = row.sentAt
      ? sendWindowStart(Math.max(row.sentAt, row.sendAt ?? 0), row.timeZone)
      : this.clock.now();
    const until = startedAt + row.resultDays * DAY_MS;
    const perPhone = this.sqlite
      .prepare(
        `SELECT r.arm, r.phone,
           COALESCE((SELECT SUM(s.total_fen - s.refunded_fen) FROM sales s
             WHERE s.customer_phone = r.phone AND s.sold_at >= ? AND s.sold_at < ?), 0) AS revenue,
           COALESCE((SELECT SUM((l.amount_fen - l.discount_fen) * (l.qty - l.returned_qty) / l.qty
               - (l.qty - l.returned_qty) * COALESCE(p.cost_fen, 0))
             FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
             WHERE s.customer_phone = r.phone AND s.sold_at >= ? AND s.sold_at < ? AND l.qty > 0), 0) AS margin
         FROM outreach_recipients r WHERE r.campaign_id = ? AND r.arm != 'excluded'`,
      )
      .all(startedAt, until, startedAt, until, row.id) as {
      arm: Arm;
      phone: string;
      revenue: number;
      margin: number;
    }[];
    const { redeemed, discountFen } = this.sqlite
      .prepare(
        `SELECT COUNT(*) AS redeemed, COALESCE(SUM(r.discount_fen), 0) AS discountFen
         FROM redemptions r JOIN coupons c ON c.id = r.coupon_id
         WHERE c.batch_id = ? AND r.status = 'completed'`,
      )
      .get(row.id) as { redeemed: number; discountFen: number };

    const moments = () => ({
      revenue: { n: 0, sum: 0, sumSq: 0 } as Moments,
      margin: { n: 0, sum: 0, sumSq: 0 } as Moments,
      buyers: 0,
    });
    const arms: Record<Arm, ReturnType<typeof moments>> = {
      treatment: moments(),
      holdout: moments(),
    };
    for (const { arm, revenue, margin } of perPhone) {
      const a = arms[arm];
      a.revenue.n++;
      a.revenue.sum += revenue;
      a.revenue.sumSq += revenue * revenue;
      a.margin.n++;
      a.margin.sum += margin;
      a.margin.sumSq += margin * margin;
      if (revenue > 0) a.buyers++;
    }
    const arm = (name: Arm) => ({
      recipients: arms[name].revenue.n,
      sent: name === 'treatment' ? (status?.sent ?? 0) + (status?.delivered ?? 0) : 0,
      delivered: name === 'treatment' ? (status?.delivered ?? 0) : 0,
      placed: name === 'treatment' ? (status?.placed ?? 0) : 0,
      redeemed: name === 'treatment' ? redeemed : 0,
      buyers: arms[name].buyers,
      revenueFen: Math.round(arms[name].revenue.sum),
      marginFen: Math.round(arms[name].margin.sum),
    });
    const buyerRate = rateLift(
      { n: arms.treatment.revenue.n, hits: arms.treatment.buyers },
      { n: arms.holdout.revenue.n, hits: arms.holdout.buyers },
    );
    const parts = status?.parts ?? smsLength(row.text).parts * row.treatmentCount;
    const smsCostFen = parts * this.campaigns.policy().pricePerPartFen;
    const costFen = smsCostFen + discountFen;
    const extraBuyers = buyerRate ? buyerRate.lift * arms.treatment.revenue.n : 0;
    return {
      campaign: this.campaigns.get(row.id),
      sending: status,
      window: { from: startedAt, until, complete: this.clock.now() >= until },
      arms: { treatment: arm('treatment'), holdout: arm('holdout') },
      lift: {
        buyerRate,
        revenuePerRecipientFen: meanLift(arms.treatment.revenue, arms.holdout.revenue),
        marginPerRecipientFen: meanLift(arms.treatment.margin, arms.holdout.margin),
      },
      costFen,
      smsCostFen,
      discountFen,
      costPerExtraBuyerFen: extraBuyers >= 0.5 ? Math.round(costFen / extraBuyers) : null,
      costPerExtraRedemptionFen: redeemed ? Math.round(costFen / redeemed) : null,
    };
  }

  /** The cloud's view of the sending, kept for when it cannot be reached; null offline. */
  private async sendingStatus(id: string): Promise<SmsCampaignStatus | null> {
    try {
      const { data } = await this.sync.callCloud('outreach.campaign', {
        params: { campaignId: id },
      });
      const status = data as SmsCampaignStatus;
      this.campaigns.recordStatus(id, status);
      return status;
    } catch (error) {
      if (error instanceof AppError && OFFLINE.has(error.code)) return null;
      throw error;
    }
  }
}
