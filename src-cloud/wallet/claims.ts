import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { CloudDb, CloudTx, Queryable } from '../db/open';
import type { ConsumerActor } from '../http/context';
import type { SigningKeysStore } from '../merchants/signing-keys';
import { chainStores } from '../projections/schema';
import { appendEvents } from '../sync/event-log';
import { eventHash } from '../sync/payload-hash';
import { holdStream } from '../sync/stream';
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

/** The phone's claims of an issuance, the latest first. */
const heldBy = (db: Queryable, actor: ConsumerActor, issuanceId: string) =>
  db
    .select()
    .from(walletClaims)
    .where(
      and(
        eq(walletClaims.merchantId, actor.merchantId),
        eq(walletClaims.issuanceId, issuanceId),
        eq(walletClaims.phone, actor.phone),
      ),
    )
    .orderBy(desc(walletClaims.n));

/** The zone a coupon's days are counted in: its store's, else the template's first store's. */
async function zoneFor(tx: CloudTx, merchantId: string, storeId: string | null) {
  if (!storeId) return DEFAULT_TIME_ZONE;
  const [store] = await tx
    .select({ timezone: chainStores.timezone })
    .from(chainStores)
    .where(and(eq(chainStores.merchantId, merchantId), eq(chainStores.storeId, storeId)));
  return store?.timezone ?? DEFAULT_TIME_ZONE;
}

/**
 * Claims: the cloud issues a real code of the template to a signed-in phone. Exact under any
 * concurrency by three locks that each suffice for their rule: the claim holds the merchant's
 * stream (the `coupons.issued` event needs its place in the stream anyway), the counter is
 * taken by a conditional UPDATE (claimed < count), and the phone's claim number n is unique
 * per issuance (n ≤ perPerson).
 */
export class WalletClaims {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly keys: SigningKeysStore,
  ) {}

  /** The claim a phone makes (or the one it holds when at its limit: `already`). */
  async claim(
    actor: ConsumerActor,
    issuanceId: string,
    source: IssuanceRow['source'] = 'desktop',
  ): Promise<{ claim: ClaimRow; already: boolean }> {
    const issuance = await findIssuance(this.db, actor.merchantId, issuanceId);
    // A store poster's issuance is claimed through its store's address only.
    if (!issuance || issuance.source !== source)
      throw new AppError('NOT_FOUND', { entity: 'issuance', id: issuanceId });
    // A phone at its limit is answered without waiting for the merchant's stream.
    const held = await heldBy(this.db, actor, issuanceId);
    if (held[0] && held.length >= issuance.perPerson) return { claim: held[0], already: true };
    return this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, actor.merchantId);
      const fresh = (await findIssuance(tx, actor.merchantId, issuanceId))!;
      const mine = await heldBy(tx, actor, issuanceId);
      if (mine[0] && mine.length >= fresh.perPerson) return { claim: mine[0], already: true };
      const template = await findTemplate(tx, actor.merchantId, fresh.templateId);
      const now = this.clock.now();
      const early = unavailableReason(fresh, template, now);
      if (early && early !== 'ISSUANCE_EXHAUSTED') throw new AppError(early);
      const key = await this.keys.active(tx, actor.merchantId);
      if (!key) throw new AppError('SIGNING_KEY_MISSING');
      await this.takeOne(tx, fresh, template!, now);
      const claim = await this.issue(tx, actor, fresh, template!, mine.length + 1, now, key);
      const event = {
        kind: 'coupons.issued',
        entityId: fresh.id,
        occurredAt: now,
        payload: {
          batchId: fresh.id,
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
      const seq = stream.next();
      await appendEvents(tx, [
        {
          merchantId: actor.merchantId,
          eventId: claim.eventId,
          seq,
          deviceId: null,
          ...event,
          payloadHash: eventHash(event),
          status: 'accepted',
          result: { eventId: claim.eventId, status: 'accepted', seq: String(seq) },
          receivedAt: now,
        },
      ]);
      await stream.save();
      return { claim, already: false };
    });
  }

  /** The counter goes down by one, or the claim is refused with the reason (no row changed). */
  private async takeOne(tx: CloudTx, issuance: IssuanceRow, template: TemplateRow, now: number) {
    const taken = await tx
      .update(walletIssuances)
      .set({ claimed: sql`${walletIssuances.claimed} + 1` })
      .where(
        and(
          eq(walletIssuances.merchantId, issuance.merchantId),
          eq(walletIssuances.id, issuance.id),
          eq(walletIssuances.status, 'active'),
          sql`(${walletIssuances.count} is null or ${walletIssuances.claimed} < ${walletIssuances.count})`,
          sql`(${walletIssuances.startsAt} is null or ${walletIssuances.startsAt} <= ${now})`,
          sql`(${walletIssuances.endsAt} is null or ${walletIssuances.endsAt} > ${now})`,
        ),
      )
      .returning({ claimed: walletIssuances.claimed });
    if (!taken.length)
      throw new AppError(unavailableReason(issuance, template, now) ?? 'ISSUANCE_EXHAUSTED');
  }

  private async issue(
    tx: CloudTx,
    actor: ConsumerActor,
    issuance: IssuanceRow,
    template: TemplateRow,
    n: number,
    now: number,
    key: { kid: string; secret: string },
  ): Promise<ClaimRow> {
    const storeId = issuance.storeId ?? template.storeIds[0] ?? null;
    const timezone = await zoneFor(tx, actor.merchantId, storeId);
    const { validFrom, validUntil } = claimValidity(template.validity, now, timezone);
    // A fixed window already over would hand out a dead coupon.
    if (validUntil < now) throw new AppError('ISSUANCE_ENDED');
    const code = generateCodes(template.codeFormat, 1)[0]!;
    const claim: ClaimRow = {
      merchantId: actor.merchantId,
      id: newId(),
      issuanceId: issuance.id,
      phone: actor.phone,
      n,
      code,
      token: signToken(
        { kid: key.kid, code, templateId: template.templateId, validUntil },
        Buffer.from(key.secret, 'base64'),
      ),
      templateId: template.templateId,
      templateVersion: template.version,
      storeId: issuance.storeId,
      validFrom,
      validUntil,
      timezone,
      claimedAt: now,
      eventId: newId(),
    };
    // The unique index (issuance, phone, n) has the last word on the per-person limit.
    await tx.insert(walletClaims).values(claim);
    return claim;
  }
}
