import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { ConsentLogRow, LevelHistoryRow, MemberRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { memberConsentLog, memberConsents, memberLevelHistory, members } from './schema';

/**
 * The only writer of members, their consents and level changes: the outbox rows and the audit
 * entries follow from its events (members/effects.ts).
 */
export class MembersLedger {
  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {}

  create(ctx: EventContext, member: MemberRow): void {
    this.adb.db.insert(members).values(member).run();
    this.events.record(ctx, 'member.saved', { member, created: true, changed: [] });
  }

  update(ctx: EventContext, member: MemberRow, changed: string[]): void {
    if (!changed.length) return;
    this.adb.db.update(members).set(member).where(eq(members.id, member.id)).run();
    this.events.record(ctx, 'member.saved', { member, created: false, changed });
  }

  /** A member deleted at their request: the row pseudonymised in place (ids stay for the ledgers). */
  pseudonymise(ctx: EventContext, member: MemberRow, deletedAt: number): MemberRow {
    const gone: MemberRow = {
      ...member,
      // Unique and no phone: the number can sign up again as a new member.
      phone: `deleted:${member.id}`,
      phoneLast4: '',
      name: '',
      nameInitials: '',
      gender: 'unknown',
      birthday: null,
      birthYear: null,
      tags: [],
      note: '',
      updatedAt: deletedAt,
      deletedAt,
    };
    this.update(ctx, gone, ['deleted']);
    return gone;
  }

  /** One consent given or withdrawn: the current answer replaced, the log appended. */
  consent(ctx: EventContext, entry: ConsentLogRow): void {
    const current = {
      memberId: entry.memberId,
      purpose: entry.purpose,
      granted: entry.granted,
      source: entry.source,
      textShown: entry.textShown,
      at: entry.at,
    };
    this.adb.db
      .insert(memberConsents)
      .values(current)
      .onConflictDoUpdate({
        target: [memberConsents.memberId, memberConsents.purpose],
        set: current,
      })
      .run();
    this.adb.db.insert(memberConsentLog).values(entry).run();
    this.events.record(ctx, 'member.consented', { entry });
  }

  /** A review that kept the level: the next review a year on (bookkeeping, no event). */
  extendReview(memberId: string, reviewAt: number): void {
    this.adb.db
      .update(members)
      .set({ levelReviewAt: reviewAt })
      .where(eq(members.id, memberId))
      .run();
  }

  /** A level change: the member's level and next review, and the history entry. */
  changeLevel(ctx: EventContext, entry: LevelHistoryRow, reviewAt: number | null): void {
    this.adb.db
      .update(members)
      .set({ levelId: entry.toLevelId, levelReviewAt: reviewAt })
      .where(eq(members.id, entry.memberId))
      .run();
    this.adb.db.insert(memberLevelHistory).values(entry).run();
    this.events.record(ctx, 'member.levelChanged', { entry });
  }
}
