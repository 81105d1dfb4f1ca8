import { sql } from 'drizzle-orm';
import type { CloudDb, CloudTx } from '../db/open';
import { appendEvents, type EventRow } from '../sync/event-log';
import { eventHash } from '../sync/payload-hash';
import { holdStream } from '../sync/stream';
import type { walletClaims } from './schema';

type ClaimRow = typeof walletClaims.$inferSelect;

/** What the database said of one claim: written; its number taken by the phone's other claim; refused. */
export type ClaimOutcome = 'claimed' | 'numberTaken' | 'refused';

interface Pending {
  claim: ClaimRow;
  resolve(outcome: ClaimOutcome): void;
  reject(error: unknown): void;
}

/** Claims written in one transaction at most (one commit, one wait for the disk). */
const MAX_BATCH = 50;

/** The `coupons.issued` event that takes a claimed code to every PC of the merchant. */
export function issuedEvent(claim: ClaimRow, seq: number): EventRow {
  const event = {
    kind: 'coupons.issued',
    entityId: claim.issuanceId,
    occurredAt: claim.claimedAt,
    payload: {
      batchId: claim.issuanceId,
      templateId: claim.templateId,
      templateVersion: claim.templateVersion,
      storeId: claim.storeId,
      count: 1,
      phone: claim.phone,
      validFrom: claim.validFrom,
      validUntil: claim.validUntil,
      codes: [claim.code],
    },
  };
  return {
    merchantId: claim.merchantId,
    eventId: claim.eventId,
    seq,
    deviceId: null,
    ...event,
    payloadHash: eventHash(event),
    status: 'accepted',
    result: { eventId: claim.eventId, status: 'accepted', seq: String(seq) },
    receivedAt: claim.claimedAt,
  };
}

/**
 * In one statement: the counter goes down by one (a conditional UPDATE: claimed < count, active,
 * within its dates) and the claim is written under its number (unique per issuance and phone).
 */
async function writeClaim(tx: CloudTx, c: ClaimRow): Promise<ClaimOutcome> {
  const result = await tx.execute(sql`
    with taken as (
      update wallet_issuances set claimed = claimed + 1
      where merchant_id = ${c.merchantId} and id = ${c.issuanceId} and status = 'active'
        and (count is null or claimed < count)
        and (starts_at is null or starts_at <= ${c.claimedAt}::bigint)
        and (ends_at is null or ends_at > ${c.claimedAt}::bigint)
      returning id
    ), claim as (
      insert into wallet_claims (merchant_id, id, issuance_id, phone, n, code, token,
        template_id, template_version, store_id, valid_from, valid_until, timezone,
        claimed_at, event_id)
      select ${c.merchantId}::text, ${c.id}::text, ${c.issuanceId}::text, ${c.phone}::text,
        ${c.n}::int, ${c.code}::text, ${c.token}::text, ${c.templateId}::text,
        ${c.templateVersion}::int, ${c.storeId}::text, ${c.validFrom}::bigint,
        ${c.validUntil}::bigint, ${c.timezone}::text, ${c.claimedAt}::bigint, ${c.eventId}::text
      from taken
      on conflict (merchant_id, issuance_id, phone, n) do nothing
      returning id
    )
    select (select count(*) from taken)::int as taken, (select count(*) from claim)::int as claimed`);
  const [row] = (result as unknown as { rows: { taken: number; claimed: number }[] }).rows;
  if (Number(row?.claimed) === 1) return 'claimed';
  if (Number(row?.taken) !== 1) return 'refused';
  // The counter was taken for a claim that was not written: given back in the same transaction.
  await tx.execute(sql`update wallet_issuances set claimed = claimed - 1
    where merchant_id = ${c.merchantId} and id = ${c.issuanceId}`);
  return 'numberTaken';
}

/**
 * Writes a merchant's claims in batches: the claims that arrive while one transaction runs go
 * together in the next one. Each claim is still decided alone (its own conditional UPDATE and
 * unique insert, in arrival order); they share the stream lock and one commit. In a rush the
 * merchant's claims queue on that lock whatever happens; batching makes the queue move many
 * at a time instead of paying a commit each, and keeps the waiting claims from each holding a
 * pooled connection. The database lock stays the authority across nodes.
 */
export class ClaimBatches {
  private readonly pending = new Map<string, Pending[]>();
  private readonly running = new Set<string>();

  constructor(private readonly db: CloudDb) {}

  submit(claim: ClaimRow): Promise<ClaimOutcome> {
    return new Promise((resolve, reject) => {
      const list = this.pending.get(claim.merchantId) ?? [];
      list.push({ claim, resolve, reject });
      this.pending.set(claim.merchantId, list);
      if (!this.running.has(claim.merchantId)) void this.drain(claim.merchantId);
    });
  }

  private async drain(merchantId: string) {
    this.running.add(merchantId);
    try {
      for (;;) {
        const batch = this.pending.get(merchantId)?.splice(0, MAX_BATCH) ?? [];
        if (!batch.length) break;
        try {
          const outcomes = await this.db.transaction((tx) =>
            this.write(
              tx,
              merchantId,
              batch.map((p) => p.claim),
            ),
          );
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (error) {
          batch.forEach((p) => p.reject(error));
        }
      }
    } finally {
      // No await since the queue was found empty: a claim arriving now starts a new drain.
      this.running.delete(merchantId);
      this.pending.delete(merchantId);
    }
  }

  private async write(tx: CloudTx, merchantId: string, claims: ClaimRow[]) {
    const stream = await holdStream(tx, merchantId);
    const outcomes: ClaimOutcome[] = [];
    const events: EventRow[] = [];
    for (const claim of claims) {
      const outcome = await writeClaim(tx, claim);
      outcomes.push(outcome);
      if (outcome === 'claimed') events.push(issuedEvent(claim, stream.next()));
    }
    await appendEvents(tx, events);
    await stream.save();
    return outcomes;
  }
}
