import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import type { CloudDb } from '../db/open';
import { signingKeys } from '../merchants/schema';
import { appendEvents } from '../sync/event-log';
import { holdStream } from '../sync/stream';
import { issuedEvent } from '../wallet/claim-batches';
import type { ClaimRow } from '../wallet/claims';
import { walletClaims, walletTemplates } from '../wallet/schema';
import { claimValidity } from '../wallet/validity';
import type { outreachCampaigns } from './schema';

/**
 * Places the campaign's coupon in each phone's wallet before its text goes: a real code of the
 * template, signed with the merchant's key and pulled by every PC as `coupons.issued` (the
 * campaign as its batch), like a task's reward. Claim number 1 of the campaign per phone, under
 * the claims' unique index: a text sent again after a crash finds the coupon already there and
 * issues nothing. The messages learn their claim in the same transaction. Answers the claim id
 * per message id.
 */
export async function placeOffers(
  db: CloudDb,
  campaign: typeof outreachCampaigns.$inferSelect,
  messages: { id: string; phone: string }[],
  now: number,
): Promise<Map<string, string>> {
  const templateId = campaign.templateId;
  if (!templateId || !messages.length) return new Map();
  const merchantId = campaign.merchantId;
  return db.transaction(async (tx) => {
    const stream = await holdStream(tx, merchantId);
    const [template] = await tx
      .select()
      .from(walletTemplates)
      .where(
        and(eq(walletTemplates.merchantId, merchantId), eq(walletTemplates.templateId, templateId)),
      );
    if (!template) throw new AppError('TEMPLATE_NOT_FOUND', { id: templateId });
    if (template.status !== 'active') throw new AppError('TEMPLATE_NOT_ACTIVE', { id: templateId });
    const [key] = await tx
      .select({ kid: signingKeys.kid, secret: signingKeys.secret })
      .from(signingKeys)
      .where(and(eq(signingKeys.merchantId, merchantId), eq(signingKeys.active, true)));
    if (!key) throw new AppError('SIGNING_KEY_MISSING');
    const secret = Buffer.from(key.secret, 'base64');
    const { validFrom, validUntil } = claimValidity(template.validity, now, campaign.timeZone);
    const codes = generateCodes(template.codeFormat, messages.length);
    const claims: ClaimRow[] = messages.map((m, i) => {
      const code = codes[i]!;
      return {
        merchantId,
        id: newId(),
        issuanceId: campaign.id,
        phone: m.phone,
        n: 1,
        code,
        token: signToken({ kid: key.kid, code, templateId, validUntil }, secret),
        templateId,
        templateVersion: template.version,
        storeId: null,
        validFrom,
        validUntil,
        timezone: campaign.timeZone,
        claimedAt: now,
        eventId: newId(),
        source: 'campaign',
        hop: 0,
        parentClaimId: null,
        sharesUsed: 0,
        transferredAt: null,
      };
    });
    const written = new Set(
      (
        await tx
          .insert(walletClaims)
          .values(claims)
          .onConflictDoNothing({
            target: [
              walletClaims.merchantId,
              walletClaims.issuanceId,
              walletClaims.phone,
              walletClaims.n,
            ],
          })
          .returning({ id: walletClaims.id })
      ).map((r) => r.id),
    );
    const placed = claims.filter((c) => written.has(c.id));
    await appendEvents(
      tx,
      placed.map((c) => issuedEvent(c, stream.next())),
    );
    await stream.save();
    // Phones that held the coupon already (a text sent again): their first claim.
    const claimOf = new Map(placed.map((c) => [c.phone, c.id]));
    const held = messages.filter((m) => !claimOf.has(m.phone)).map((m) => m.phone);
    if (held.length) {
      const earlier = await tx
        .select({ id: walletClaims.id, phone: walletClaims.phone })
        .from(walletClaims)
        .where(
          and(
            eq(walletClaims.merchantId, merchantId),
            eq(walletClaims.issuanceId, campaign.id),
            eq(walletClaims.n, 1),
            inArray(walletClaims.phone, held),
          ),
        );
      for (const c of earlier) claimOf.set(c.phone, c.id);
    }
    const byMessage = new Map<string, string>();
    for (const m of messages) {
      const claimId = claimOf.get(m.phone);
      if (claimId) byMessage.set(m.id, claimId);
    }
    const pairs = [...byMessage].map(([id, claim]) => ({ id, claim }));
    await tx.execute(sql`
      update outreach_messages m set claim_id = p.claim
      from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(id text, claim text)
      where m.id = p.id`);
    return byMessage;
  });
}
