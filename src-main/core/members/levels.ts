import { asc } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { MemberLevel } from '../../../src-shared/contract/members';
import { addDays, localDate } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { MemberRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type EventContext } from '../events/domain-events';
import type { HandlerContext } from '../platform/context';
import type { MembersLedger } from './ledger';
import { memberLevels } from './schema';

const YEAR_MS = 365 * 86_400_000;
type Reason = 'signUp' | 'upgrade' | 'downgrade' | 'manual';

/**
 * Member levels on a rolling 12-month qualifying spend (paid less refunded, points payments
 * left out): a member rises as soon as a sale reaches the next threshold, and falls only at the
 * review date a year after the last change, if the spend no longer holds the level.
 */
export class LevelsService {
  private readonly q;
  private cached: MemberLevel[] | null = null;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly ledger: MembersLedger,
  ) {
    const db = adb.sqlite;
    this.q = {
      addSpend: db.prepare(
        `INSERT INTO member_spend_days (member_id, day, fen) VALUES (?, ?, ?)
         ON CONFLICT (member_id, day) DO UPDATE SET fen = fen + excluded.fen`,
      ),
      qualifying: db.prepare(
        'SELECT coalesce(sum(fen), 0) AS fen FROM member_spend_days WHERE member_id = ? AND day > ?',
      ),
      inUse: db.prepare('SELECT 1 FROM members WHERE level_id = ? LIMIT 1'),
      dueForReview: db.prepare(
        'SELECT * FROM members WHERE level_review_at IS NOT NULL AND level_review_at <= ? LIMIT 500',
      ),
    };
  }

  list(): MemberLevel[] {
    this.cached ??= this.adb.db
      .select()
      .from(memberLevels)
      .orderBy(asc(memberLevels.position))
      .all()
      .map(({ id, name, thresholdFen, multiplierPct, monthlyTemplateId }) => ({
        id,
        name,
        thresholdFen,
        multiplierPct,
        monthlyTemplateId,
      }));
    return this.cached;
  }

  nameOf(levelId: string | null): string | null {
    return levelId ? (this.list().find((l) => l.id === levelId)?.name ?? null) : null;
  }

  /** The points multiplier of a level, in percent (×1 without a level). */
  multiplierOf(levelId: string | null): number {
    const level = levelId ? this.list().find((l) => l.id === levelId) : undefined;
    return level?.multiplierPct ?? 100;
  }

  save(ctx: HandlerContext, input: ParsedInputOf<'levels.save'>): MemberLevel[] {
    input.levels.forEach((level, i) => {
      if (i > 0 && level.thresholdFen <= input.levels[i - 1]!.thresholdFen)
        throw new AppError('LEVELS_NOT_RISING');
    });
    return this.adb.write(() => {
      const kept = new Set(input.levels.map((l) => l.id).filter(Boolean));
      for (const old of this.list())
        if (!kept.has(old.id) && this.q.inUse.get(old.id))
          throw new AppError('LEVEL_IN_USE', { name: old.name });
      const now = this.clock.now();
      this.adb.db.delete(memberLevels).run();
      input.levels.forEach((level, position) =>
        this.adb.db
          .insert(memberLevels)
          .values({ ...level, id: level.id ?? newId(now), position, updatedAt: now })
          .run(),
      );
      this.cached = null;
      this.audit.record(ctx, {
        action: 'levels.save',
        targetType: 'settings',
        targetId: 'memberLevels',
        details: { levels: input.levels.map((l) => `${l.name} ≥ ${l.thresholdFen}`) },
      });
      return this.list();
    });
  }

  /** Paid less refunded over the 12 months up to `now` (the store's days). */
  qualifyingFen(memberId: string, now: number, timeZone: string): number {
    const since = addDays(localDate(now - YEAR_MS, timeZone), 0);
    return (this.q.qualifying.get(memberId, since) as { fen: number }).fen;
  }

  /** The highest level the spend reaches (levels are in rising thresholds). */
  levelFor(qualifyingFen: number): MemberLevel | null {
    let found: MemberLevel | null = null;
    for (const level of this.list()) if (level.thresholdFen <= qualifyingFen) found = level;
    return found;
  }

  /** A new member's level: the one a spend of 0 reaches (the entry level), if any. */
  onSignUp(ctx: EventContext, member: MemberRow, at: number): void {
    const level = this.levelFor(0);
    if (level) this.change(ctx, member, level, 'signUp', 0, at);
  }

  /**
   * A member's sale or return moved their spend (`fen` may be negative); a sale that reaches the
   * next threshold raises the level at once.
   */
  onSpend(ctx: EventContext, member: MemberRow, fen: number, at: number, timeZone: string): void {
    if (fen === 0) return;
    this.q.addSpend.run(member.id, localDate(at, timeZone), fen);
    if (fen > 0) this.raiseIfReached(ctx, member, at, timeZone);
  }

  /** Raises the member to the level their qualifying spend now reaches (never lowers it). */
  raiseIfReached(ctx: EventContext, member: MemberRow, at: number, timeZone: string): void {
    const qualifying = this.qualifyingFen(member.id, at, timeZone);
    const target = this.levelFor(qualifying);
    if (target && this.rank(target.id) > this.rank(member.levelId))
      this.change(ctx, member, target, 'upgrade', qualifying, at);
  }

  /** A level set by hand (a manager's decision), kept in the history as `manual`. */
  setManual(
    ctx: EventContext,
    member: MemberRow,
    levelId: string | null,
    at: number,
    timeZone: string,
  ): void {
    if (levelId === member.levelId) return;
    const level = levelId ? this.list().find((l) => l.id === levelId) : null;
    if (levelId && !level) throw new AppError('NOT_FOUND', { entity: 'level', id: levelId });
    this.change(
      ctx,
      member,
      level ?? null,
      'manual',
      this.qualifyingFen(member.id, at, timeZone),
      at,
    );
  }

  /** The review pass: members whose review date came down to what their spend holds. */
  review(now = this.clock.now(), timeZone = 'Asia/Shanghai'): number {
    let changed = 0;
    for (;;) {
      const due = this.q.dueForReview.all(now) as Record<string, unknown>[];
      if (!due.length) return changed;
      this.adb.write(() => {
        for (const raw of due) {
          const member = { id: raw.id as string, levelId: (raw.level_id as string) ?? null };
          const qualifying = this.qualifyingFen(member.id, now, timeZone);
          const target = this.levelFor(qualifying);
          if (this.rank(target?.id ?? null) < this.rank(member.levelId)) {
            this.change(SYSTEM_CONTEXT, member, target, 'downgrade', qualifying, now);
            changed++;
          } else this.ledger.extendReview(member.id, now + YEAR_MS);
        }
      });
    }
  }

  private rank(levelId: string | null): number {
    return levelId ? this.list().findIndex((l) => l.id === levelId) : -1;
  }

  private change(
    ctx: EventContext,
    member: Pick<MemberRow, 'id' | 'levelId'>,
    to: MemberLevel | null,
    reason: Reason,
    qualifyingFen: number,
    at: number,
  ): void {
    this.ledger.changeLevel(
      ctx,
      {
        id: newId(at),
        memberId: member.id,
        fromLevelId: member.levelId,
        toLevelId: to?.id ?? null,
        reason,
        qualifyingFen,
        at,
      },
      to ? at + YEAR_MS : null,
    );
    (member as { levelId: string | null }).levelId = to?.id ?? null;
  }
}
