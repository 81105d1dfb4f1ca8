import { MERGE_UNDO_DAYS, type MemberMergeLink } from '../../../src-shared/contract/members';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { maskPhone } from '../../../src-shared/phone';
import { localDate } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AppDatabase } from '../db/database';
import type { MemberMergeRow, MemberRow, PointMovementRow } from '../events/catalogue';
import type { EventContext } from '../events/domain-events';
import type { HandlerContext } from '../platform/context';
import type { PointsLedger } from '../points/ledger';
import type { StoresService } from '../stores/service';
import type { MembersLedger } from './ledger';
import type { LevelsService } from './levels';
import type { MembersService } from './service';

const DAY_MS = 86_400_000;
const undoUntil = (merge: Pick<MemberMergeRow, 'at'>) => merge.at + MERGE_UNDO_DAYS * DAY_MS;

/**
 * One person, two member records (two phones): `members.merge` makes one of them part of the
 * other, `members.unmerge` undoes it within 30 days. The merged record stays, so its phone still
 * finds the person and the lineage can be read; what moved (points lots, qualifying spend) is
 * recorded with the merge, so the undo gives back exactly that. The same merge reaches the other
 * PCs of the merchant through the outbox (`members.merged` / `members.unmerged`).
 */
export class MemberMerges {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly members: MembersService,
    private readonly ledger: MembersLedger,
    private readonly points: PointsLedger,
    private readonly levels: LevelsService,
    private readonly stores: StoresService,
  ) {
    const db = adb.sqlite;
    const columns = `id, kept_id AS keptId, merged_id AS mergedId, reason, staff_id AS staffId,
      at, undone_at AS undoneAt, undone_by AS undoneBy`;
    this.q = {
      byId: db.prepare(`SELECT ${columns} FROM member_merges WHERE id = ?`),
      activeOf: db.prepare(
        `SELECT ${columns} FROM member_merges WHERE merged_id = ? AND undone_at IS NULL`,
      ),
      activeInto: db.prepare(
        `SELECT ${columns} FROM member_merges WHERE kept_id = ? AND undone_at IS NULL ORDER BY at`,
      ),
    };
  }

  merge(ctx: HandlerContext, input: ParsedInputOf<'members.merge'>): OutputOf<'members.merge'> {
    if (input.keepId === input.mergeId) throw new AppError('MEMBER_MERGE_SAME');
    return this.adb.write(() => {
      const kept = this.members.live(input.keepId);
      const merged = this.members.live(input.mergeId);
      for (const member of [kept, merged])
        if (member.mergedIntoId)
          throw new AppError('MEMBER_MERGED', { phone: maskPhone(member.phone) });
      // One level of lineage: a merge into `merged` is undone first, so every undo stays exact.
      if (this.activeInto(merged.id).length)
        throw new AppError('MEMBER_HAS_MERGED', { phone: maskPhone(merged.phone) });
      const at = this.clock.now();
      const merge: MemberMergeRow = {
        id: newId(at),
        keptId: kept.id,
        mergedId: merged.id,
        reason: input.reason,
        staffId: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        at,
        undoneAt: null,
        undoneBy: null,
      };
      const moved = this.points.moveAllLots(merged.id, kept.id);
      const spend = this.ledger.merge(ctx, merge, merged, moved.lotIds);
      // Two spends together may reach the next level at once (a level never drops here).
      this.levels.raiseIfReached(ctx, kept, at, this.timeZoneOf(kept));
      return {
        merge: view(merge),
        movedPoints: moved.points,
        movedSpendFen: spend.reduce((sum, day) => sum + day.fen, 0),
      };
    });
  }

  unmerge(
    ctx: HandlerContext,
    input: ParsedInputOf<'members.unmerge'>,
  ): OutputOf<'members.unmerge'> {
    return this.adb.write(() => {
      const merge = this.row(input.mergeId);
      if (!merge) throw new AppError('MERGE_NOT_FOUND', { id: input.mergeId });
      if (merge.undoneAt) throw new AppError('MERGE_UNDONE');
      const merged = this.members.live(merge.mergedId);
      const at = this.clock.now();
      if (at > undoUntil(merge))
        throw new AppError('MERGE_UNDO_EXPIRED', {
          until: localDate(undoUntil(merge), this.timeZoneOf(merged)),
        });
      const returnedPoints = this.points.moveLots(this.ledger.mergedLots(merge.id), merged.id);
      const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
      this.ledger.unmerge(ctx, merge, merged, at, staffId);
      return { merge: view({ ...merge, undoneAt: at }), returnedPoints };
    });
  }

  /** A merge made at another PC, pulled: the same move of what this PC keeps (once). */
  applyPulledMerge(ctx: EventContext, pulled: MemberMergeRow, resolve: Resolve): void {
    if (this.row(pulled.id)) return;
    const keptId = resolve(pulled.keptId);
    const mergedId = resolve(pulled.mergedId);
    if (!keptId || !mergedId || keptId === mergedId) return;
    const merged = this.members.row(mergedId);
    const merge = { ...pulled, keptId, mergedId, undoneAt: null, undoneBy: null };
    const moved = this.points.moveAllLots(mergedId, keptId);
    this.ledger.merge(ctx, merge, merged, moved.lotIds, true);
  }

  /** A merge undone at another PC, pulled. */
  applyPulledUnmerge(ctx: EventContext, pulled: Pick<MemberMergeRow, 'id' | 'undoneAt'>): void {
    const merge = this.row(pulled.id);
    if (!merge || merge.undoneAt) return;
    const merged = this.members.row(merge.mergedId);
    this.points.moveLots(this.ledger.mergedLots(merge.id), merged.id);
    this.ledger.unmerge(ctx, merge, merged, pulled.undoneAt ?? this.clock.now(), null, true);
  }

  /**
   * Who holds the points another PC moved for `memberId` here: the member it was merged into,
   * if any. A lot earned there before it learned of the merge joins the merge's lots, so an undo
   * gives it back too.
   */
  pointsHolder(memberId: string, move: Pick<PointMovementRow, 'kind' | 'lotId'>): string {
    const merge = this.q.activeOf.get(memberId) as MemberMergeRow | undefined;
    if (!merge) return memberId;
    if (move.kind === 'earn') this.ledger.noteMergedLot(merge.id, move.lotId);
    return merge.keptId;
  }

  /** The merge a member is part of (if any) and those merged into them, for the member page. */
  links(memberId: string): { mergedInto: MemberMergeLink | null; mergedIn: MemberMergeLink[] } {
    const into = this.q.activeOf.get(memberId) as MemberMergeRow | undefined;
    return {
      mergedInto: into ? this.link(into, into.keptId) : null,
      mergedIn: this.activeInto(memberId).map((m) => this.link(m, m.mergedId)),
    };
  }

  /** Members merged into `memberId`, not undone. */
  activeInto(memberId: string): MemberMergeRow[] {
    return this.q.activeInto.all(memberId) as MemberMergeRow[];
  }

  private link(merge: MemberMergeRow, otherId: string): MemberMergeLink {
    const other = this.members.row(otherId);
    return {
      mergeId: merge.id,
      memberId: other.id,
      phoneMasked: maskPhone(other.phone),
      name: other.name,
      at: merge.at,
      undoUntil: undoUntil(merge),
    };
  }

  private row(id: string): MemberMergeRow | undefined {
    return this.q.byId.get(id) as MemberMergeRow | undefined;
  }

  private timeZoneOf(member: MemberRow): string {
    return member.storeId ? this.stores.brief(member.storeId).timezone : 'Asia/Shanghai';
  }
}

type Resolve = (memberId: string) => string | null;

const view = (merge: MemberMergeRow) => ({
  id: merge.id,
  keptId: merge.keptId,
  mergedId: merge.mergedId,
  reason: merge.reason,
  at: merge.at,
  undoUntil: undoUntil(merge),
  undoneAt: merge.undoneAt,
});
