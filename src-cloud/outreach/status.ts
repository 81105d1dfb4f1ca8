import { and, eq, sql } from 'drizzle-orm';
import type { SmsCampaignStatus } from '../../src-shared/sync/outreach';
import type { RecipientRule } from '../../src-shared/outreach/sms-rules';
import type { Queryable } from '../db/open';
import { outreachCampaigns, outreachMessages, type MessageState } from './schema';

/**
 * Where a campaign stands, from its messages in one grouped query: counts per state, skipped per
 * rule, offers placed, carrier parts handed over, when the next waiting text may go. 'receiving'
 * until started, 'sending' while any text waits or is in flight, then 'done' (receipts may
 * still come).
 */
export async function campaignStatus(
  db: Queryable,
  campaign: typeof outreachCampaigns.$inferSelect,
): Promise<SmsCampaignStatus> {
  const groups = await db
    .select({
      state: outreachMessages.state,
      reason: outreachMessages.skipReason,
      n: sql<number>`count(*)`.mapWith(Number),
      placed: sql<number>`count(${outreachMessages.claimId})`.mapWith(Number),
      handed: sql<number>`count(${outreachMessages.sentAt})`.mapWith(Number),
      parts: sql<number>`coalesce(sum(${outreachMessages.parts}), 0)`.mapWith(Number),
      nextAt: sql<number | null>`min(${outreachMessages.notBefore})`.mapWith(Number),
      lastAt: sql<
        number | null
      >`max(coalesce(${outreachMessages.settledAt}, ${outreachMessages.sentAt}))`.mapWith(Number),
    })
    .from(outreachMessages)
    .where(
      and(
        eq(outreachMessages.merchantId, campaign.merchantId),
        eq(outreachMessages.campaignId, campaign.id),
      ),
    )
    .groupBy(outreachMessages.state, outreachMessages.skipReason);
  const count = (...states: MessageState[]) =>
    groups.filter((g) => states.includes(g.state)).reduce((sum, g) => sum + g.n, 0);
  const skipped: Record<RecipientRule, number> = { noConsent: 0, suppressed: 0, frequencyCap: 0 };
  for (const g of groups) if (g.state === 'skipped' && g.reason) skipped[g.reason] += g.n;
  const started = campaign.startedAt !== null;
  // Before the start, received recipients are only held; after it they are on their way.
  const waiting = count('queued', 'sending') + (started ? count('received') : 0);
  const queuedGroup = groups.find((g) => g.state === 'queued');
  const lastAt = Math.max(0, ...groups.map((g) => g.lastAt ?? 0));
  const state = !started ? 'receiving' : waiting > 0 ? 'sending' : 'done';
  return {
    id: campaign.id,
    state,
    recipients: count('received', 'queued', 'sending', 'sent', 'delivered', 'failed', 'skipped'),
    queued: waiting,
    // Handed to the provider (a failed receipt afterwards included).
    sent: groups.reduce((sum, g) => sum + g.handed, 0),
    delivered: count('delivered'),
    failed: count('failed'),
    skipped,
    placed: groups.reduce((sum, g) => sum + g.placed, 0),
    parts: groups.reduce((sum, g) => sum + g.parts, 0),
    nextSendAt: queuedGroup?.nextAt ?? null,
    startedAt: campaign.startedAt,
    finishedAt: state === 'done' ? Math.max(campaign.startedAt!, lastAt) : null,
  };
}
