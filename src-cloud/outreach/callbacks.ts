import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../src-node/clock';
import { phoneHash } from '../../src-node/outreach/phone-hash';
import { isUnsubscribeReply } from '../../src-shared/outreach/sms-rules';
import { normalizeMainlandMobile } from '../../src-shared/phone';
import type {
  smsCallbackResponseSchema,
  smsReceiptsBodySchema,
  smsRepliesBodySchema,
} from '../../src-shared/sync/outreach';
import type { CloudDb } from '../db/open';
import { outreachCampaigns, outreachMessages } from './schema';
import { suppressPhone } from './suppressions';

type Receipt = z.infer<typeof smsReceiptsBodySchema>['receipts'][number];
type Reply = z.infer<typeof smsRepliesBodySchema>['replies'][number];
type Answer = z.infer<typeof smsCallbackResponseSchema>;

/** States a text handed to the provider may be in (a receipt for any other is unknown). */
const HANDED_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;

/**
 * What the SMS provider reports back. Receipts mark texts delivered or failed by the message id
 * the cloud gave them; ids the cloud does not know are counted, not refused (a provider retrying
 * an old callback, or one of another cloud). Replies: an unsubscribe (R, T, TD, N, 退订)
 * suppresses the phone for the signature of the text it answers; any other reply is taken and
 * left alone. Both may come twice with the same effect.
 */
export class SmsCallbacks {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {}

  /**
   * A delivered receipt wins over a failed one (a text that reached the phone did); a text still
   * waiting for a resend that the provider says it delivered is not sent again.
   */
  async receipts(receipts: Receipt[]): Promise<Answer> {
    const now = this.clock.now();
    // One receipt per id, the delivered one when both came.
    const byId = new Map<string, Receipt>();
    for (const r of receipts)
      if (byId.get(r.messageId)?.status !== 'delivered') byId.set(r.messageId, r);
    const known = await this.db
      .select({ id: outreachMessages.id })
      .from(outreachMessages)
      .where(
        and(
          inArray(outreachMessages.id, [...byId.keys()]),
          inArray(outreachMessages.state, [...HANDED_STATES]),
        ),
      );
    const rows = known.map(({ id }) => {
      const r = byId.get(id)!;
      return { id, status: r.status, at: r.at ?? now, error: r.error ?? null };
    });
    if (rows.length)
      await this.db.execute(sql`
        update outreach_messages m set
          state = r.status,
          settled_at = r.at,
          last_error = coalesce(r.error, m.last_error),
          -- Handed over before a restart lost the mark: it was sent.
          sent_at = coalesce(m.sent_at, r.at)
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(id text, status text, at bigint, error text)
        where m.id = r.id
          and m.state in ('queued', 'sending', 'sent', 'delivered', 'failed')
          and m.state <> r.status
          and not (m.state = 'delivered' and r.status = 'failed')`);
    return { accepted: rows.length, unknown: byId.size - rows.length };
  }

  async replies(replies: Reply[]): Promise<Answer> {
    let accepted = 0;
    let unknown = 0;
    let suppressed = 0;
    for (const reply of replies) {
      const phone = normalizeMainlandMobile(reply.phone);
      if (!phone) {
        unknown++;
        continue;
      }
      if (!isUnsubscribeReply(reply.text)) {
        accepted++;
        continue;
      }
      const answered = await this.answeredMessage(phone, reply.messageId);
      if (!answered) {
        unknown++;
        continue;
      }
      await suppressPhone(this.db, {
        merchantId: answered.merchantId,
        signature: answered.signature,
        phoneHash: phoneHash(phone),
        reason: 'reply',
        messageId: answered.id,
        at: reply.at ?? this.clock.now(),
      });
      accepted++;
      suppressed++;
    }
    return { accepted, unknown, suppressed };
  }

  /** The text a reply answers: the one it names (to this phone), else the phone's latest. */
  private async answeredMessage(phone: string, messageId: string | undefined) {
    const columns = {
      id: outreachMessages.id,
      merchantId: outreachMessages.merchantId,
      signature: outreachCampaigns.signature,
    };
    const join = and(
      eq(outreachCampaigns.merchantId, outreachMessages.merchantId),
      eq(outreachCampaigns.id, outreachMessages.campaignId),
    );
    if (messageId) {
      const [named] = await this.db
        .select(columns)
        .from(outreachMessages)
        .innerJoin(outreachCampaigns, join)
        .where(and(eq(outreachMessages.id, messageId), eq(outreachMessages.phone, phone)));
      if (named) return named;
    }
    const [latest] = await this.db
      .select(columns)
      .from(outreachMessages)
      .innerJoin(outreachCampaigns, join)
      .where(and(eq(outreachMessages.phone, phone), isNotNull(outreachMessages.sentAt)))
      .orderBy(desc(outreachMessages.sentAt))
      .limit(1);
    return latest ?? null;
  }
}
