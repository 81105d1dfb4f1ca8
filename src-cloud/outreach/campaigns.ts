import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { phoneHash } from '../../src-node/outreach/phone-hash';
import type { AudienceStratum } from '../../src-shared/outreach/audience';
import type { SmsCampaignBody, SmsCampaignStatus } from '../../src-shared/sync/outreach';
import type { CloudDb, Queryable } from '../db/open';
import type { DeviceActor } from '../http/context';
import type { MerchantsService } from '../merchants/service';
import { sha256 } from '../platform/secrets';
import { walletTemplates } from '../wallet/schema';
import { campaignTextFailures } from './message-check';
import { checkReceived } from './recipient-check';
import { outreachCampaigns } from './schema';
import { campaignStatus } from './status';

/**
 * How long a start (or a page after it) checks recipients before answering; the sender checks
 * the rest between its batches (a campaign of 100k takes several seconds to check).
 */
const CHECK_BUDGET_MS = 2000;

/**
 * What makes two hand-overs of one id the same campaign. Not `sendAt`: a desktop resuming a
 * broken hand-over asks for max(now, its time), which moves on; the first one stands.
 */
const bodyHash = (b: SmsCampaignBody) =>
  sha256(
    JSON.stringify([
      b.purpose,
      b.name,
      b.signature,
      b.text,
      b.templateId,
      b.timeZone,
      b.capPer30Days,
    ]),
  );

/**
 * The merchant's side of SMS campaigns: a desktop hands a campaign over (idempotent by its id),
 * then its treated recipients in pages (a phone is held once per campaign whatever repeats),
 * then starts it: every recipient is checked again here and queued for its window or skipped
 * with its rule (what a start cannot check within its budget, the sender checks). Recipients that arrive after the start are checked and queued as they come, so
 * a desktop that resumes a broken hand-over (pages again, start again) texts nobody twice.
 */
export class OutreachCampaigns {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
    /** The deployment whose sender texts the campaigns created here. */
    private readonly deployment: string,
  ) {}

  async create(device: DeviceActor, body: SmsCampaignBody): Promise<SmsCampaignStatus> {
    const merchantId = device.merchantId;
    const hash = bodyHash(body);
    const existing = await this.find(this.db, merchantId, body.id);
    if (existing) {
      if (existing.bodyHash !== hash) throw new AppError('CAMPAIGN_ID_REUSED', { id: body.id });
      return campaignStatus(this.db, existing);
    }
    const merchant = await this.merchants.get(merchantId);
    const failures = campaignTextFailures(body, merchant.code);
    if (failures.length) throw new AppError('CAMPAIGN_CHECK_FAILED', { failures });
    if (body.templateId) {
      const [template] = await this.db
        .select({ status: walletTemplates.status })
        .from(walletTemplates)
        .where(
          and(
            eq(walletTemplates.merchantId, merchantId),
            eq(walletTemplates.templateId, body.templateId),
          ),
        );
      if (!template) throw new AppError('TEMPLATE_NOT_FOUND', { id: body.templateId });
      if (template.status !== 'active')
        throw new AppError('TEMPLATE_NOT_ACTIVE', { id: body.templateId });
    }
    await this.db
      .insert(outreachCampaigns)
      .values({
        merchantId,
        id: body.id,
        deployment: this.deployment,
        purpose: body.purpose,
        name: body.name,
        signature: body.signature,
        text: body.text,
        templateId: body.templateId,
        sendAt: body.sendAt,
        timeZone: body.timeZone,
        capPer30Days: body.capPer30Days,
        bodyHash: hash,
        createdAt: this.clock.now(),
      })
      .onConflictDoNothing();
    // Two hand-overs racing: whichever was written is the campaign, checked like a retry.
    const created = (await this.find(this.db, merchantId, body.id))!;
    if (created.bodyHash !== hash) throw new AppError('CAMPAIGN_ID_REUSED', { id: body.id });
    return campaignStatus(this.db, created);
  }

  /**
   * A page of recipients, held once per phone. The campaign row is read FOR SHARE, so a start
   * either sees this page committed or this page sees the start: after a start, the page is
   * checked and queued here.
   */
  async addRecipients(
    device: DeviceActor,
    campaignId: string,
    recipients: { phone: string; stratum: AudienceStratum }[],
  ): Promise<{ received: number }> {
    const merchantId = device.merchantId;
    const now = this.clock.now();
    const byPhone = new Map(recipients.map((r) => [r.phone, r]));
    const started = await this.db.transaction(async (tx) => {
      const campaign = await this.find(tx, merchantId, campaignId, 'share');
      if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
      // In one order everywhere: two pages sharing phones never wait on each other crosswise.
      const sorted = [...byPhone.values()].sort((a, b) => (a.phone < b.phone ? -1 : 1));
      const rows = sorted.map((r) => ({
        id: newId(),
        phone: r.phone,
        phone_hash: phoneHash(r.phone),
        stratum: r.stratum,
      }));
      await tx.execute(sql`
        insert into outreach_messages (id, merchant_id, campaign_id, deployment, phone, phone_hash,
          stratum, marketing, state, attempts, received_at)
        select r.id, ${merchantId}, ${campaignId}, ${campaign.deployment}, r.phone, r.phone_hash,
          r.stratum, ${campaign.purpose === 'marketing'}, 'received', 0, ${now}::bigint
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(id text, phone text, phone_hash text, stratum text)
        on conflict (merchant_id, campaign_id, phone) do nothing`);
      return campaign.startedAt !== null;
    });
    if (started)
      await checkReceived(
        this.db,
        this.clock,
        merchantId,
        campaignId,
        performance.now() + CHECK_BUDGET_MS,
      );
    return { received: byPhone.size };
  }

  /** Starts once (a second start checks what came since, and answers the status). */
  async start(device: DeviceActor, campaignId: string): Promise<SmsCampaignStatus> {
    const merchantId = device.merchantId;
    await this.db.transaction(async (tx) => {
      const campaign = await this.find(tx, merchantId, campaignId, 'update');
      if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
      if (campaign.startedAt === null)
        await tx
          .update(outreachCampaigns)
          .set({ startedAt: this.clock.now() })
          .where(
            and(eq(outreachCampaigns.merchantId, merchantId), eq(outreachCampaigns.id, campaignId)),
          );
    });
    await checkReceived(
      this.db,
      this.clock,
      merchantId,
      campaignId,
      performance.now() + CHECK_BUDGET_MS,
    );
    return this.status(merchantId, campaignId);
  }

  async status(merchantId: string, campaignId: string): Promise<SmsCampaignStatus> {
    const campaign = await this.find(this.db, merchantId, campaignId);
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    return campaignStatus(this.db, campaign);
  }

  private async find(
    db: Queryable,
    merchantId: string,
    campaignId: string,
    lock?: 'share' | 'update',
  ) {
    const query = db
      .select()
      .from(outreachCampaigns)
      .where(
        and(eq(outreachCampaigns.merchantId, merchantId), eq(outreachCampaigns.id, campaignId)),
      );
    const [row] = lock ? await query.for(lock) : await query;
    return row ?? null;
  }
}
