import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { ShareMode } from '../../src-shared/sync/shares';
import { DEFAULT_SHARING, type SharingConfig } from '../config';
import type { CloudDb, CloudTx, Queryable } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { signingKeys } from '../merchants/schema';
import { sha256 } from '../platform/secrets';
import { appendEvents, type EventRow } from '../sync/event-log';
import { eventHash } from '../sync/payload-hash';
import { couponClaims } from '../sync/schema';
import { holdStream } from '../sync/stream';
import { issuedEvent } from '../wallet/claim-batches';
import type { ClaimRow } from '../wallet/claims';
import { merchantStores, toWalletCoupon } from '../wallet/coupons';
import { walletClaims, walletTemplates } from '../wallet/schema';
import { claimJoins } from '../wallet/joins';
import { claimValidity } from '../wallet/validity';
import { allowanceLeft, shareRefusal } from './rules';
import { walletShareAccepts, walletShares } from './schema';

type ShareRow = typeof walletShares.$inferSelect;
type TemplateRow = typeof walletTemplates.$inferSelect;

/**
 * Coupons shared between phones. A transfer (转赠) moves the coupon: on acceptance the giver's
 * code is cancelled (claimed in coupon_claims, so a till that redeems it later loses to the
 * transfer, and `coupons.cancelled` tells every PC) and the receiver gets a new code with a new
 * signature and the same validity. A copy (分享) gives each friend a coupon of the template, new
 * validity, counted against the giver's allowance (`maxShares`) and the template's issue limit by
 * conditional UPDATEs under the merchant's stream lock: exact whatever the concurrency. Every
 * coupon that changes hands is a row (wallet_share_accepts).
 */
export class WalletShares {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly config: SharingConfig = DEFAULT_SHARING,
  ) {}

  /** A new link for one of the phone's coupons (the open one of that coupon ends). */
  async create(
    actor: ConsumerActor,
    merchantCode: string,
    claimId: string,
    mode: ShareMode,
  ): Promise<EndpointOutput<'consumers.createShare'>> {
    return this.db.transaction((tx) => this.openLink(tx, actor, merchantCode, claimId, mode));
  }

  /**
   * The link of `create`, in the caller's transaction; `forPhone`: only that phone may accept
   * it (a coupon given in answer to an ask), and the giver chooses the mode the template allows.
   */
  async openLink(
    tx: CloudTx,
    actor: ConsumerActor,
    merchantCode: string,
    claimId: string,
    mode: ShareMode | null,
    forPhone: string | null = null,
  ): Promise<EndpointOutput<'consumers.createShare'>> {
    const now = this.clock.now();
    const held = await this.heldCoupon(tx, actor, claimId);
    const { claim, template } = held;
    if (held.used || claim.validUntil < now) throw new AppError('SHARE_COUPON_GONE');
    const refusal = shareRefusal(claim, template.share);
    if (refusal) throw new AppError(refusal);
    const allowed = template.share.mode as ShareMode;
    if (mode !== null && allowed !== mode) throw new AppError('SHARE_MODE_NOT_ALLOWED');
    // One open link per coupon: a new one replaces it (the old link says recalled).
    await tx
      .update(walletShares)
      .set({ status: 'recalled', endedAt: now })
      .where(
        and(
          eq(walletShares.merchantId, actor.merchantId),
          eq(walletShares.claimId, claim.id),
          eq(walletShares.status, 'open'),
        ),
      );
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now + this.config.linkTtlMs;
    await tx.insert(walletShares).values({
      merchantId: actor.merchantId,
      id: newId(),
      tokenHash: sha256(token),
      claimId: claim.id,
      fromPhone: actor.phone,
      mode: allowed,
      hop: claim.hop + 1,
      status: 'open',
      createdAt: now,
      expiresAt,
      endedAt: null,
      forPhone,
    });
    return {
      token,
      path: `/c/${merchantCode}/share/${token}`,
      mode: allowed,
      expiresAt,
      allowanceLeft: allowanceLeft(claim, template.share),
    };
  }

  /** What a link gives, for the page that opens it (no phone of the giver). */
  async offer(
    merchant: { id: string; name: string },
    token: string,
  ): Promise<EndpointOutput<'consumers.shareOffer'>> {
    const found = await this.find(this.db, merchant.id, token);
    const { share, claim, template } = found;
    const rule = template.rules[String(claim.templateVersion)]!;
    return {
      merchantName: merchant.name,
      mode: share.mode,
      status:
        share.status === 'open' && share.expiresAt <= this.clock.now() ? 'expired' : share.status,
      expiresAt: share.expiresAt,
      name: template.name,
      rule,
      validUntil: claim.validUntil,
      timezone: claim.timezone,
      allowanceLeft: allowanceLeft(claim, template.share),
    };
  }

  /** The giver takes an open link back. */
  async recall(actor: ConsumerActor, token: string): Promise<{ status: 'recalled' }> {
    const now = this.clock.now();
    const [ended] = await this.db
      .update(walletShares)
      .set({ status: 'recalled', endedAt: now })
      .where(
        and(
          eq(walletShares.merchantId, actor.merchantId),
          eq(walletShares.tokenHash, sha256(token)),
          eq(walletShares.fromPhone, actor.phone),
          eq(walletShares.status, 'open'),
        ),
      )
      .returning({ id: walletShares.id });
    if (ended) return { status: 'recalled' };
    const found = await this.find(this.db, actor.merchantId, token).catch(() => null);
    if (!found || found.share.fromPhone !== actor.phone) throw new AppError('SHARE_NOT_FOUND');
    throw new AppError(found.share.status === 'accepted' ? 'SHARE_TAKEN' : 'SHARE_RECALLED');
  }

  /** The receiver takes the coupon: decided under the merchant's stream lock. */
  async accept(
    actor: ConsumerActor,
    token: string,
  ): Promise<EndpointOutput<'consumers.acceptShare'>> {
    const given = await this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, actor.merchantId);
      const now = this.clock.now();
      const { share, claim, template, used } = await this.find(tx, actor.merchantId, token);
      if (share.status === 'recalled') throw new AppError('SHARE_RECALLED');
      if (share.status === 'accepted') throw new AppError('SHARE_TAKEN');
      if (share.expiresAt <= now) throw new AppError('SHARE_EXPIRED');
      if (share.fromPhone === actor.phone) throw new AppError('SHARE_SELF');
      if (share.forPhone !== null && share.forPhone !== actor.phone)
        throw new AppError('SHARE_NOT_FOR_YOU');
      if (used || claim.transferredAt !== null || claim.validUntil < now)
        throw new AppError('SHARE_COUPON_GONE');
      const key = await this.activeKey(tx, actor.merchantId);
      const events: EventRow[] = [];
      let received: ClaimRow;
      if (share.mode === 'transfer') {
        received = await this.transfer(tx, share, claim, template, actor, key, now);
        events.push(cancelledEvent(claim, share, now, stream.next()));
      } else {
        received = await this.copy(tx, share, claim, template, actor, key, now);
      }
      events.push(issuedEvent(received, stream.next()));
      events.push(acceptedEvent(share, claim, received, now, stream.next()));
      await tx.insert(walletShareAccepts).values({
        merchantId: actor.merchantId,
        shareId: share.id,
        claimId: received.id,
        fromClaimId: claim.id,
        fromPhone: share.fromPhone,
        toPhone: actor.phone,
        mode: share.mode,
        hop: share.hop,
        templateId: claim.templateId,
        at: now,
      });
      await appendEvents(tx, events);
      await stream.save();
      return { received, template };
    });
    const coupon = toWalletCoupon(
      given.received,
      given.template,
      null,
      await merchantStores(this.db, actor.merchantId),
      this.clock.now(),
    );
    return { coupon: coupon! };
  }

  /** The giver's coupon is cancelled (claimed for the transfer) and the receiver's issued. */
  private async transfer(
    tx: CloudTx,
    share: ShareRow,
    claim: ClaimRow,
    template: TemplateRow,
    actor: ConsumerActor,
    key: SigningKey,
    now: number,
  ): Promise<ClaimRow> {
    const [taken] = await tx
      .update(walletShares)
      .set({ status: 'accepted', endedAt: now })
      .where(
        and(
          eq(walletShares.merchantId, share.merchantId),
          eq(walletShares.id, share.id),
          eq(walletShares.status, 'open'),
        ),
      )
      .returning({ id: walletShares.id });
    if (!taken) throw new AppError('SHARE_TAKEN');
    // The old code's one live claim: a redemption of it pushed later is a conflict it loses.
    const [cancelled] = await tx
      .insert(couponClaims)
      .values({
        merchantId: share.merchantId,
        redemptionId: `transfer:${share.id}`,
        code: claim.code,
        eventId: share.id,
        deviceId: null,
        storeId: null,
        terminalId: null,
        staffId: null,
        customerPhone: claim.phone,
        subtotalFen: 0,
        discountFen: 0,
        claimedAt: now,
        receivedAt: now,
        voidedAt: null,
      })
      .onConflictDoNothing()
      .returning({ code: couponClaims.code });
    if (!cancelled) throw new AppError('SHARE_COUPON_GONE');
    await tx
      .update(walletClaims)
      .set({ transferredAt: now })
      .where(and(eq(walletClaims.merchantId, claim.merchantId), eq(walletClaims.id, claim.id)));
    // The same coupon, moved: its validity stays; the code and signature are new.
    return this.issue(tx, share, claim, template, actor, key, now, {
      validFrom: claim.validFrom,
      validUntil: claim.validUntil,
      templateVersion: claim.templateVersion,
    });
  }

  /** A copy within the giver's allowance and the template's limit, for a phone without one. */
  private async copy(
    tx: CloudTx,
    share: ShareRow,
    claim: ClaimRow,
    template: TemplateRow,
    actor: ConsumerActor,
    key: SigningKey,
    now: number,
  ): Promise<ClaimRow> {
    const [holds] = await tx
      .select({ id: walletClaims.id })
      .from(walletClaims)
      .where(
        and(
          eq(walletClaims.merchantId, actor.merchantId),
          eq(walletClaims.phone, actor.phone),
          eq(walletClaims.templateId, claim.templateId),
          sql`${walletClaims.transferredAt} is null`,
          sql`${walletClaims.validUntil} >= ${now}::bigint`,
        ),
      )
      .limit(1);
    if (holds) throw new AppError('SHARE_ALREADY_HELD');
    // The holder's allowance (none set: only the template's limit counts).
    const allowance = template.share.maxShares;
    const [counted] = await tx
      .update(walletClaims)
      .set({ sharesUsed: sql`${walletClaims.sharesUsed} + 1` })
      .where(
        and(
          eq(walletClaims.merchantId, claim.merchantId),
          eq(walletClaims.id, claim.id),
          allowance === null ? undefined : sql`${walletClaims.sharesUsed} < ${allowance}`,
        ),
      )
      .returning({ id: walletClaims.id });
    if (!counted) throw new AppError('SHARE_ALLOWANCE_USED');
    // The template's issue limit: the codes the PCs said they issued, plus the copies given here.
    const [issued] = await tx
      .update(walletTemplates)
      .set({ sharedCount: sql`${walletTemplates.sharedCount} + 1` })
      .where(
        and(
          eq(walletTemplates.merchantId, template.merchantId),
          eq(walletTemplates.templateId, template.templateId),
          sql`(${walletTemplates.share}->>'totalIssueLimit' is null
            or (${walletTemplates.share}->>'issuedCount')::int + ${walletTemplates.sharedCount}
              < (${walletTemplates.share}->>'totalIssueLimit')::int)`,
        ),
      )
      .returning({ id: walletTemplates.templateId });
    if (!issued) throw new AppError('SHARE_TEMPLATE_EXHAUSTED');
    const validity = claimValidity(template.validity, now, claim.timezone);
    if (validity.validUntil < now) throw new AppError('SHARE_COUPON_GONE');
    return this.issue(tx, share, claim, template, actor, key, now, {
      ...validity,
      templateVersion: template.version,
    });
  }

  private async issue(
    tx: CloudTx,
    share: ShareRow,
    from: ClaimRow,
    template: TemplateRow,
    actor: ConsumerActor,
    key: SigningKey,
    now: number,
    terms: { validFrom: number; validUntil: number; templateVersion: number },
  ): Promise<ClaimRow> {
    const code = generateCodes(template.codeFormat, 1)[0]!;
    const row: ClaimRow = {
      merchantId: actor.merchantId,
      id: newId(),
      // The share stands for the issuance: one coupon per share and phone (the unique index).
      issuanceId: share.id,
      phone: actor.phone,
      n: 1,
      code,
      token: signToken(
        { kid: key.kid, code, templateId: from.templateId, validUntil: terms.validUntil },
        Buffer.from(key.secret, 'base64'),
      ),
      templateId: from.templateId,
      templateVersion: terms.templateVersion,
      storeId: from.storeId,
      validFrom: terms.validFrom,
      validUntil: terms.validUntil,
      timezone: from.timezone,
      claimedAt: now,
      eventId: newId(),
      source: share.mode,
      hop: share.hop,
      parentClaimId: from.id,
      sharesUsed: 0,
      transferredAt: null,
    };
    const [written] = await tx
      .insert(walletClaims)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: walletClaims.id });
    if (!written) throw new AppError('SHARE_ALREADY_HELD');
    return row;
  }

  /** A coupon of the signed-in phone, with its template and whether a till has redeemed it. */
  private async heldCoupon(db: Queryable, actor: ConsumerActor, claimId: string) {
    const [row] = await db
      .select({ claim: walletClaims, template: walletTemplates, usedAt: couponClaims.claimedAt })
      .from(walletClaims)
      .innerJoin(walletTemplates, claimJoins.template)
      .leftJoin(couponClaims, claimJoins.liveRedemption)
      .where(
        and(
          eq(walletClaims.merchantId, actor.merchantId),
          eq(walletClaims.id, claimId),
          eq(walletClaims.phone, actor.phone),
          sql`${walletClaims.transferredAt} is null`,
        ),
      );
    if (!row) throw new AppError('COUPON_NOT_YOURS');
    return { claim: row.claim, template: row.template, used: row.usedAt !== null };
  }

  /** A share by its token, with the giver's coupon and its template. */
  private async find(db: Queryable, merchantId: string, token: string) {
    const [row] = await db
      .select({
        share: walletShares,
        claim: walletClaims,
        template: walletTemplates,
        usedAt: couponClaims.claimedAt,
      })
      .from(walletShares)
      .innerJoin(
        walletClaims,
        and(
          eq(walletClaims.merchantId, walletShares.merchantId),
          eq(walletClaims.id, walletShares.claimId),
        ),
      )
      .innerJoin(walletTemplates, claimJoins.template)
      .leftJoin(couponClaims, claimJoins.liveRedemption)
      .where(
        and(eq(walletShares.merchantId, merchantId), eq(walletShares.tokenHash, sha256(token))),
      );
    if (!row) throw new AppError('SHARE_NOT_FOUND');
    return {
      share: row.share,
      claim: row.claim,
      template: row.template,
      used: row.usedAt !== null,
    };
  }

  private async activeKey(db: Queryable, merchantId: string): Promise<SigningKey> {
    const [row] = await db
      .select({ kid: signingKeys.kid, secret: signingKeys.secret })
      .from(signingKeys)
      .where(and(eq(signingKeys.merchantId, merchantId), eq(signingKeys.active, true)));
    if (!row) throw new AppError('SIGNING_KEY_MISSING');
    return row;
  }
}

interface SigningKey {
  kid: string;
  secret: string;
}

/** `coupons.cancelled`: every PC takes the giver's old code out of use at its next pull. */
function cancelledEvent(claim: ClaimRow, share: ShareRow, at: number, seq: number): EventRow {
  const event = {
    kind: 'coupons.cancelled',
    entityId: claim.id,
    occurredAt: at,
    payload: { code: claim.code, at, reason: 'transferred' },
  };
  return {
    merchantId: claim.merchantId,
    eventId: share.id,
    seq,
    deviceId: null,
    ...event,
    payloadHash: eventHash(event),
    status: 'accepted',
    result: { eventId: share.id, status: 'accepted', seq: String(seq) },
    receivedAt: at,
  };
}

/** `shares.accepted`: the PCs keep the merchant's share history (which code gave which). */
function acceptedEvent(
  share: ShareRow,
  from: ClaimRow,
  to: ClaimRow,
  at: number,
  seq: number,
): EventRow {
  const id = newId();
  const event = {
    kind: 'shares.accepted',
    entityId: share.id,
    occurredAt: at,
    payload: {
      id,
      shareId: share.id,
      templateId: from.templateId,
      mode: share.mode,
      hop: share.hop,
      fromCode: from.code,
      toCode: to.code,
      at,
    },
  };
  return {
    merchantId: from.merchantId,
    eventId: id,
    seq,
    deviceId: null,
    ...event,
    payloadHash: eventHash(event),
    status: 'accepted',
    result: { eventId: id, status: 'accepted', seq: String(seq) },
    receivedAt: at,
  };
}
