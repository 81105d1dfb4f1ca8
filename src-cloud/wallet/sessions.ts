import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import type { CloudDb } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { merchants } from '../merchants/schema';
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

  /** The live session the token opens at this merchant; null otherwise (another merchant's). */
  async authenticate(merchantCode: string, token: string): Promise<ConsumerActor | null> {
    const [row] = await this.db
      .select({
        merchantId: consumerSessions.merchantId,
        phone: consumerSessions.phone,
        sessionId: consumerSessions.id,
        expiresAt: consumerSessions.expiresAt,
      })
      .from(consumerSessions)
      .innerJoin(merchants, eq(merchants.id, consumerSessions.merchantId))
      .where(
        and(
          eq(consumerSessions.tokenHash, sha256(token)),
          eq(merchants.code, merchantCode),
          isNull(consumerSessions.endedAt),
          gt(consumerSessions.expiresAt, this.clock.now()),
        ),
      );
    return row ?? null;
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
