import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import type { CloudDb } from '../db/open';
import type { ConsumerActor } from '../http/context';
import type { MerchantsService } from '../merchants/service';
import { newToken, sha256 } from '../platform/secrets';
import { consumerSessions } from './schema';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;

/**
 * Wallet sessions: a random token given to the phone once, only its SHA-256 kept. A session
 * belongs to one merchant; shown at another merchant's address it proves nothing.
 */
export class ConsumerSessions {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
  ) {}

  /** Call once the phone is proved (its one-time code checked). */
  async open(merchantId: string, phone: string): Promise<{ token: string; actor: ConsumerActor }> {
    const now = this.clock.now();
    const token = newToken('sdw_');
    const id = newId();
    const expiresAt = now + SESSION_TTL_MS;
    await this.db.insert(consumerSessions).values({
      id,
      merchantId,
      phone,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
      endedAt: null,
    });
    return { token, actor: { merchantId, phone, sessionId: id, expiresAt } };
  }

  async authenticate(merchantCode: string, token: string): Promise<ConsumerActor> {
    const now = this.clock.now();
    const [row] = await this.db
      .select()
      .from(consumerSessions)
      .where(
        and(
          eq(consumerSessions.tokenHash, sha256(token)),
          isNull(consumerSessions.endedAt),
          gt(consumerSessions.expiresAt, now),
        ),
      );
    if (!row) throw new AppError('UNAUTHENTICATED');
    const merchant = await this.merchants.byCode(merchantCode).catch(() => null);
    if (!merchant || merchant.id !== row.merchantId) throw new AppError('UNAUTHENTICATED');
    return {
      merchantId: row.merchantId,
      phone: row.phone,
      sessionId: row.id,
      expiresAt: row.expiresAt,
    };
  }

  async end(sessionId: string): Promise<boolean> {
    const ended = await this.db
      .update(consumerSessions)
      .set({ endedAt: this.clock.now() })
      .where(and(eq(consumerSessions.id, sessionId), isNull(consumerSessions.endedAt)))
      .returning({ id: consumerSessions.id });
    return ended.length > 0;
  }
}
