import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { displayCode, looksLikeToken, parseCode } from '../../src-shared/coupons/codes';
import { maskPhone } from '../../src-shared/phone';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import { localDateTime } from '../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { CloudDb } from '../db/open';
import { appendEvents } from '../sync/event-log';
import { eventHash } from '../sync/payload-hash';
import { holdStream } from '../sync/stream';
import type { CashbackLedger, CashbackPayout, CashbackRow } from './cashback-ledger';

export interface CashbackRedeemInput {
  code: string;
  phone: string;
  productId?: string | undefined;
  terminalId?: string | undefined;
}

/** The code in what the consumer typed or scanned (the slip's QR carries it as field 3). */
function readCashbackCode(input: string): string {
  const text = looksLikeToken(input) ? (input.trim().split('.')[2] ?? '') : input;
  const parsed = parseCode(text);
  if (!parsed.ok) throw new AppError('CASHBACK_NOT_FOUND', { problem: parsed.problem });
  return parsed.code;
}

/**
 * A consumer redeems a cashback code with a phone number. Decided under the merchant's stream
 * lock like a till's payout, so of a phone and a counter racing for one code exactly one is
 * paid; the payout enters the stream as a `cashback.redeemed` event the tills pull.
 */
export class ConsumerCashback {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly ledger: CashbackLedger,
  ) {}

  async redeem(
    merchantId: string,
    input: CashbackRedeemInput,
  ): Promise<EndpointOutput<'consumers.redeemCashback'>> {
    const code = readCashbackCode(input.code);
    return this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, merchantId);
      const row = await this.ledger.find(tx, merchantId, code);
      if (!row) throw new AppError('CASHBACK_NOT_FOUND');
      if (input.productId && input.productId !== row.productId)
        throw new AppError('CASHBACK_WRONG_PRODUCT');
      if (input.terminalId && input.terminalId !== row.terminalId)
        throw new AppError('CASHBACK_WRONG_TERMINAL');
      if (row.redeemedAt !== null) {
        // The same phone asking again (a retry after a lost answer) hears the same answer.
        if (row.redeemedVia === 'cloud' && row.phone === input.phone) return this.answer(row);
        throw new AppError('CASHBACK_ALREADY_REDEEMED', {
          at: row.redeemedAt,
          atText: localDateTime(row.redeemedAt, DEFAULT_TIME_ZONE),
        });
      }
      const now = this.clock.now();
      if (now > row.validUntil)
        throw new AppError('CASHBACK_EXPIRED', {
          validUntil: row.validUntil,
          validUntilText: localDateTime(row.validUntil, DEFAULT_TIME_ZONE),
        });
      const eventId = newId();
      const payout: CashbackPayout = {
        phone: input.phone,
        redeemedAt: now,
        via: 'cloud',
        deviceId: null,
        eventId,
        receivedAt: now,
      };
      await this.ledger.markRedeemed(tx, row, payout);
      const event = {
        kind: 'cashback.redeemed',
        entityId: row.id,
        occurredAt: now,
        payload: { id: row.id, code: row.code, phone: input.phone, redeemedAt: now, via: 'cloud' },
      };
      const seq = stream.next();
      await appendEvents(tx, [
        {
          merchantId,
          eventId,
          seq,
          deviceId: null,
          ...event,
          payloadHash: eventHash(event),
          status: 'accepted',
          result: { eventId, status: 'accepted', seq: String(seq) },
          receivedAt: now,
        },
      ]);
      await stream.save();
      return this.answer({ ...row, phone: input.phone, redeemedAt: now });
    });
  }

  private answer(row: CashbackRow): EndpointOutput<'consumers.redeemCashback'> {
    return {
      code: row.code,
      display: displayCode(row.code),
      rewardFen: row.rewardFen,
      phone: maskPhone(row.phone!),
      redeemedAt: row.redeemedAt!,
      productId: row.productId,
      storeId: row.storeId,
    };
  }
}
