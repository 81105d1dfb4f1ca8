import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../../src-node/ids';
import type { SmsSuppressed } from '../../src-shared/sync/outreach';
import type { CloudDb } from '../db/open';
import { appendEvents, cloudEvent } from '../sync/event-log';
import { holdStream } from '../sync/stream';
import { outreachCampaigns, outreachMessages, outreachSuppressions } from './schema';

/**
 * The phone (by hash) gets no more marketing under the merchant's signature: the suppression,
 * its `sms.suppressed` event in the merchant's stream (every PC learns it at its next pull) and
 * the phone's texts under that signature still waiting (skipped as suppressed), in one
 * transaction. A phone suppressed already stays as it was, with no second event. Answers
 * whether this call suppressed it.
 */
export async function suppressPhone(
  db: CloudDb,
  s: {
    merchantId: string;
    signature: string;
    phoneHash: string;
    reason: SmsSuppressed['reason'];
    messageId: string | null;
    at: number;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stream = await holdStream(tx, s.merchantId);
    const [written] = await tx
      .insert(outreachSuppressions)
      .values({
        merchantId: s.merchantId,
        signature: s.signature,
        phoneHash: s.phoneHash,
        reason: s.reason,
        messageId: s.messageId,
        at: s.at,
      })
      .onConflictDoNothing()
      .returning({ at: outreachSuppressions.at });
    if (!written) return false;
    const payload: SmsSuppressed = {
      phoneHash: s.phoneHash,
      signature: s.signature,
      reason: s.reason,
      at: s.at,
    };
    await appendEvents(tx, [
      cloudEvent({
        merchantId: s.merchantId,
        eventId: newId(),
        kind: 'sms.suppressed',
        entityId: s.phoneHash,
        payload,
        at: s.at,
        seq: stream.next(),
      }),
    ]);
    await stream.save();
    await tx
      .update(outreachMessages)
      .set({ state: 'skipped', skipReason: 'suppressed', settledAt: s.at })
      .where(
        and(
          eq(outreachMessages.merchantId, s.merchantId),
          eq(outreachMessages.phoneHash, s.phoneHash),
          inArray(outreachMessages.state, ['received', 'queued']),
          sql`${outreachMessages.campaignId} in (select ${outreachCampaigns.id}
            from ${outreachCampaigns} where ${outreachCampaigns.merchantId} = ${s.merchantId}
              and ${outreachCampaigns.signature} = ${s.signature})`,
        ),
      );
    return true;
  });
}
