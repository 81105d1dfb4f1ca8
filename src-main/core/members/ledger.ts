import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type {
  ConsentLogRow,
  LevelHistoryRow,
  MemberMergeRow,
  MemberRow,
} from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import {
  memberAliases,
  memberConsentLog,
  memberConsents,
  memberCouponGrants,
  memberLevelHistory,
  memberMergeLots,
  memberMerges,
  memberMergeSpend,
  members,
  memberSpendDays,
} from './schema';

/** A day of qualifying spend (the store's business day, fen). */
export interface SpendDay {
  day: string;
  fen: number;
}

/**
 * The only writer of members, their consents and level changes: the outbox rows and the audit
 * entries follow from its events (members/effects.ts).
 */
export class MembersLedger {
  private readonly q;
  /** Written per member by an import of tens of thousands: built once, not per row. */
  private readonly prepared;

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {
    this.prepared = {
      insertMember: adb.db.insert(members).values(placeholdersFor(members)).prepare(),
      putConsent: adb.db
        .insert(memberConsents)
        .values(placeholdersFor(memberConsents))
        .onConflictDoUpdate({
          target: [memberConsents.memberId, memberConsents.purpose],
          set: {
            granted: sql`excluded.granted`,
            source: sql`excluded.source`,
            textShown: sql`excluded.text_shown`,
            at: sql`excluded.at`,
          },
        })
        .prepare(),
      logConsent: adb.db
        .insert(memberConsentLog)
        .values(placeholdersFor(memberConsentLog))
        .prepare(),
    };
    const db = adb.sqlite;
    this.q = {
      spendOf: db.prepare(
        'SELECT day, fen FROM member_spend_days WHERE member_id = ? AND fen <> 0',
      ),
      addSpend: db.prepare(
        `INSERT INTO member_spend_days (member_id, day, fen) VALUES (?, ?, ?)
         ON CONFLICT (member_id, day) DO UPDATE SET fen = fen + excluded.fen`,
      ),
      dropSpend: db.prepare('DELETE FROM member_spend_days WHERE member_id = ?'),
      mergeSpend: db.prepare('SELECT day, fen FROM member_merge_spend WHERE merge_id = ?'),
    };
  }

  create(ctx: EventContext, member: MemberRow): void {
    this.prepared.insertMember.run(member);
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
    this.prepared.putConsent.run({
      memberId: entry.memberId,
      purpose: entry.purpose,
      granted: entry.granted,
      source: entry.source,
      textShown: entry.textShown,
      at: entry.at,
    });
    this.prepared.logConsent.run(entry);
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

  /**
   * `merged` becomes part of the kept member: its row stays (with its phone, which now finds the
   * kept member) and points at it; its qualifying spend is added to the kept member's. `lotIds`
   * (moved by the points ledger) and the spend are recorded with the merge for its undo.
   * `pulled`: a merge made at another PC, applied here with no event of its own.
   */
  merge(
    ctx: EventContext,
    merge: MemberMergeRow,
    merged: MemberRow,
    lotIds: string[],
    pulled = false,
  ): SpendDay[] {
    const db = this.adb.db;
    const spend = this.q.spendOf.all(merged.id) as SpendDay[];
    for (const { day, fen } of spend) this.q.addSpend.run(merge.keptId, day, fen);
    this.q.dropSpend.run(merged.id);
    db.insert(memberMerges).values(merge).run();
    if (lotIds.length)
      db.insert(memberMergeLots)
        .values(lotIds.map((lotId) => ({ mergeId: merge.id, lotId })))
        .run();
    if (spend.length)
      db.insert(memberMergeSpend)
        .values(spend.map((s) => ({ mergeId: merge.id, ...s })))
        .run();
    const row = { ...merged, mergedIntoId: merge.keptId, updatedAt: merge.at };
    if (pulled) this.saveRemote(row);
    else {
      this.update(ctx, row, ['mergedInto']);
      this.events.record(ctx, 'member.merged', { merge, lotIds, spend });
    }
    return spend;
  }

  /** Points a pulled earn brought to a merged member's lot: returned with the merge's undo. */
  noteMergedLot(mergeId: string, lotId: string): void {
    this.adb.db.insert(memberMergeLots).values({ mergeId, lotId }).onConflictDoNothing().run();
  }

  /** The lots a merge moved (the points ledger gives them back). */
  mergedLots(mergeId: string): string[] {
    return this.adb.db
      .select({ lotId: memberMergeLots.lotId })
      .from(memberMergeLots)
      .where(eq(memberMergeLots.mergeId, mergeId))
      .all()
      .map((r) => r.lotId);
  }

  /**
   * A merge undone: the merged member stands alone again with the spend the merge moved (the
   * kept member keeps what was spent since). `pulled`: undone at another PC, applied here.
   */
  unmerge(
    ctx: EventContext,
    merge: MemberMergeRow,
    merged: MemberRow,
    at: number,
    undoneBy: string | null,
    pulled = false,
  ): void {
    for (const { day, fen } of this.q.mergeSpend.all(merge.id) as SpendDay[]) {
      this.q.addSpend.run(merge.keptId, day, -fen);
      this.q.addSpend.run(merged.id, day, fen);
    }
    this.adb.db
      .update(memberMerges)
      .set({ undoneAt: at, undoneBy })
      .where(eq(memberMerges.id, merge.id))
      .run();
    const row = { ...merged, mergedIntoId: null, updatedAt: at };
    if (pulled) return this.saveRemote(row);
    this.update(ctx, row, ['unmerged']);
    this.events.record(ctx, 'member.unmerged', { merge: { ...merge, undoneAt: at, undoneBy } });
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
