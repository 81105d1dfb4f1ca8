import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Actor } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { staff } from '../staff/schema';
import { newSecret, sha256 } from './secrets';
import { sessions } from './schema';

// Refreshing "last seen" on every call would turn every read into a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Queries on the hot path (every call of a logged-in till), prepared once per connection: two
 * point lookups of the columns needed, measured at a fifth of one join of the whole rows.
 */
const sessionQueries = (db: Drizzle) => ({
  byToken: db
    .select({
      id: sessions.id,
      staffId: sessions.staffId,
      terminalId: sessions.terminalId,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
      lockedAt: sessions.lockedAt,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(),
  staffById: db
    .select({
      id: staff.id,
      name: staff.name,
      role: staff.role,
      storeId: staff.storeId,
      active: staff.active,
    })
    .from(staff)
    .where(eq(staff.id, sql.placeholder('id')))
    .prepare(),
});

export class SessionsService {
  private readonly queries: ReturnType<typeof sessionQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly idleMs: number,
  ) {
    this.queries = sessionQueries(adb.db);
  }

  /** Starts a session inside the login's write; returns the bearer token (shown once). */
  startWithin(staffId: string, terminalId: string | null): { token: string; sessionId: string } {
    const token = newSecret();
    const now = this.clock.now();
    const sessionId = newId();
    this.adb.db
      .insert(sessions)
      .values({
        id: sessionId,
        tokenHash: sha256(token),
        staffId,
        terminalId,
        createdAt: now,
        lastSeenAt: now,
      })
      .run();
    return { token, sessionId };
  }

  /** The staff actor behind a bearer token, or UNAUTHENTICATED / SESSION_EXPIRED. */
  resolve(token: string): Extract<Actor, { kind: 'staff' }> {
    const session = this.queries.byToken.get({ tokenHash: sha256(token) });
    const person = session && this.queries.staffById.get({ id: session.staffId });
    if (!session || !person) throw new AppError('UNAUTHENTICATED');
    if (session.revokedAt !== null || !person.active) throw new AppError('SESSION_EXPIRED');
    const now = this.clock.now();
    if (now - session.lastSeenAt > this.idleMs) {
      this.revoke(session.id, 'idle');
      throw new AppError('SESSION_EXPIRED');
    }
    if (now - session.lastSeenAt > LAST_SEEN_RESOLUTION_MS) {
      this.adb.db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(eq(sessions.id, session.id))
        .run();
    }
    return {
      kind: 'staff',
      staffId: person.id,
      name: person.name,
      role: person.role,
      storeId: person.storeId,
      sessionId: session.id,
      terminalId: session.terminalId,
      locked: session.lockedAt !== null,
    };
  }

  /** Puts the lock screen up on the server (inside a write); false when it already was. */
  lockWithin(sessionId: string): boolean {
    const result = this.adb.db
      .update(sessions)
      .set({ lockedAt: this.clock.now() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.lockedAt)))
      .run();
    return result.changes > 0;
  }

  unlockWithin(sessionId: string): void {
    this.adb.db.update(sessions).set({ lockedAt: null }).where(eq(sessions.id, sessionId)).run();
  }

  /** Whose session a token is or was, even after it ended (to deliver `session.revoked`). */
  ownerOf(token: string): string | null {
    const row = this.adb.db
      .select({ staffId: sessions.staffId })
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(token)))
      .get();
    return row?.staffId ?? null;
  }

  revoke(sessionId: string, reason: string): void {
    this.adb.db
      .update(sessions)
      .set({ revokedAt: this.clock.now(), revokeReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .run();
  }

  /** Ends every open session of a staff member (deactivation, PIN reset) and tells their UIs. */
  revokeAllOf(staffId: string, reason: string): void {
    const now = this.clock.now();
    const result = this.adb.db
      .update(sessions)
      .set({ revokedAt: now, revokeReason: reason })
      .where(and(eq(sessions.staffId, staffId), isNull(sessions.revokedAt)))
      .run();
    if (result.changes > 0) this.adb.emitAfterCommit('session.revoked', { staffId, at: now });
  }
}
