import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type { PointLotRow, PointMovementRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type DomainEvents, type EventContext } from '../events/domain-events';
import { AppError } from '../../../src-node/app-error';
import { newId } from '../../../src-node/ids';
import { NEVER_EXPIRES } from './rules';
import { pointLots, pointMovements } from './schema';

type Kind = PointMovementRow['kind'];
/** A movement as another PC sent it (points/effects.ts): an earn carries its lot's dates. */
export type PulledMovement = PointMovementRow & { availableAt?: number; expiresAt?: number };
interface MoveFacts {
  saleId?: string | null;
  saleLineId?: string | null;
  reason: string;
  storeId?: string | null;
  at: number;
}

/**
 * The only writer of points: lots (one per earn) and their movements. Every path (a sale, a
 * return, an exchange for a coupon, the expiry pass) moves points here, in the caller's write;
 * the outbox rows and the audit follow from `points.moved`. A lot's `remaining` is always the
 * sum of its movements.
 */
export class PointsLedger {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {
    const { db, sqlite } = adb;
    this.q = {
      insertLot: db.insert(pointLots).values(placeholdersFor(pointLots)).prepare(),
      insertMove: db.insert(pointMovements).values(placeholdersFor(pointMovements)).prepare(),
      addRemaining: sqlite.prepare('UPDATE point_lots SET remaining = remaining + ? WHERE id = ?'),
      // Soonest expiring first; among equals, the oldest lot.
      spendable: sqlite.prepare(
        `SELECT id, remaining FROM point_lots
         WHERE member_id = ? AND remaining > 0 AND available_at <= ? AND expires_at > ?
         ORDER BY expires_at, id`,
      ),
      unexpired: sqlite.prepare(
        `SELECT id, remaining FROM point_lots
         WHERE member_id = ? AND remaining > 0 AND expires_at > ? AND id <> ?
         ORDER BY expires_at, id`,
      ),
      lot: sqlite.prepare(
        'SELECT id, remaining, expires_at AS expiresAt FROM point_lots WHERE id = ?',
      ),
      lotOfLine: sqlite.prepare(
        'SELECT id, member_id AS memberId FROM point_lots WHERE sale_line_id = ?',
      ),
      // What a sale's burns took from each lot, less what was given back already.
      burnsOfSale: sqlite.prepare(
        `SELECT lot_id AS lotId, -sum(points) AS points, min(id) AS firstId FROM point_movements
         WHERE sale_id = ? AND kind IN ('burn', 'unburn') GROUP BY lot_id
         HAVING -sum(points) > 0 ORDER BY firstId DESC`,
      ),
      memberLots: sqlite.prepare(
        'SELECT id, remaining FROM point_lots WHERE member_id = ? AND remaining > 0',
      ),
      // Only the lots earned here: their PC alone expires them (see the column).
      due: sqlite.prepare(
        `SELECT id, member_id AS memberId, remaining, store_id AS storeId FROM point_lots
         WHERE expires_at <= ? AND remaining > 0 AND origin = 'local' ORDER BY expires_at LIMIT ?`,
      ),
      movementKnown: sqlite.prepare('SELECT 1 FROM point_movements WHERE id = ?'),
      reassignLots: sqlite.prepare('UPDATE point_lots SET member_id = ? WHERE member_id = ?'),
      reassignMoves: sqlite.prepare('UPDATE point_movements SET member_id = ? WHERE member_id = ?'),
      lotIdsOf: sqlite.prepare('SELECT id FROM point_lots WHERE member_id = ?').pluck(),
      // A lot's movements belong to whoever holds the lot.
      moveLots: sqlite.prepare(
        'UPDATE point_lots SET member_id = ? WHERE id IN (SELECT value FROM json_each(?))',
      ),
      moveLotMoves: sqlite.prepare(
        'UPDATE point_movements SET member_id = ? WHERE lot_id IN (SELECT value FROM json_each(?))',
      ),
      remainingOf: sqlite
        .prepare(
          `SELECT coalesce(sum(remaining), 0) FROM point_lots
           WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .pluck(),
    };
  }

  /** New lots, each with its earn movement. */
  earn(ctx: EventContext, lots: PointLotRow[], reason: 'sale' | 'import' = 'sale'): void {
    if (!lots.length) return;
    const movements: PointMovementRow[] = [];
    for (const lot of lots) {
      this.q.insertLot.run({ ...lot, remaining: lot.points });
      const move = this.movement(lot.memberId, lot.id, 'earn', lot.points, {
        saleId: lot.saleId,
        saleLineId: lot.saleLineId,
        reason,
        storeId: lot.storeId,
        at: lot.earnedAt,
      });
      movements.push(move);
    }
    this.events.record(ctx, 'points.moved', {
      lots: lots.map((l) => ({ ...l, remaining: l.points })),
      movements,
    });
  }

  /**
   * Spends `points` from the member's spendable lots, soonest expiring first (partly from the
   * last one); refuses when they do not reach.
   */
  burn(ctx: EventContext, memberId: string, points: number, facts: MoveFacts): void {
    if (points <= 0) return;
    const lots = this.q.spendable.all(memberId, facts.at, facts.at) as {
      id: string;
      remaining: number;
    }[];
    const available = lots.reduce((sum, l) => sum + l.remaining, 0);
    if (available < points)
      throw new AppError('POINTS_INSUFFICIENT', { available, needed: points });
    let left = points;
    const movements: PointMovementRow[] = [];
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, lot.remaining);
      movements.push(this.apply(memberId, lot.id, 'burn', -take, facts));
      left -= take;
    }
    this.events.record(ctx, 'points.moved', { lots: [], movements });
  }

  /**
   * Gives back up to `points` of what a sale's burns took, lot by lot, the last taken first.
   * A lot expired meanwhile gets them back too; the expiry pass takes them as expired.
   */
  unburn(
    ctx: EventContext,
    memberId: string,
    saleId: string,
    points: number,
    facts: MoveFacts,
  ): void {
    let left = points;
    const movements: PointMovementRow[] = [];
    for (const burnt of this.q.burnsOfSale.all(saleId) as { lotId: string; points: number }[]) {
      if (left === 0) break;
      const give = Math.min(left, burnt.points);
      movements.push(this.apply(memberId, burnt.lotId, 'unburn', give, { ...facts, saleId }));
      left -= give;
    }
    if (movements.length) this.events.record(ctx, 'points.moved', { lots: [], movements });
  }

  /**
   * Takes back the points a returned sale line earned: from its own lot first, then from the
   * member's other unexpired lots (soonest expiring first) when they were spent. Returns the
   * points it could not find (the member has none left): they are forgiven, not owed.
   */
  reverse(ctx: EventContext, saleLineId: string, points: number, facts: MoveFacts): number {
    const own = this.q.lotOfLine.get(saleLineId) as { id: string; memberId: string } | undefined;
    if (!own || points <= 0) return points;
    const first = this.q.lot.get(own.id) as { id: string; remaining: number; expiresAt: number };
    const lots = [
      ...(first.expiresAt > facts.at && first.remaining > 0 ? [first] : []),
      ...(this.q.unexpired.all(own.memberId, facts.at, own.id) as {
        id: string;
        remaining: number;
      }[]),
    ];
    let left = points;
    const movements: PointMovementRow[] = [];
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, lot.remaining);
      movements.push(this.apply(own.memberId, lot.id, 'reverse', -take, { ...facts, saleLineId }));
      left -= take;
    }
    if (movements.length) this.events.record(ctx, 'points.moved', { lots: [], movements });
    return left;
  }

  /**
   * A deleted member's points: what is left of every lot goes as `expire` (reason `deleted`),
   * so the ledger still adds up. Returns the points forfeited.
   */
  forfeit(ctx: EventContext, memberId: string, at: number): number {
    const lots = this.q.memberLots.all(memberId) as { id: string; remaining: number }[];
    const movements = lots.map((lot) =>
      this.apply(memberId, lot.id, 'expire', -lot.remaining, { reason: 'deleted', at }),
    );
    if (movements.length) this.events.record(ctx, 'points.moved', { lots: [], movements });
    return lots.reduce((sum, lot) => sum + lot.remaining, 0);
  }

  /** Expires what is left of the lots past their expiry, a chunk at a time. */
  expireDue(ctx: EventContext, now: number, chunk = 2000): number {
    const due = this.q.due.all(now, chunk) as {
      id: string;
      memberId: string;
      remaining: number;
      storeId: string | null;
    }[];
    const movements = due.map((lot) =>
      this.apply(lot.memberId, lot.id, 'expire', -lot.remaining, {
        reason: 'expiry',
        storeId: lot.storeId,
        at: now,
      }),
    );
    if (movements.length) this.events.record(ctx, 'points.moved', { lots: [], movements });
    return movements.length;
  }

  /**
   * A movement another PC of the merchant made, pulled: an earn brings its lot (origin remote),
   * any other moves the lot's remaining. Each movement once, by its id. Balances are sums, so
   * PCs that moved points while apart agree once each has applied the other's movements.
   * Returns false for one already here or whose lot this PC never heard of.
   */
  applyRemote(move: PulledMovement): boolean {
    if (this.q.movementKnown.get(move.id)) return false;
    const lots: PointLotRow[] = [];
    if (move.kind === 'earn') {
      const lot: PointLotRow = {
        id: move.lotId,
        memberId: move.memberId,
        storeId: move.storeId,
        saleId: move.saleId,
        saleLineId: move.saleLineId,
        points: move.points,
        remaining: 0,
        earnedAt: move.at,
        availableAt: move.availableAt ?? move.at,
        expiresAt: move.expiresAt ?? NEVER_EXPIRES,
        origin: 'remote',
      };
      this.q.insertLot.run(lot);
      lots.push({ ...lot, remaining: move.points });
    } else if (!this.q.lot.get(move.lotId)) return false;
    this.q.addRemaining.run(move.points, move.lotId);
    const { availableAt: _a, expiresAt: _e, ...row } = move;
    this.q.insertMove.run(row);
    this.events.record(SYSTEM_CONTEXT, 'points.moved', { lots, movements: [row], pulled: true });
    return true;
  }

  /** Two member records found to be one person: the lots and movements of one go to the other. */
  reassign(fromMemberId: string, toMemberId: string): void {
    this.q.reassignLots.run(toMemberId, fromMemberId);
    this.q.reassignMoves.run(toMemberId, fromMemberId);
  }

  /**
   * A member merged into another: every lot of `fromMemberId`, with its movements, goes to
   * `toMemberId`. Returns the lots moved (the merge keeps them for its undo) and the points they
   * still hold.
   */
  moveAllLots(fromMemberId: string, toMemberId: string): { lotIds: string[]; points: number } {
    const lotIds = this.q.lotIdsOf.all(fromMemberId) as string[];
    return { lotIds, points: this.moveLots(lotIds, toMemberId) };
  }

  /** The given lots, with their movements, to `toMemberId` (a merge undone); their points left. */
  moveLots(lotIds: string[], toMemberId: string): number {
    if (!lotIds.length) return 0;
    const ids = JSON.stringify(lotIds);
    this.q.moveLots.run(toMemberId, ids);
    this.q.moveLotMoves.run(toMemberId, ids);
    return this.q.remainingOf.get(ids) as number;
  }

  private apply(memberId: string, lotId: string, kind: Kind, points: number, facts: MoveFacts) {
    this.q.addRemaining.run(points, lotId);
    return this.movement(memberId, lotId, kind, points, facts);
  }

  private movement(
    memberId: string,
    lotId: string,
    kind: Kind,
    points: number,
    facts: MoveFacts,
  ): PointMovementRow {
    const row: PointMovementRow = {
      id: newId(facts.at),
      memberId,
      lotId,
      kind,
      points,
      saleId: facts.saleId ?? null,
      saleLineId: facts.saleLineId ?? null,
      reason: facts.reason,
      storeId: facts.storeId ?? null,
      at: facts.at,
    };
    this.q.insertMove.run(row);
    return row;
  }
}
