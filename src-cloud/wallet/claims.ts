import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { CloudDb, Queryable } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { signingKeys } from '../merchants/schema';
import { chainStores } from '../projections/schema';
import { unavailableReason, type IssuanceRow, type TemplateRow } from './availability';
import { walletClaims, walletIssuances, walletTemplates } from './schema';
import { ClaimBatches } from './claim-batches';
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
      // Named in full (a bare column would resolve inside the subquery).
      held: sql<number>`(select count(*) from wallet_claims c
        where c.merchant_id = wallet_issuances.merchant_id
          and c.issuance_id = wallet_issuances.id and c.phone = ${actor.phone})`.mapWith(Number),
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

/**
 * Claims: the cloud issues a real code of the template to a signed-in phone. Exact under any
 * concurrency: the counter is taken by a conditional UPDATE (claimed < count), the phone's
 * claim number n is unique per issuance (n <= perPerson), and the `coupons.issued` event gets
 * its place in the merchant's stream under the stream's lock. Everything else (template, key,
 * zone, the code and its signature) is prepared before the lock: the merchant's claims queue on
 * it, so it is held for one statement per claim (claims arriving together share a commit).
 */
export class WalletClaims {
  private readonly batches: ClaimBatches;

  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {
    this.batches = new ClaimBatches(db);
  }

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
      const outcome = await this.batches.submit(claim);
      if (outcome === 'claimed') return { claim, already: false, template: context.template! };
      if (outcome === 'refused') {
        const issuance = (await findIssuance(this.db, actor.merchantId, issuanceId))!;
        const template = await findTemplate(this.db, actor.merchantId, issuance.templateId);
        throw new AppError(
          unavailableReason(issuance, template, claim.claimedAt) ?? 'ISSUANCE_EXHAUSTED',
        );
      }
      // 'numberTaken': the phone's other claim was written first; read and decide again.
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
      source: 'claim',
      hop: 0,
      parentClaimId: null,
      sharesUsed: 0,
      transferredAt: null,
    };
  }
}
