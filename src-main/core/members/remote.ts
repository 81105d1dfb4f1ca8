import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { ConsentLogRow, MemberMergeRow, MemberRow } from '../events/catalogue';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import type { PointsLedger, PulledMovement } from '../points/ledger';
import type { MembersLedger } from './ledger';
import type { MemberMerges } from './merge';
import type { MemberPrivacy } from './privacy';
import { members } from './schema';

/** A member row as another PC sent it (`members.changed`: the row, and `created` on sign-up). */
export type PulledMember = MemberRow & { created?: boolean };

/**
 * What another PC of the merchant did to members, applied here so every till finds the member,
 * their consents and their points. The newer save of a member wins. Two PCs that signed the same
 * phone up while apart end with one member: the one created first keeps the phone on every PC,
 * the other's id becomes its alias (see MembersLedger.foldInto). Levels stay each PC's own: their
 * definitions are not shared, so a level change elsewhere is relayed, not applied.
 */
export class RemoteMembers {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly ledger: MembersLedger,
    private readonly points: PointsLedger,
    private readonly privacy: MemberPrivacy,
    private readonly merges: MemberMerges,
  ) {
    const db = adb.sqlite;
    this.q = {
      byId: db.prepare('SELECT id FROM members WHERE id = ?'),
      alias: db.prepare('SELECT member_id AS memberId FROM member_aliases WHERE alias_id = ?'),
    };
  }

  /** The id this PC keeps a member under (another PC's id may be an alias); null if unknown. */
  resolve(memberId: string): string | null {
    const alias = this.q.alias.get(memberId) as { memberId: string } | undefined;
    if (alias) return alias.memberId;
    return this.q.byId.get(memberId) ? memberId : null;
  }

  applyMember(pulled: PulledMember, at: number): void {
    const { created: _created, ...row } = pulled;
    if (this.q.alias.get(row.id)) return; // folded into the member who kept the phone
    const here = this.row(row.id);
    if (here) {
      // Deleted anywhere is deleted everywhere, whatever the clocks say (PIPL).
      if (row.deletedAt && !here.deletedAt) return this.privacy.forgetPulled(here);
      if (row.updatedAt <= here.updatedAt) return;
      // Levels are each PC's own; a phone another member holds here stays theirs.
      const phoneTaken = row.phone !== here.phone && !!this.byPhone(row.phone);
      this.ledger.saveRemote({
        ...row,
        phone: phoneTaken ? here.phone : row.phone,
        levelId: here.levelId,
        levelReviewAt: here.levelReviewAt,
      });
      return;
    }
    const fresh = { ...row, levelId: null, levelReviewAt: null };
    const samePhone = row.deletedAt ? undefined : this.byPhone(row.phone);
    if (!samePhone) return this.ledger.saveRemote(fresh);
    if (createdFirst(samePhone, row)) this.ledger.alias(row.id, samePhone.id, at);
    else this.ledger.foldInto(samePhone, fresh, at, (from, to) => this.points.reassign(from, to));
  }

  applyConsent(entry: ConsentLogRow): void {
    const memberId = this.resolve(entry.memberId);
    if (memberId) this.ledger.consentRemote({ ...entry, memberId });
  }

  /** Two records merged at another PC: the same merge of what this PC keeps of them. */
  applyMerge(merge: MemberMergeRow): void {
    this.merges.applyPulledMerge(SYSTEM_CONTEXT, merge, (id) => this.resolve(id));
  }

  applyUnmerge(merge: Pick<MemberMergeRow, 'id' | 'undoneAt'>): void {
    this.merges.applyPulledUnmerge(SYSTEM_CONTEXT, merge);
  }

  /** A movement of points at another PC, on the member who holds them here. */
  applyPoints(move: PulledMovement): void {
    const memberId = this.resolve(move.memberId);
    if (!memberId) return;
    this.points.applyRemote({ ...move, memberId: this.merges.pointsHolder(memberId, move) });
  }

  private row(id: string): MemberRow | undefined {
    return this.adb.db.select().from(members).where(eq(members.id, id)).get();
  }

  private byPhone(phone: string): MemberRow | undefined {
    return this.adb.db.select().from(members).where(eq(members.phone, phone)).get();
  }
}

/** The member signed up first keeps the phone (ties: the smaller id), the same on every PC. */
const createdFirst = (a: MemberRow, b: MemberRow) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
