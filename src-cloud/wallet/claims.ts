import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { CloudDb, CloudTx, Queryable } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { signingKeys } from '../merchants/schema';
import { chainStores } from '../projections/schema';
import { appendEvents } from '../sync/event-log';
import { eventHash } from '../sync/payload-hash';
import { takeSeq } from '../sync/stream';
import { unavailableReason, type IssuanceRow, type TemplateRow } from './availability';
import { walletClaims, walletIssuances, walletTemplates } from './schema';
import { claimValidity } from './validity';

export type ClaimRow = typeof walletClaims.$inferSelect;

export async function findIssuance(db: Queryable, merchantId: string, issuanceId: string) {
  const [row] = await db
    .select()
    .from(walletIssuances)
    .where(and(eq(walletIssuances.merchantId, merchantId), eq(walletIssuances.id, issuanceId)));
  return row ?? null;
}

export async function findTemplate(db: Queryable, merchantId: string, templateId: string) {
  const [row] = await db
    .select()
    .from(walletTemplates)
    .where(
      and(eq(walletTemplates.merchantId, merchantId), eq(walletTemplates.templateId, templateId)),
    );
  return row ?? null;
}

/** The phone's latest claim of an issuance. */
async function latestHeld(db: Queryable, actor: ConsumerActor, issuanceId: string) {
  const [row] = await db
    .select()
    .from(walletClaims)
    .where(
      and(
        eq(walletClaims.merchantId, actor.merchantId),
        eq(walletClaims.issuanceId, issuanceId),
        eq(walletClaims.phone, actor.phone),
      ),
    )
    .orderBy(desc(walletClaims.n))
    .limit(1);
  return row ?? null;
}

/**
 * Everything a claim decides with, in one query: the issuance, its template, the merchant's
 * active key, the zone of the coupon's store, and how many the phone holds already.
 */
async function claimContext(db: Queryable, actor: ConsumerActor, issuanceId: string) {
  const [row] = await db
    .select({
      issuance: walletIssuances,
      template: walletTemplates,
      kid: signingKeys.kid,
      secret: signingKeys.secret,
      timezone: chainStores.timezone,
      held: sql<number>`(select count(*) from wallet_claims c
        where c.merchant_id = ${walletIssuances.merchantId} and c.issuance_id = ${walletIssuances.id}
          and c.phone = ${actor.phone})`.mapWith(Number),
    })
    .from(walletIssuances)
    .leftJoin(
      walletTemplates,
      and(
        eq(walletTemplates.merchantId, walletIssuances.merchantId),
        eq(walletTemplates.templateId, walletIssuances.templateId),
      ),
    )
    .leftJoin(
      signingKeys,
      and(eq(signingKeys.merchantId, walletIssuances.merchantId), eq(signingKeys.active, true)),
    )
    .leftJoin(
      chainStores,
      and(
        eq(chainStores.merchantId, walletIssuances.merchantId),
        sql`${chainStores.storeId} = coalesce(${walletIssuances.storeId}, ${walletTemplates.storeIds}->>0)`,
      ),
    )
    .where(
      and(eq(walletIssuances.merchantId, actor.merchantId), eq(walletIssuances.id, issuanceId)),
    );
  return row ?? null;
}
type ClaimContext = NonNullable<Awaited<ReturnType<typeof claimContext>>>;

/** Another claim of the same phone took this claim number first: read and decide again. */
class NumberTaken extends Error {}

/**
 * Claims: the cloud issues a real code of the template to a signed-in phone. Exact under any
 * concurrency: the counter is taken by a conditional UPDATE (claimed < count), the phone's
 * claim number n is unique per issuance (n <= perPerson), and the `coupons.issued` event gets
 * its place in the merchant's stream under the stream's lock. Everything else (template, key,
 * zone, the code and its signature) is prepared before the lock: the merchant's claims queue on
 * it, so it is held for three statements and the commit.
 */
export class WalletClaims {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {}

  /** The claim a phone makes (or the one it holds when at its limit: `already`). */
  async claim(
    actor: ConsumerActor,
    issuanceId: string,
    source: IssuanceRow['source'] = 'desktop',
  ): Promise<{ claim: ClaimRow; already: boolean; template: TemplateRow }> {
    for (;;) {
      const context = await claimContext(this.db, actor, issuanceId);
      // A store poster's issuance is claimed through its store's address only.
      if (!context || context.issuance.source !== source)
        throw new AppError('NOT_FOUND', { entity: 'issuance', id: issuanceId });
      if (context.held >= context.issuance.perPerson) {
        const held = await latestHeld(this.db, actor, issuanceId);
        if (held) return { claim: held, already: true, template: context.template! };
      }
      const claim = this.prepare(actor, context);
      try {
        await this.db.transaction(async (tx) => {
          const seq = await takeSeq(tx, actor.merchantId);
          await this.takeOne(tx, claim);
          await this.announce(tx, seq, claim);
        });
        return { claim, already: false, template: context.template! };
      } catch (error) {
        // Rolled back (the counter and the stream too); decided again on the next turn.
        if (!(error instanceof NumberTaken)) throw error;
      }
    }
  }

  /** The coupon this claim would issue: a fresh code, its validity and signature. */
  private prepare(actor: ConsumerActor, context: ClaimContext): ClaimRow {
    const { issuance, template } = context;
    const now = this.clock.now();
    const refusal = unavailableReason(issuance, template, now);
    // Running out is for the counter's UPDATE to say (the count read here may be stale).
    if (refusal && refusal !== 'ISSUANCE_EXHAUSTED') throw new AppError(refusal);
    if (!context.kid || !context.secret) throw new AppError('SIGNING_KEY_MISSING');
    const t = template!;
    const timezone = context.timezone ?? DEFAULT_TIME_ZONE;
    const { validFrom, validUntil } = claimValidity(t.validity, now, timezone);
    // A fixed window already over would hand out a dead coupon.
    if (validUntil < now) throw new AppError('ISSUANCE_ENDED');
    const code = generateCodes(t.codeFormat, 1)[0]!;
    return {
      merchantId: actor.merchantId,
      id: newId(),
      issuanceId: issuance.id,
      phone: actor.phone,
      n: context.held + 1,
      code,
      token: signToken(
        { kid: context.kid, code, templateId: t.templateId, validUntil },
        Buffer.from(context.secret, 'base64'),
      ),
      templateId: t.templateId,
      templateVersion: t.version,
      storeId: issuance.storeId,
      validFrom,
      validUntil,
      timezone,
      claimedAt: now,
      eventId: newId(),
    };
  }

  /**
   * In one statement: the counter goes down by one (a conditional UPDATE) and the claim is
   * written under its number (unique per issuance and phone). Refused: the reason, named; the
   * number taken by the phone's other claim: NumberTaken (the transaction rolls back).
   */
  private async takeOne(tx: CloudTx, c: ClaimRow) {
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
          ${c.validUntil}::bigint, ${c.timezone}::text, ${c.claimedAt}::bigint,
          ${c.eventId}::text
        from taken
        on conflict (merchant_id, issuance_id, phone, n) do nothing
        returning id
      )
      select (select count(*) from taken)::int as taken,
        (select count(*) from claim)::int as claimed`);
    const [row] = (result as unknown as { rows: { taken: number; claimed: number }[] }).rows;
    if (row && Number(row.claimed) === 1) return;
    if (row && Number(row.taken) === 1) throw new NumberTaken();
    const issuance = (await findIssuance(tx, c.merchantId, c.issuanceId))!;
    const template = await findTemplate(tx, c.merchantId, issuance.templateId);
    throw new AppError(unavailableReason(issuance, template, c.claimedAt) ?? 'ISSUANCE_EXHAUSTED');
  }

  /** The code goes to every PC of the merchant: a `coupons.issued` event in its stream. */
  private async announce(tx: CloudTx, seq: number, claim: ClaimRow) {
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
    await appendEvents(tx, [
      {
        merchantId: claim.merchantId,
        eventId: claim.eventId,
        seq,
        deviceId: null,
        ...event,
        payloadHash: eventHash(event),
        status: 'accepted',
        result: { eventId: claim.eventId, status: 'accepted', seq: String(seq) },
        receivedAt: claim.claimedAt,
      },
    ]);
  }
}
