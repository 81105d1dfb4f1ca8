import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import { recipientFailure, sendWindowStart } from '../../src-shared/outreach/sms-rules';
import type { CloudDb, CloudTx } from '../db/open';
import { outreachCampaigns, outreachMessages, outreachSuppressions } from './schema';

/** Texts count against the frequency cap while on their way or handed over (see `decide`). */
export const FREQUENCY_PERIOD_MS = 30 * 24 * 3600_000;

/** Recipients checked per transaction (one query each for consent, suppression and count). */
const CHUNK = 1000;

type CampaignRow = typeof outreachCampaigns.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * One merchant's checks run one at a time (a transaction-scoped advisory lock): two campaigns
 * starting together cannot both count a phone under its cap. Other merchants are not held.
 */
async function holdMerchantChecks(tx: CloudTx, merchantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`outreach:${merchantId}`}))`);
}

/**
 * Checks the received recipients of a started campaign again in the cloud and decides each:
 * skipped with its rule (marketing consent withdrawn in the wallet, suppressed for the
 * campaign's signature, or the frequency cap over the last 30 days, this text included), or
 * queued for the sending window: the next 08:00–20:00 in the campaign's zone at or after
 * `sendAt`. A text to the shop's own staff (purpose 'merchant') needs neither the consent nor
 * the cap, but a suppression stands. Chunk by chunk until none is left or, when given, the
 * real-time `deadline` (performance.now()) passed: the sender checks the rest of a large
 * campaign between its batches. Answers how many were decided and whether some wait.
 */
export async function checkReceived(
  db: CloudDb,
  clock: Clock,
  merchantId: string,
  campaignId: string,
  deadline = Number.POSITIVE_INFINITY,
): Promise<{ decided: number; more: boolean }> {
  let decided = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await holdMerchantChecks(tx, merchantId);
      const [campaign] = await tx
        .select()
        .from(outreachCampaigns)
        .where(
          and(eq(outreachCampaigns.merchantId, merchantId), eq(outreachCampaigns.id, campaignId)),
        );
      if (!campaign?.startedAt) return 0;
      const rows = await tx
        .select({
          id: outreachMessages.id,
          phone: outreachMessages.phone,
          phoneHash: outreachMessages.phoneHash,
        })
        .from(outreachMessages)
        .where(
          and(
            eq(outreachMessages.merchantId, merchantId),
            eq(outreachMessages.campaignId, campaignId),
            eq(outreachMessages.state, 'received'),
          ),
        )
        .limit(CHUNK);
      if (!rows.length) return 0;
      await decide(tx, campaign, rows, clock.now());
      return rows.length;
    });
    decided += done;
    if (done < CHUNK) return { decided, more: false };
    if (performance.now() >= deadline) return { decided, more: true };
  }
}

async function decide(
  tx: CloudTx,
  campaign: CampaignRow,
  rows: { id: string; phone: string; phoneHash: string }[],
  now: number,
) {
  const marketing = campaign.purpose === 'marketing';
  const phones = rows.map((r) => r.phone);
  const hashes = rows.map((r) => r.phoneHash);
  const withdrawn = new Set<string>();
  const sentInPeriod = new Map<string, number>();
  if (marketing) {
    // Both per phone (a probe of its own index each): a statement over the whole list would
    // let a planner without statistics (PGlite has no autovacuum) scan every message of the
    // merchant for every chunk.
    // The wallet's latest marketing answer per phone. No answer there: the consent the shop
    // recorded at its till (which chose the audience) stands; a withdrawal in the wallet wins.
    const consents = await tx.execute(sql`
      select p.phone from jsonb_array_elements_text(${JSON.stringify(phones)}::jsonb) as p(phone)
      where (select c.granted from consumer_consents c
        where c.merchant_id = ${campaign.merchantId} and c.phone = p.phone
          and c.purpose = 'marketing'
        order by c.at desc, c.id desc limit 1) = false`);
    for (const c of rowsOf<{ phone: string }>(consents)) withdrawn.add(c.phone);
    const counts = await tx.execute(sql`
      select h.hash, (select count(*) from outreach_messages m
        where m.merchant_id = ${campaign.merchantId} and m.phone_hash = h.hash
          and m.not_before > ${now - FREQUENCY_PERIOD_MS}::bigint and m.marketing
          and m.state in ('queued', 'sending', 'sent', 'delivered'))::int as n
      from jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb) as h(hash)`);
    for (const c of rowsOf<{ hash: string; n: number }>(counts))
      sentInPeriod.set(c.hash, Number(c.n));
  }
  const suppressed = new Set(
    (
      await tx
        .select({ phoneHash: outreachSuppressions.phoneHash })
        .from(outreachSuppressions)
        .where(
          and(
            eq(outreachSuppressions.merchantId, campaign.merchantId),
            eq(outreachSuppressions.signature, campaign.signature),
            inArray(outreachSuppressions.phoneHash, hashes),
          ),
        )
    ).map((s) => s.phoneHash),
  );
  const notBefore = sendWindowStart(Math.max(campaign.sendAt, now), campaign.timeZone);
  const decisions = rows.map((r) => {
    const reason = recipientFailure({
      marketingConsent: !withdrawn.has(r.phone),
      suppressed: suppressed.has(r.phoneHash),
      sentInPeriod: sentInPeriod.get(r.phoneHash) ?? 0,
      cap: marketing ? campaign.capPer30Days : Number.POSITIVE_INFINITY,
    });
    return { id: r.id, reason };
  });
  await tx.execute(sql`
    update outreach_messages m set
      state = case when d.reason is null then 'queued' else 'skipped' end,
      skip_reason = d.reason,
      not_before = case when d.reason is null then ${notBefore}::bigint else null end,
      queued_at = case when d.reason is null then ${now}::bigint else null end,
      settled_at = case when d.reason is null then null else ${now}::bigint end
    from jsonb_to_recordset(${JSON.stringify(decisions)}::jsonb) as d(id text, reason text)
    where m.id = d.id and m.state = 'received'`);
}
