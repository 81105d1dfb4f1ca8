import { createHash } from 'node:crypto';
import { localDate } from '../../../src-shared/time';
import type { Clock } from '../../../src-node/clock';
import type { Sqlite } from '../db/open';
import type { SettingsService } from '../settings/service';
import type { SyncService } from '../sync/service';
import { readOutreachSettings } from './settings';

const LAST_SENT_KEY = 'outreach.summaryDay';
/** The day's text as first composed: a retry hands the cloud the same campaign, not a new one. */
const COMPOSED_KEY = 'outreach.summaryComposed';
const NAMED = 3;

/** A stable UUID per merchant and day: the cloud takes a second hand-over of it as the same. */
function summaryId(merchantId: string, day: string): string {
  const hex = createHash('sha256').update(`summary:${merchantId}:${day}`).digest('hex');
  // Version 8 (custom) with the RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The manager's daily stock summary by SMS (seed 001): open low-stock and slow-moving alerts
 * with the first items named, and the advice that follows from them (discount / price rise).
 * Sent to the staff phones in the outreach settings (their own consent: a manager adds their
 * number), once a day, through the cloud's provider with purpose 'merchant'.
 */
export class DailySummary {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly sync: SyncService,
    private readonly timeZone: () => string,
  ) {}

  /** The text for today, or null when there is nothing to report. */
  compose(signature: string): string | null {
    const rows = this.sqlite
      .prepare(
        `SELECT a.kind, p.name FROM stock_alerts a JOIN products p ON p.id = a.product_id
         WHERE a.status != 'resolved' AND a.kind IN ('low_stock', 'slow_moving')
         ORDER BY a.kind, p.name`,
      )
      .all() as { kind: 'low_stock' | 'slow_moving'; name: string }[];
    if (!rows.length) return null;
    const part = (kind: string, label: string, advice: string) => {
      const names = [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.name))];
      if (!names.length) return null;
      const more = names.length > NAMED ? `等${names.length}项` : '';
      return `${label}：${names.slice(0, NAMED).join('、')}${more}（${advice}）`;
    };
    const day = localDate(this.clock.now(), this.timeZone());
    return [
      `【${signature}】${day} 库存日报`,
      [
        part('low_stock', '缺货预警', '建议补货，预计涨价'),
        part('slow_moving', '滞销', '建议打折促销'),
      ]
        .filter(Boolean)
        .join('；'),
      '详情请在店务通查看。拒收请回复R',
    ].join(' ');
  }

  /** Today's summary, once; nothing when no phone is set, nothing to say, or not paired. */
  async sendDue(): Promise<boolean> {
    const policy = readOutreachSettings(this.settings);
    const link = this.sync.link.get();
    if (!policy.summaryPhones.length || !policy.signature || link?.state !== 'paired') return false;
    const timeZone = this.timeZone();
    const now = this.clock.now();
    const day = localDate(now, timeZone);
    if (this.settings.get<string>(LAST_SENT_KEY) === day) return false;
    const composed = this.settings.get<{ day: string; text: string }>(COMPOSED_KEY);
    const text = composed?.day === day ? composed.text : this.compose(policy.signature);
    if (!text) return false;
    this.settings.set(COMPOSED_KEY, { day, text });
    const id = summaryId(link.merchantId, day);
    await this.sync.callCloud('outreach.createCampaign', {
      body: {
        id,
        purpose: 'merchant',
        name: `库存日报 ${day}`,
        signature: policy.signature,
        text,
        templateId: null,
        sendAt: now,
        timeZone,
        capPer30Days: 60,
      },
    });
    await this.sync.callCloud('outreach.addRecipients', {
      params: { campaignId: id },
      body: {
        recipients: policy.summaryPhones.map((phone) => ({ phone, stratum: 'none' as const })),
      },
    });
    await this.sync.callCloud('outreach.startCampaign', { params: { campaignId: id } });
    this.settings.set(LAST_SENT_KEY, day);
    return true;
  }
}
