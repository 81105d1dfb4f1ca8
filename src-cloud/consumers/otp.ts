import { and, count, desc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import type { Logger } from '../../src-node/logger';
import { interpolate, sharedMessages, type Language } from '../../src-shared/i18n';
import { maskPhone } from '../../src-shared/phone';
import { OTP_DIGITS } from '../../src-shared/sync/consumer';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudConfig } from '../config';
import type { CloudDb } from '../db/open';
import type { merchants } from '../merchants/schema';
import { randomDigits, sameSecret, sha256 } from '../platform/secrets';
import { SmsSendError, type SmsProvider } from '../sms/provider';
import { consumerOtps, smsBreaker } from './schema';

type Merchant = typeof merchants.$inferSelect;

// Salted with the row id: the same six digits hash differently for every code sent.
const hashOtp = (id: string, code: string) => sha256(`${id}:${code}`);

/**
 * One-time codes proving a consumer holds a phone: texted through the SMS provider, stored
 * hashed, valid for a few minutes and a few tries, one per phone per resend interval.
 */
export class OtpService {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly config: CloudConfig['otp'],
    private readonly sms: SmsProvider,
    private readonly logger: Logger,
    private readonly caps: CloudConfig['smsCaps'],
    /** The breaker's row: one per deployment. */
    private readonly breakerId = 'cloud',
  ) {}

  /** Until when the breaker holds every text back (0: closed). In the database: all nodes obey. */
  private async pausedUntil(): Promise<number> {
    const [row] = await this.db.select().from(smsBreaker).where(eq(smsBreaker.id, this.breakerId));
    return row?.pausedUntil ?? 0;
  }

  private async pause(until: number) {
    await this.db
      .insert(smsBreaker)
      .values({ id: this.breakerId, pausedUntil: until })
      .onConflictDoUpdate({
        target: smsBreaker.id,
        set: { pausedUntil: sql`greatest(${smsBreaker.pausedUntil}, ${until}::bigint)` },
      });
  }

  /**
   * Refuses a text that would break a cap, naming it: one phone across all merchants (the
   * resend interval too), one merchant, one address (per hour and per day), and a breaker over
   * the whole cloud. Counted from the stored codes, so the caps hold across restarts.
   */
  private async checkCaps(merchantId: string, phone: string, address: string | null, now: number) {
    const pausedUntil = await this.pausedUntil();
    if (now < pausedUntil)
      throw new AppError('SMS_PAUSED', { seconds: Math.ceil((pausedUntil - now) / 1000) });
    const since = (ms: number, ...filters: SQL[]) =>
      this.db
        .select({ n: count() })
        .from(consumerOtps)
        .where(and(gte(consumerOtps.createdAt, now - ms), ...filters))
        .then((rows) => Number(rows[0]?.n ?? 0));
    const DAY = 24 * 3600_000;
    if ((await since(60_000)) >= this.caps.globalPerMinute) {
      await this.pause(now + this.caps.pauseMs);
      this.logger.error('sms breaker open: unusual volume of verification texts', {
        perMinute: this.caps.globalPerMinute,
        pauseMs: this.caps.pauseMs,
      });
      throw new AppError('SMS_PAUSED', { seconds: Math.ceil(this.caps.pauseMs / 1000) });
    }
    if ((await since(DAY, eq(consumerOtps.phone, phone))) >= this.caps.perPhonePerDay)
      throw new AppError('SMS_PHONE_DAILY_LIMIT');
    if ((await since(DAY, eq(consumerOtps.merchantId, merchantId))) >= this.caps.perMerchantPerDay)
      throw new AppError('SMS_MERCHANT_DAILY_LIMIT');
    if (address) {
      const hour = await since(3600_000, eq(consumerOtps.address, address));
      if (hour >= this.caps.perAddressPerHour)
        throw new AppError('SMS_ADDRESS_LIMIT', { seconds: 3600 });
      if ((await since(DAY, eq(consumerOtps.address, address))) >= this.caps.perAddressPerDay)
        throw new AppError('SMS_ADDRESS_LIMIT', { seconds: 24 * 3600 });
    }
  }

  async send(
    merchant: Merchant,
    phone: string,
    lang: Language,
    address: string | null = null,
  ): Promise<EndpointOutput<'consumers.requestOtp'>> {
    const now = this.clock.now();
    // The resend interval is per phone whichever merchant asks (two shops cannot double it).
    const [latest] = await this.latestToPhone(phone);
    if (latest && now - latest.createdAt < this.config.resendAfterMs)
      throw new AppError('RATE_LIMITED', {
        retryAfterSeconds: Math.ceil((latest.createdAt + this.config.resendAfterMs - now) / 1000),
      });
    await this.checkCaps(merchant.id, phone, address, now);
    const id = newId();
    const code = randomDigits(OTP_DIGITS);
    const expiresAt = now + this.config.ttlMs;
    await this.db.insert(consumerOtps).values({
      id,
      merchantId: merchant.id,
      phone,
      codeHash: hashOtp(id, code),
      createdAt: now,
      expiresAt,
      attemptsLeft: this.config.attempts,
      usedAt: null,
      address,
    });
    const minutes = Math.round(this.config.ttlMs / 60_000);
    try {
      await this.sms.send({
        id,
        to: phone,
        text: interpolate(sharedMessages[lang].sms.otp, { merchant: merchant.name, code, minutes }),
        template: 'otp',
        params: { code, minutes },
        merchant: { code: merchant.code, name: merchant.name },
      });
    } catch (error) {
      // Not sent: forget it, so the consumer may ask again at once.
      await this.db.delete(consumerOtps).where(eq(consumerOtps.id, id));
      this.logger.warn('otp not sent', { provider: this.sms.name, error });
      if (error instanceof SmsSendError) throw new AppError('SMS_SEND_FAILED');
      throw error;
    }
    return { phone: maskPhone(phone), expiresAt, resendAfter: now + this.config.resendAfterMs };
  }

  /** Uses up the code when it matches; a wrong one costs a try. Throws OTP_WRONG / OTP_EXPIRED. */
  async check(merchantId: string, phone: string, code: string): Promise<void> {
    const now = this.clock.now();
    const verdict = await this.db.transaction(async (tx) => {
      const [otp] = await tx
        .select()
        .from(consumerOtps)
        .where(
          and(
            eq(consumerOtps.merchantId, merchantId),
            eq(consumerOtps.phone, phone),
            isNull(consumerOtps.usedAt),
          ),
        )
        .orderBy(desc(consumerOtps.createdAt))
        .limit(1)
        .for('update');
      if (!otp || otp.expiresAt < now || otp.attemptsLeft <= 0)
        return { ok: false as const, remaining: 0 };
      if (sameSecret(hashOtp(otp.id, code), otp.codeHash)) {
        await tx.update(consumerOtps).set({ usedAt: now }).where(eq(consumerOtps.id, otp.id));
        return { ok: true as const };
      }
      const remaining = otp.attemptsLeft - 1;
      await tx
        .update(consumerOtps)
        .set({ attemptsLeft: remaining })
        .where(eq(consumerOtps.id, otp.id));
      return { ok: false as const, remaining };
    });
    if (verdict.ok) return;
    // The spent try is committed before the error is answered.
    if (verdict.remaining > 0) throw new AppError('OTP_WRONG', { remaining: verdict.remaining });
    throw new AppError('OTP_EXPIRED');
  }

  private latestToPhone(phone: string) {
    return this.db
      .select()
      .from(consumerOtps)
      .where(eq(consumerOtps.phone, phone))
      .orderBy(desc(consumerOtps.createdAt))
      .limit(1);
  }
}
