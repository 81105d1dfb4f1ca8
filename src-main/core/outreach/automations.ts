import { and, eq } from 'drizzle-orm';
import type { Automation } from '../../../src-shared/contract/outreach';
import { audienceRulesSchema } from '../../../src-shared/outreach/audience';
import { checkFailedDetails } from '../../../src-shared/outreach/check-failed';
import { messageFailures } from '../../../src-shared/outreach/sms-rules';
import { addDays, localDate, parseLocalDateTime } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Logger } from '../../../src-node/logger';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import type { CampaignsService } from './campaigns';
import { schedulePasses } from '../platform/passes';
import { outreachCampaigns } from './schema';
import { readAutomations, writeAutomations } from './settings';
import type { DailySummary } from './summary';

const SYSTEM: HandlerContext = { actor: { kind: 'anonymous' }, source: 'system', lang: 'zh-CN' };
const NAMES: Record<Automation['kind'], string> = {
  expiryReminder: '到期提醒',
  birthday: '生日祝福',
  winBack: '唤回老客',
};

/**
 * Expiry reminders, birthday greetings and win-back: each enabled automation is, once per local
 * day, a campaign like a manager's (the same checker, caps and holdout) over its own cut of
 * customers, sent through the cloud. A day whose campaign could not be sent (offline) is sent
 * on the next pass; a day is never run twice (unique per kind and day).
 */
export class AutomationsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
  ) {}

  list(): Automation[] {
    return readAutomations(this.settings);
  }

  save(ctx: HandlerContext, input: Omit<Automation, 'lastRunDay'>): Automation {
    if (input.enabled) {
      const rules = this.campaigns.check({ text: input.text, sendAt: null }).message.rules;
      if (rules.length)
        throw new AppError('CAMPAIGN_CHECK_FAILED', checkFailedDetails(rules, ctx.lang));
    }
    return this.adb.write(() => {
      const all = this.list().map((a) => (a.kind === input.kind ? { ...a, ...input } : a));
      writeAutomations(this.settings, all);
      this.audit.record(ctx, {
        action: 'automations.save',
        targetType: 'automation',
        targetId: input.kind,
        details: { enabled: input.enabled, days: input.days },
      });
      return all.find((a) => a.kind === input.kind)!;
    });
  }

  /** One pass at the clock's now: today's campaign of each enabled automation, made and sent. */
  async runDue(logger: Logger): Promise<Record<string, number>> {
    const timeZone = this.campaigns.timeZone();
    const today = localDate(this.clock.now(), timeZone);
    const ran: Record<string, number> = {};
    for (const automation of this.list()) {
      if (!automation.enabled) continue;
      let campaign = this.adb.db
        .select()
        .from(outreachCampaigns)
        .where(
          and(eq(outreachCampaigns.kind, automation.kind), eq(outreachCampaigns.runDay, today)),
        )
        .get();
      if (!campaign) {
        const only = this.cut(automation, today, timeZone);
        // Nobody today: no empty campaign in the list, only the day marked as run.
        if (only.size === 0) {
          this.markRun(automation.kind, today);
          continue;
        }
        const created = this.campaigns.create(SYSTEM, {
          name: `${NAMES[automation.kind]} ${today}`,
          kind: automation.kind,
          rules: audienceRulesSchema.parse({}),
          templateId: automation.templateId,
          text: automation.text,
          holdoutPct: automation.holdoutPct,
          sendAt: null,
          resultDays: 14,
          runDay: today,
          onlyPhones: only,
        });
        campaign = this.campaigns.row(created.id);
        this.markRun(automation.kind, today);
      }
      ran[automation.kind] = campaign.treatmentCount;
      if (campaign.state !== 'draft' || campaign.treatmentCount === 0) continue;
      if (messageFailures(campaign.text, { signature: campaign.signature, walletLink: '' }).length)
        continue;
      try {
        await this.campaigns.send(SYSTEM, { campaignId: campaign.id });
      } catch (error) {
        // Offline or refused: the draft stays and the next pass tries again.
        logger.warn('automation not sent', { kind: automation.kind, error });
      }
    }
    return ran;
  }

  private markRun(kind: Automation['kind'], day: string): void {
    this.adb.write(() =>
      writeAutomations(
        this.settings,
        this.list().map((a) => (a.kind === kind ? { ...a, lastRunDay: day } : a)),
      ),
    );
  }

  /** The phones an automation is for today. */
  private cut(automation: Automation, today: string, timeZone: string): Set<string> {
    const rows = (sql: string, ...args: unknown[]) =>
      new Set(
        (this.adb.sqlite.prepare(sql).all(...args) as { phone: string }[]).map((r) => r.phone),
      );
    if (automation.kind === 'birthday')
      return rows(
        `SELECT phone FROM members WHERE birthday = ? AND deleted_at IS NULL AND merged_into_id IS NULL`,
        today.slice(5),
      );
    if (automation.kind === 'winBack')
      // Exactly N days since the last visit: each lapse is reminded once.
      return rows(
        `SELECT phone FROM rollup_customer_day WHERE product_id = '' AND sales > 0
         GROUP BY phone HAVING MAX(day) = ?`,
        addDays(today, -automation.days),
      );
    // Wallet and till coupons of a phone that expire on the day N days from now, unused.
    const day = addDays(today, automation.days);
    const from = parseLocalDateTime(`${day} 00:00`, timeZone)!;
    const until = parseLocalDateTime(`${addDays(day, 1)} 00:00`, timeZone)!;
    return rows(
      `SELECT DISTINCT customer_phone AS phone FROM coupons
       WHERE status = 'active' AND customer_phone IS NOT NULL AND valid_until >= ? AND valid_until < ?`,
      from,
      until,
    );
  }
}

/**
 * Runs the automations and the manager's daily summary at start-up (a PC that was off catches
 * up) and every hour; each does only what is due.
 */
export function scheduleAutomations(
  automations: AutomationsService,
  summary: DailySummary,
  logger: Logger,
  { firstMs = 20_000, everyMs = 60 * 60 * 1000 } = {},
) {
  const run = async () => {
    try {
      logger.info('outreach automations', await automations.runDue(logger));
      if (await summary.sendDue()) logger.info('daily summary sent');
    } catch (error) {
      logger.error('outreach automations failed', { error });
    }
  };
  return schedulePasses(run, { firstMs, everyMs });
}
