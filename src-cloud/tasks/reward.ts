import { and, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import { generateCodes } from '../../src-node/coupons/code-generator';
import { signToken } from '../../src-node/coupons/token';
import { newId } from '../../src-node/ids';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { CloudTx } from '../db/open';
import { signingKeys } from '../merchants/schema';
import { chainStores } from '../projections/schema';
import { cloudEvent, type EventRow } from '../sync/event-log';
import type { HeldStream } from '../sync/stream';
import { issuedEvent } from '../wallet/claim-batches';
import type { ClaimRow } from '../wallet/claims';
import { memberOfPhone } from '../wallet/member-card';
import { walletClaims, walletTemplates } from '../wallet/schema';
import { claimValidity } from '../wallet/validity';
import type { OrderRow, TaskRow } from './views';

/**
 * A points reward: an earn movement made by the cloud (`points.moved`, no device), booked by
 * every PC's points ledger as a movement of another PC and counted on the wallet's card. Null
 * when the phone is no member (any more).
 */
export async function bookRewardPoints(
  tx: CloudTx,
  stream: HeldStream,
  task: TaskRow,
  order: OrderRow,
  now: number,
  events: EventRow[],
): Promise<string | null> {
  if (task.reward.kind !== 'points') return null;
  const memberId = await memberOfPhone(tx, task.merchantId, order.phone);
  if (!memberId) return null;
  const id = newId();
  events.push(
    cloudEvent({
      merchantId: task.merchantId,
      eventId: id,
      kind: 'points.moved',
      entityId: memberId,
      at: now,
      seq: stream.next(),
      payload: {
        id,
        memberId,
        lotId: newId(),
        kind: 'earn',
        points: task.reward.points,
        saleId: null,
        saleLineId: null,
        reason: 'task',
        storeId: task.target.kind === 'store' ? task.target.storeId : null,
        at: now,
      },
    }),
  );
  return memberId;
}

/**
 * A coupon reward: a real code of the template issued to the phone by the cloud (signed with the
 * merchant's key, pulled by every PC as `coupons.issued` with the task as its batch), numbered
 * by the order so an order is rewarded once. A cashback reward is a fact of the order's
 * `tasks.orderChanged` event: the merchant pays it (money never moves through StoreDesk).
 */
export async function issueRewardCoupon(
  tx: CloudTx,
  stream: HeldStream,
  task: TaskRow,
  order: OrderRow,
  now: number,
  events: EventRow[],
): Promise<ClaimRow | null> {
  if (task.reward.kind !== 'coupon') return null;
  const templateId = task.reward.templateId;
  const [template] = await tx
    .select()
    .from(walletTemplates)
    .where(
      and(
        eq(walletTemplates.merchantId, task.merchantId),
        eq(walletTemplates.templateId, templateId),
      ),
    );
  if (!template) throw new AppError('TEMPLATE_NOT_FOUND');
  const [key] = await tx
    .select({ kid: signingKeys.kid, secret: signingKeys.secret })
    .from(signingKeys)
    .where(and(eq(signingKeys.merchantId, task.merchantId), eq(signingKeys.active, true)));
  if (!key) throw new AppError('SIGNING_KEY_MISSING');
  const storeId = task.target.kind === 'store' ? task.target.storeId : null;
  const [zone] = storeId
    ? await tx
        .select({ timezone: chainStores.timezone })
        .from(chainStores)
        .where(and(eq(chainStores.merchantId, task.merchantId), eq(chainStores.storeId, storeId)))
    : [];
  const timezone = zone?.timezone ?? DEFAULT_TIME_ZONE;
  const { validFrom, validUntil } = claimValidity(template.validity, now, timezone);
  const code = generateCodes(template.codeFormat, 1)[0]!;
  const claim: ClaimRow = {
    merchantId: task.merchantId,
    id: newId(),
    issuanceId: task.id,
    phone: order.phone,
    n: order.n,
    code,
    token: signToken(
      { kid: key.kid, code, templateId, validUntil },
      Buffer.from(key.secret, 'base64'),
    ),
    templateId,
    templateVersion: template.version,
    storeId,
    validFrom,
    validUntil,
    timezone,
    claimedAt: now,
    eventId: newId(),
    source: 'task',
    hop: 0,
    parentClaimId: null,
    sharesUsed: 0,
    transferredAt: null,
  };
  await tx.insert(walletClaims).values(claim);
  events.push(issuedEvent(claim, stream.next()));
  return claim;
}
