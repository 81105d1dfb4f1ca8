import { randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type {
  Campaign,
  CampaignCheck,
  OutreachSettings,
} from '../../../src-shared/contract/outreach';
import type { AudienceRules } from '../../../src-shared/outreach/audience';
import { assignArms } from '../../../src-shared/outreach/holdout';
import {
  messageFailures,
  sendWindowStart,
  smsLength,
} from '../../../src-shared/outreach/sms-rules';
import { checkFailedDetails } from '../../../src-shared/outreach/check-failed';
import { walletPaths } from '../../../src-shared/sync/wallet';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AuditService } from '../audit/service';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import type { SyncService } from '../sync/service';
import type { AudienceEngine } from './audience';
import { outreachCampaigns } from './schema';
import { readOutreachSettings } from './settings';

type CampaignRow = typeof outreachCampaigns.$inferSelect;
/** The treated recipients go to the cloud in pages this size (its limit per call). */
const PAGE = 5_000;

export interface NewCampaign {
  name: string;
  kind: CampaignRow['kind'];
  rules: AudienceRules;
  templateId: string | null;
  text: string;
  holdoutPct: number;
  sendAt: number | null;
  resultDays: number;
  runDay?: string;
  onlyPhones?: ReadonlySet<string>;
}

/**
 * Campaigns: created with their recipients frozen from the audience and split by a recorded seed
 * into treatment and a holdout stratified by segment; checked against China's SMS rules; sent
 * through the cloud (which places the offer in each wallet and texts each treated phone once).
 */
export class CampaignsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audiences: AudienceEngine,
    private readonly templates: TemplatesService,
    private readonly settings: SettingsService,
    private readonly sync: SyncService,
    private readonly audit: AuditService,
  ) {}

  /** The zone the sending hours are counted in: the merchant's first store's. */
  timeZone(): string {
    const row = this.adb.sqlite
      .prepare('SELECT timezone FROM stores WHERE active = 1 ORDER BY created_at LIMIT 1')
      .get() as { timezone: string } | undefined;
    return row?.timezone ?? DEFAULT_TIME_ZONE;
  }

  policy(): OutreachSettings {
    return readOutreachSettings(this.settings);
  }

  create(ctx: HandlerContext, input: NewCampaign): Campaign {
    if (input.templateId) this.templates.get(input.templateId);
    const policy = this.policy();
    const { members } = this.audiences.select(input.rules, policy, input.onlyPhones);
    const seed = randomBytes(8).toString('hex');
    const reachable = members.filter((m) => !m.excluded);
    const arms = assignArms(
      reachable.map((m) => ({ key: m.phone, stratum: m.stratum })),
      seed,
      input.holdoutPct,
    );
    const excluded = { noConsent: 0, suppressed: 0, frequencyCap: 0 };
    for (const m of members) if (m.excluded) excluded[m.excluded]++;
    const holdout = [...arms.values()].filter((arm) => arm === 'holdout').length;
    const id = newId();
    const now = this.clock.now();
    this.adb.write(() => {
      this.adb.db
        .insert(outreachCampaigns)
        .values({
          id,
          name: input.name,
          kind: input.kind,
          state: 'draft',
          rules: input.rules,
          templateId: input.templateId,
          text: input.text,
          signature: policy.signature,
          holdoutPct: input.holdoutPct,
          seed,
          sendAt: input.sendAt,
          resultDays: input.resultDays,
          timeZone: this.timeZone(),
          audienceCount: members.length,
          treatmentCount: reachable.length - holdout,
          holdoutCount: holdout,
          excluded,
          runDay: input.runDay ?? null,
          createdAt: now,
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        })
        .run();
      // One prepared statement: a chain's audience (100k phones) is written in a fraction of a
      // second, so the write lock is not held while a till waits.
      const insert = this.adb.sqlite.prepare(
        `INSERT INTO outreach_recipients (campaign_id, phone, member_id, stratum, arm, reason)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const m of members)
        insert.run(
          id,
          m.phone,
          m.memberId,
          m.stratum,
          m.excluded ? 'excluded' : arms.get(m.phone)!,
          m.excluded,
        );
      this.audit.record(ctx, {
        action: 'campaigns.create',
        targetType: 'campaign',
        targetId: id,
        details: { name: input.name, recipients: reachable.length, holdout },
      });
    });
    return this.get(id);
  }

  /** The checker's verdict: every rule the text breaks, its length and cost, when it goes. */
  check(input: { text: string; campaignId?: string; sendAt: number | null }): CampaignCheck {
    const policy = this.policy();
    const link = this.sync.link.get();
    const walletLink =
      link?.state === 'paired'
        ? link.cloudUrl.replace(/\/+$/, '') + walletPaths.home(link.merchantCode)
        : null;
    const rules = messageFailures(input.text, {
      signature: policy.signature,
      walletLink: walletLink ?? '',
    });
    const { units, parts } = smsLength(input.text.trim());
    const campaign = input.campaignId ? this.get(input.campaignId) : null;
    const requestedAt = Math.max(this.clock.now(), input.sendAt ?? campaign?.sendAt ?? 0);
    const sendsAt = sendWindowStart(requestedAt, this.timeZone());
    const recipients = campaign
      ? {
          treatment: campaign.recipients.treatment,
          holdout: campaign.recipients.holdout,
          excluded: campaign.recipients.excluded,
        }
      : null;
    return {
      ok:
        rules.length === 0 && policy.signature !== '' && (!recipients || recipients.treatment > 0),
      message: { rules, units, parts, signature: policy.signature, walletLink },
      recipients,
      window: { requestedAt, sendsAt, deferred: sendsAt > requestedAt },
      costFen: recipients ? parts * recipients.treatment * policy.pricePerPartFen : null,
    };
  }

  /**
   * Hands a draft to the cloud: the campaign, the treated recipients in pages, then start. Every
   * step is idempotent in the cloud, so a retry after a failure part-way resumes it.
   */
  async send(
    ctx: HandlerContext,
    { campaignId }: ParsedInputOf<'campaigns.send'>,
  ): Promise<Campaign> {
    const row = this.row(campaignId);
    if (row.state !== 'draft') throw new AppError('CAMPAIGN_NOT_DRAFT');
    if (!row.signature) throw new AppError('OUTREACH_NO_SIGNATURE');
    const verdict = this.check({ text: row.text, campaignId, sendAt: row.sendAt });
    if (verdict.message.rules.length)
      throw new AppError(
        'CAMPAIGN_CHECK_FAILED',
        checkFailedDetails(verdict.message.rules, ctx.lang),
      );
    if (row.treatmentCount === 0) throw new AppError('CAMPAIGN_NO_RECIPIENTS');
    const policy = this.policy();
    await this.sync.callCloud('outreach.createCampaign', {
      body: {
        id: row.id,
        purpose: 'marketing',
        name: row.name,
        signature: row.signature,
        text: row.text,
        templateId: row.templateId,
        sendAt: Math.max(this.clock.now(), row.sendAt ?? 0),
        timeZone: row.timeZone,
        capPer30Days: policy.capPer30Days,
      },
    });
    const treated = this.adb.sqlite
      .prepare(
        `SELECT phone, stratum FROM outreach_recipients
         WHERE campaign_id = ? AND arm = 'treatment' ORDER BY phone`,
      )
      .all(row.id) as { phone: string; stratum: 'none' }[];
    for (let i = 0; i < treated.length; i += PAGE)
      await this.sync.callCloud('outreach.addRecipients', {
        params: { campaignId: row.id },
        body: { recipients: treated.slice(i, i + PAGE) },
      });
    const { data: status } = await this.sync.callCloud('outreach.startCampaign', {
      params: { campaignId: row.id },
    });
    this.adb.write(() => {
      this.adb.db
        .update(outreachCampaigns)
        .set({ state: 'sending', sentAt: this.clock.now(), lastStatus: status })
        .where(eq(outreachCampaigns.id, row.id))
        .run();
      this.audit.record(ctx, {
        action: 'campaigns.send',
        targetType: 'campaign',
        targetId: row.id,
        details: { name: row.name, recipients: row.treatmentCount },
      });
    });
    return this.get(row.id);
  }

  list(): Campaign[] {
    return this.adb.db
      .select()
      .from(outreachCampaigns)
      .orderBy(desc(outreachCampaigns.createdAt))
      .limit(200)
      .all()
      .map((row) => this.toCampaign(row));
  }

  get(id: string): Campaign {
    return this.toCampaign(this.row(id));
  }

  row(id: string): CampaignRow {
    const row = this.adb.db
      .select()
      .from(outreachCampaigns)
      .where(eq(outreachCampaigns.id, id))
      .get();
    if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
    return row;
  }

  /** Keeps the cloud's last word on the sending (and marks the campaign sent when it is done). */
  recordStatus(id: string, status: NonNullable<CampaignRow['lastStatus']>): void {
    this.adb.write(() =>
      this.adb.db
        .update(outreachCampaigns)
        .set({ lastStatus: status, ...(status.state === 'done' ? { state: 'sent' as const } : {}) })
        .where(eq(outreachCampaigns.id, id))
        .run(),
    );
  }

  private toCampaign(row: CampaignRow): Campaign {
    let templateName: string | null = null;
    if (row.templateId)
      try {
        templateName = this.templates.get(row.templateId).name;
      } catch {
        templateName = null;
      }
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      state: row.state,
      rules: row.rules,
      templateId: row.templateId,
      templateName,
      text: row.text,
      holdoutPct: row.holdoutPct,
      seed: row.seed,
      sendAt: row.sendAt,
      resultDays: row.resultDays,
      recipients: {
        audience: row.audienceCount,
        treatment: row.treatmentCount,
        holdout: row.holdoutCount,
        excluded: {
          noConsent: row.excluded.noConsent ?? 0,
          suppressed: row.excluded.suppressed ?? 0,
          frequencyCap: row.excluded.frequencyCap ?? 0,
        },
      },
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    };
  }
}
