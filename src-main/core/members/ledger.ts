import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { ConsentLogRow, LevelHistoryRow, MemberRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import {
  memberAliases,
  memberConsentLog,
  memberConsents,
  memberCouponGrants,
  memberLevelHistory,
  members,
  memberSpendDays,
} from './schema';

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

  /**
   * A member as another PC saved them, pulled (members/remote.ts decides when): written as it
   * came, with no event — the cloud has it already and nothing here follows from it.
   */
  saveRemote(member: MemberRow): void {
    this.adb.db
      .insert(members)
      .values(member)
      .onConflictDoUpdate({ target: members.id, set: member })
      .run();
  }

  /** Another PC's id of a member this PC holds under `memberId` (the same phone, signed up apart). */
  alias(aliasId: string, memberId: string, at: number): void {
    this.adb.db.insert(memberAliases).values({ aliasId, memberId, at }).onConflictDoNothing().run();
  }

  /**
   * The member signed up here gives way to `keeper`, the same phone signed up first at another
   * PC and new to this one: what is kept under the local id moves to the keeper's (consents,
   * level, qualifying spend, coupons given; `moveOthers` moves what other ledgers keep, such as
   * points), and the local id becomes an alias of it, here as on the other PCs once they pull
   * the local sign-up.
   */
  foldInto(
    local: MemberRow,
    keeper: MemberRow,
    at: number,
    moveOthers: (fromId: string, toId: string) => void,
  ): void {
    const db = this.adb.db;
    // The phone is unique: the local row lets go of it before the keeper's row takes it.
    db.update(members)
      .set({ phone: `merged:${local.id}` })
      .where(eq(members.id, local.id))
      .run();
    this.saveRemote({ ...keeper, levelId: local.levelId, levelReviewAt: local.levelReviewAt });
    const to = { memberId: keeper.id };
    db.update(memberConsents).set(to).where(eq(memberConsents.memberId, local.id)).run();
    db.update(memberConsentLog).set(to).where(eq(memberConsentLog.memberId, local.id)).run();
    db.update(memberLevelHistory).set(to).where(eq(memberLevelHistory.memberId, local.id)).run();
    db.update(memberSpendDays).set(to).where(eq(memberSpendDays.memberId, local.id)).run();
    db.update(memberCouponGrants).set(to).where(eq(memberCouponGrants.memberId, local.id)).run();
    moveOthers(local.id, keeper.id);
    db.delete(members).where(eq(members.id, local.id)).run();
    this.alias(local.id, keeper.id, at);
  }

  /** A consent given or withdrawn at another PC, pulled: logged, and current if it is newer. */
  consentRemote(entry: ConsentLogRow): void {
    this.adb.db.insert(memberConsentLog).values(entry).onConflictDoNothing().run();
    this.keepNewerConsent({
      memberId: entry.memberId,
      purpose: entry.purpose,
      granted: entry.granted,
      source: entry.source,
      textShown: entry.textShown,
      at: entry.at,
    });
  }

  private keepNewerConsent(current: typeof memberConsents.$inferInsert): void {
    this.adb.db
      .insert(memberConsents)
      .values(current)
      .onConflictDoUpdate({
        target: [memberConsents.memberId, memberConsents.purpose],
        set: current,
        setWhere: sql`${memberConsents.at} <= ${current.at}`,
      })
      .run();
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
