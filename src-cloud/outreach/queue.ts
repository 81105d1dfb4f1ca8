import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import type { Logger } from '../../src-node/logger';
import { sendWindowStart, smsLength } from '../../src-shared/outreach/sms-rules';
import type { OutreachConfig } from '../config';
import type { CloudDb } from '../db/open';
import { merchants } from '../merchants/schema';
import type { SmsProvider } from '../sms/provider';
import { placeOffers } from './offers';
import { checkReceived } from './recipient-check';
import { outreachCampaigns } from './schema';
import { Throttle } from './throttle';

/** The first retry waits this long, each next one twice as long, never more than an hour. */
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 3600_000;
/** Checking recipients a round may spend before it sends again. */
const CHECK_PER_ROUND_MS = 250;

type Campaign = typeof outreachCampaigns.$inferSelect & {
  merchantCode: string;
  merchantName: string;
};

interface Claimed {
  id: string;
  merchantId: string;
  campaignId: string;
  phone: string;
  claimId: string | null;
  attempts: number;
}

/**
 * What became of a claimed text: handed over; failed once (queued again after a backoff, or
 * failed for good after the last attempt); put back untried (outside the window, or the sender
 * is stopping).
 */
type Outcome =
  | { id: string; outcome: 'sent'; parts: number }
  | { id: string; outcome: 'retry' | 'failed'; notBefore: number | null; error: string }
  | { id: string; outcome: 'later'; notBefore: number | null };

/**
 * The campaigns' sender: claims due texts of its deployment in batches (FOR UPDATE SKIP LOCKED:
 * two cloud nodes never take the same one), leases them, and for each: puts it back when the
 * sending window closed meanwhile, places the campaign's coupon in the wallet, hands the text to
 * the provider (throttled) with its message id, then marks it sent, or retries it with backoff
 * under the same id, up to a limit. A text whose sender died is queued again when its lease runs
 * out and sent with the same id (the provider dedupes on it). Stopping lets the texts in flight
 * finish and be marked, and puts the rest of the batch back: a graceful restart sends nothing
 * twice.
 */
export class OutreachSender {
  private readonly throttle: Throttle;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly sms: SmsProvider,
    private readonly config: OutreachConfig,
    private readonly deployment: string,
    private readonly logger: Logger,
  ) {
    this.throttle = new Throttle(config.sendRatePerSecond);
  }

  /** Sends until the returned stop is called; stop resolves once the texts in flight are marked. */
  start(): () => Promise<void> {
    const loop = (async () => {
      while (!this.stopping) {
        let busy = false;
        try {
          const round = await this.runOnce();
          // A full batch, or recipients left to check: there is more to do at once.
          busy = round.claimed >= this.config.batchSize || round.toCheck;
        } catch (error) {
          this.logger.error('sms sending failed', { error: String(error) });
        }
        if (!busy && !this.stopping) await this.pause();
      }
    })();
    return async () => {
      this.stopping = true;
      this.wake?.();
      await loop;
    };
  }

  private pause() {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.config.pollEveryMs);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * One round: leases run out, recipients checked for a while, one batch claimed and sent.
   * Answers how many texts it claimed and whether recipients still wait for their check.
   */
  async runOnce(): Promise<{ claimed: number; toCheck: boolean }> {
    const now = this.clock.now();
    await this.requeueExpired(now);
    const toCheck = await this.checkLateRecipients();
    const lease = now + this.config.leaseMs;
    const claimed = await this.claim(now, lease);
    if (!claimed.length) return { claimed: 0, toCheck };
    const campaigns = await this.campaignsOf(claimed);
    const outcomes: Outcome[] = [];
    const byCampaign = new Map<string, Claimed[]>();
    for (const m of claimed) {
      const key = `${m.merchantId}/${m.campaignId}`;
      const group = byCampaign.get(key);
      if (group) group.push(m);
      else byCampaign.set(key, [m]);
    }
    for (const [key, messages] of byCampaign) {
      const campaign = campaigns.get(key);
      // (Campaigns are never deleted; should one be missing, its texts fail rather than loop.)
      if (!campaign)
        outcomes.push(...messages.map((m) => this.failure(m, 'no campaign', now, true)));
      else outcomes.push(...(await this.sendCampaign(campaign, messages)));
    }
    await this.mark(outcomes, lease);
    return { claimed: claimed.length, toCheck };
  }

  private async sendCampaign(campaign: Campaign, messages: Claimed[]): Promise<Outcome[]> {
    const now = this.clock.now();
    // The window may have closed since the text was queued: it waits for the next one.
    const opens = sendWindowStart(now, campaign.timeZone);
    if (opens > now || this.stopping)
      return messages.map((m) => ({
        id: m.id,
        outcome: 'later',
        notBefore: opens > now ? opens : null,
      }));
    const outcomes: Outcome[] = [];
    let sendable = messages;
    const unplaced = messages.filter((m) => m.claimId === null);
    if (campaign.templateId && unplaced.length) {
      try {
        const placed = await placeOffers(this.db, campaign, unplaced, now);
        for (const m of unplaced) m.claimId = placed.get(m.id) ?? null;
      } catch (error) {
        // No coupon, no text (the text promises it): tried again later like a refused text.
        this.logger.warn('campaign offer not placed', {
          campaignId: campaign.id,
          error: String(error),
        });
        outcomes.push(...unplaced.map((m) => this.failure(m, `offer: ${String(error)}`, now)));
        sendable = messages.filter((m) => m.claimId !== null);
      }
    }
    const { parts } = smsLength(campaign.text);
    const pending = [...sendable];
    const worker = async () => {
      for (let m = pending.shift(); m; m = pending.shift()) {
        if (this.stopping) {
          outcomes.push({ id: m.id, outcome: 'later', notBefore: null });
          continue;
        }
        await this.throttle.take();
        if (this.stopping) {
          outcomes.push({ id: m.id, outcome: 'later', notBefore: null });
          continue;
        }
        try {
          await this.sms.send({
            id: m.id,
            to: m.phone,
            text: campaign.text,
            template: 'marketing',
            params: { campaignId: campaign.id, signature: campaign.signature },
            merchant: { code: campaign.merchantCode, name: campaign.merchantName },
          });
          outcomes.push({ id: m.id, outcome: 'sent', parts });
        } catch (error) {
          outcomes.push(this.failure(m, String(error), this.clock.now()));
        }
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.max(1, Math.min(this.config.concurrency, sendable.length)) },
        worker,
      ),
    );
    const failed = outcomes.filter((o) => o.outcome === 'retry' || o.outcome === 'failed');
    if (failed.length)
      this.logger.warn('sms not handed over', {
        campaignId: campaign.id,
        failed: failed.length,
        of: messages.length,
      });
    return outcomes;
  }

  private failure(m: Claimed, error: string, now: number, final = false): Outcome {
    const attempts = m.attempts + 1;
    if (final || attempts >= this.config.maxAttempts)
      return { id: m.id, outcome: 'failed', notBefore: null, error: error.slice(0, 200) };
    const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempts - 1));
    return { id: m.id, outcome: 'retry', notBefore: now + wait, error: error.slice(0, 200) };
  }

  /** Texts whose sender died (its lease ran out) are queued again, keeping their id. */
  private async requeueExpired(now: number) {
    await this.db.execute(sql`
      update outreach_messages set state = 'queued', lease_until = null
      where deployment = ${this.deployment} and state = 'sending' and lease_until < ${now}::bigint`);
  }

  /**
   * Recipients of started campaigns not checked yet (a large campaign beyond what its start
   * checked, or the cloud stopped between a page and its check): checked for a while each
   * round, so sending goes on meanwhile.
   */
  private async checkLateRecipients(): Promise<boolean> {
    const late = await this.db
      .select({ merchantId: outreachCampaigns.merchantId, id: outreachCampaigns.id })
      .from(outreachCampaigns)
      .where(
        and(
          eq(outreachCampaigns.deployment, this.deployment),
          isNotNull(outreachCampaigns.startedAt),
          sql`exists (select 1 from outreach_messages m
            where m.merchant_id = ${outreachCampaigns.merchantId}
              and m.campaign_id = ${outreachCampaigns.id} and m.state = 'received')`,
        ),
      );
    const deadline = performance.now() + CHECK_PER_ROUND_MS;
    let more = false;
    for (const c of late) {
      if (performance.now() >= deadline) return true;
      more = (await checkReceived(this.db, this.clock, c.merchantId, c.id, deadline)).more || more;
    }
    return more;
  }

  /** Due texts of this deployment, oldest due first, taken under a lease in one statement. */
  private async claim(now: number, lease: number): Promise<Claimed[]> {
    const result = await this.db.execute(sql`
      update outreach_messages m set state = 'sending', lease_until = ${lease}::bigint
      where m.id in (
        select id from outreach_messages
        where deployment = ${this.deployment} and state = 'queued'
          and not_before <= ${now}::bigint
        order by not_before
        limit ${this.config.batchSize}
        for update skip locked)
      returning m.id, m.merchant_id, m.campaign_id, m.phone, m.claim_id, m.attempts`);
    const rows = (
      result as unknown as {
        rows: {
          id: string;
          merchant_id: string;
          campaign_id: string;
          phone: string;
          claim_id: string | null;
          attempts: number;
        }[];
      }
    ).rows;
    return rows.map((r) => ({
      id: r.id,
      merchantId: r.merchant_id,
      campaignId: r.campaign_id,
      phone: r.phone,
      claimId: r.claim_id,
      attempts: Number(r.attempts),
    }));
  }

  private async campaignsOf(claimed: Claimed[]): Promise<Map<string, Campaign>> {
    const keys = [...new Set(claimed.map((m) => `${m.merchantId}/${m.campaignId}`))];
    const rows = await this.db
      .select({ campaign: outreachCampaigns, code: merchants.code, name: merchants.name })
      .from(outreachCampaigns)
      .innerJoin(merchants, eq(merchants.id, outreachCampaigns.merchantId))
      .where(
        or(
          ...keys.map((key) => {
            const [merchantId, id] = key.split('/') as [string, string];
            return and(eq(outreachCampaigns.merchantId, merchantId), eq(outreachCampaigns.id, id));
          }),
        ),
      );
    return new Map(
      rows.map((r) => [
        `${r.campaign.merchantId}/${r.campaign.id}`,
        { ...r.campaign, merchantCode: r.code, merchantName: r.name },
      ]),
    );
  }

  /**
   * Every outcome of the batch in one statement. A hand-over is always recorded (a receipt that
   * came first stays); a failure or a text put back only while this sender's lease holds (once
   * it ran out, the text is another sender's to mark).
   */
  private async mark(outcomes: Outcome[], lease: number) {
    if (!outcomes.length) return;
    const now = this.clock.now();
    const rows = outcomes.map((o) => ({
      id: o.id,
      outcome: o.outcome,
      parts: o.outcome === 'sent' ? o.parts : null,
      not_before: o.outcome === 'sent' ? null : o.notBefore,
      error: o.outcome === 'retry' || o.outcome === 'failed' ? o.error : null,
    }));
    await this.db.execute(sql`
      update outreach_messages m set
        state = case
          when r.outcome = 'sent' and m.state in ('queued', 'sending') then 'sent'
          when r.outcome = 'sent' then m.state
          when r.outcome = 'failed' then 'failed'
          else 'queued' end,
        sent_at = case when r.outcome = 'sent' then coalesce(m.sent_at, ${now}::bigint)
          else m.sent_at end,
        parts = coalesce(r.parts, m.parts),
        not_before = case when r.outcome in ('retry', 'later') then coalesce(r.not_before, m.not_before)
          else m.not_before end,
        attempts = m.attempts + case when r.outcome in ('retry', 'failed') then 1 else 0 end,
        last_error = coalesce(r.error, m.last_error),
        settled_at = case when r.outcome = 'failed' then ${now}::bigint else m.settled_at end,
        lease_until = null
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(id text, outcome text, parts int, not_before bigint, error text)
      where m.id = r.id
        and ((m.state = 'sending' and m.lease_until = ${lease}::bigint) or r.outcome = 'sent')`);
  }
}
