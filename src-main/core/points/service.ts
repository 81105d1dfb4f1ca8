import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { PointsBalance } from '../../../src-shared/contract/points';
import { displayCode } from '../../../src-shared/coupons/codes';
import { maskPhone } from '../../../src-shared/phone';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { IssueService } from '../coupons/issue';
import type { AppDatabase } from '../db/database';
import type { DomainEventCatalogue, PointLotRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type EventContext } from '../events/domain-events';
import type { MembersService } from '../members/service';
import type { LevelsService } from '../members/levels';
import { readMemberSettings } from '../members/settings';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import type { StoresService } from '../stores/service';
import type { PointsLedger } from './ledger';
import { earnPerLine, expiryOf, fenForPoints, pointsForFen, shareOf } from './rules';
import { localDate, startOfLocalDay } from '../../../src-shared/time';

const DAY_MS = 86_400_000;

/**
 * The rules around the points ledger: what a member's sale earns and burns, what a return
 * takes back and gives back, exchanges for coupons, the expiry pass, balances and history.
 */
export class PointsService {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: PointsLedger,
    private readonly members: MembersService,
    private readonly levels: LevelsService,
    private readonly settings: SettingsService,
    private readonly stores: StoresService,
    private readonly issuer: IssueService,
  ) {
    const db = adb.sqlite;
    this.q = {
      categories: db.prepare(
        `SELECT value AS id, p.category AS category FROM json_each(?) j JOIN products p ON p.id = j.value`,
      ),
      lineOfLot: db.prepare(
        `SELECT l.points AS points, s.qty AS qty, s.returned_qty AS returnedQty
         FROM point_lots l JOIN sale_lines s ON s.id = l.sale_line_id WHERE l.sale_line_id = ?`,
      ),
      burntOfSale: db.prepare(
        `SELECT member_id AS memberId, -sum(points) AS points FROM point_movements
         WHERE sale_id = ? AND kind = 'burn' GROUP BY member_id`,
      ),
      pointsTendered: db.prepare(
        `SELECT coalesce(sum(amount_fen), 0) AS fen FROM sale_tenders WHERE sale_id = ? AND kind = 'points'`,
      ),
      pointsRefunded: db.prepare(
        `SELECT coalesce(sum(amount_fen), 0) AS fen FROM sale_refunds WHERE sale_id = ? AND kind = 'points'`,
      ),
      totals: db.prepare(
        `SELECT kind, coalesce(sum(points), 0) AS points FROM point_movements WHERE member_id = ? GROUP BY kind`,
      ),
      lots: db.prepare(
        `SELECT id, sale_id AS saleId, points, remaining, earned_at AS earnedAt,
           available_at AS availableAt, expires_at AS expiresAt
         FROM point_lots WHERE member_id = ? AND remaining <> 0 ORDER BY expires_at, id`,
      ),
      // Points a member spent since `since` (burns less what came back), every store's alike.
      spentSince: db.prepare(
        `SELECT coalesce(-sum(points), 0) AS points FROM point_movements
         WHERE member_id = ? AND kind IN ('burn', 'unburn') AND at >= ?`,
      ),
      ofSale: db.prepare(
        `SELECT member_id AS memberId, kind, sum(points) AS points FROM point_movements
         WHERE sale_id = ? AND kind IN ('earn', 'burn') GROUP BY member_id, kind`,
      ),
      history: db.prepare(
        `SELECT id, kind, points, sale_id AS saleId, reason, at FROM point_movements
         WHERE member_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  // ---- from the sales ledger's events (same transaction) ----

  /** A member's sale: the points paid burn first, then each line earns its lot. */
  onSaleRecorded(ctx: EventContext, event: DomainEventCatalogue['sale.recorded']): void {
    const { sale, lines, tenders, imported } = event;
    const pointsFen = tenders
      .filter((t) => t.kind === 'points')
      .reduce((a, t) => a + t.amountFen, 0);
    // A POS export's sales are history: they neither earn nor spend (an undo would strand lots).
    if (imported) return;
    const member = sale.customerPhone ? this.members.byPhone(sale.customerPhone) : undefined;
    if (!member) {
      if (pointsFen > 0) throw new AppError('POINTS_NEED_MEMBER');
      return;
    }
    const settings = readMemberSettings(this.settings);
    const at = sale.recordedAt;
    const facts = { saleId: sale.id, reason: 'sale', storeId: sale.storeId, at };
    if (pointsFen > 0) {
      const points = pointsForFen(pointsFen, settings.pointsPerYuan);
      this.checkDailyCap(member.id, points, at, this.stores.brief(sale.storeId).timezone);
      this.ledger.burn(ctx, member.id, points, facts);
    }
    if (settings.earnPointsPerYuan === 0) return;
    const excluded = new Set(settings.excludedCategories);
    const categories = new Map(
      (
        this.q.categories.all(JSON.stringify([...new Set(lines.map((l) => l.productId))])) as {
          id: string;
          category: string;
        }[]
      ).map((p) => [p.id, p.category]),
    );
    const earned = earnPerLine(
      lines.map((l) => ({
        netFen: l.amountFen - l.discountFen,
        excluded: excluded.has(categories.get(l.productId) ?? ''),
      })),
      pointsFen,
      settings.earnPointsPerYuan,
      this.levels.multiplierOf(member.levelId),
    );
    const expiresAt = expiryOf(settings.expiry, at, this.stores.brief(sale.storeId).timezone);
    const lots: PointLotRow[] = [];
    lines.forEach((line, i) => {
      if (earned[i]! > 0)
        lots.push({
          id: newId(at),
          memberId: member.id,
          storeId: sale.storeId,
          saleId: sale.id,
          saleLineId: line.id,
          points: earned[i]!,
          remaining: earned[i]!,
          earnedAt: at,
          availableAt: at + settings.pendingDays * DAY_MS,
          expiresAt,
          origin: 'local',
        });
    });
    this.ledger.earn(ctx, lots);
  }

  /**
   * Goods back: each returned line gives back its share of the points it earned (all of them
   * once it is all back), and the points a points payment refunds come back to the member.
   */
  onSaleReturned(ctx: EventContext, event: DomainEventCatalogue['sale.returned']): void {
    const { sale, returned, refunds, at } = event;
    const facts = { saleId: sale.id, reason: 'return', storeId: sale.storeId, at };
    for (const { saleLineId, qty } of returned) {
      const lot = this.q.lineOfLot.get(saleLineId) as
        { points: number; qty: number; returnedQty: number } | undefined;
      if (!lot) continue;
      // returned_qty already counts this return (the ledger wrote it before the event).
      const due =
        shareOf(lot.points, lot.returnedQty, lot.qty) -
        shareOf(lot.points, lot.returnedQty - qty, lot.qty);
      this.ledger.reverse(ctx, saleLineId, due, facts);
    }
    const refundedNow = refunds
      .filter((r) => r.kind === 'points')
      .reduce((a, r) => a + r.amountFen, 0);
    if (refundedNow === 0) return;
    const burnt = this.q.burntOfSale.get(sale.id) as
      { memberId: string; points: number } | undefined;
    if (!burnt) return;
    const tendered = (this.q.pointsTendered.get(sale.id) as { fen: number }).fen;
    const refunded = (this.q.pointsRefunded.get(sale.id) as { fen: number }).fen;
    const back =
      shareOf(burnt.points, refunded, tendered) -
      shareOf(burnt.points, refunded - refundedNow, tendered);
    this.ledger.unburn(ctx, burnt.memberId, sale.id, back, facts);
  }

  /** What a receipt says of a member's sale: the masked phone, the points it moved, the balance. */
  receiptLine(saleId: string) {
    const moved = this.q.ofSale.all(saleId) as { memberId: string; kind: string; points: number }[];
    if (!moved.length) return null;
    const memberId = moved[0]!.memberId;
    const member = this.members.row(memberId);
    const earned = moved.filter((m) => m.kind === 'earn').reduce((a, m) => a + m.points, 0);
    const spent = moved.filter((m) => m.kind === 'burn').reduce((a, m) => a - m.points, 0);
    const { available } = this.balance(memberId);
    return {
      phoneText: maskPhone(member.phone),
      earnedText: spent ? `+${earned} / -${spent}` : `+${earned}`,
      availableText: String(available),
    };
  }

  // ---- methods ----

  balance(memberId: string, now = this.clock.now()): PointsBalance {
    this.members.row(memberId);
    const totals = Object.fromEntries(
      (this.q.totals.all(memberId) as { kind: string; points: number }[]).map((t) => [
        t.kind,
        t.points,
      ]),
    );
    const lots = this.q.lots.all(memberId) as PointsBalance['lots'];
    let available = 0;
    let pending = 0;
    let unswept = 0;
    for (const lot of lots) {
      if (lot.expiresAt <= now) unswept += lot.remaining;
      else if (lot.availableAt > now) pending += lot.remaining;
      else available += lot.remaining;
    }
    return {
      memberId,
      available,
      pending,
      earned: totals.earn ?? 0,
      spent: 0 - ((totals.burn ?? 0) + (totals.unburn ?? 0)),
      // Lots past their expiry that the daily pass has not swept yet count as expired already.
      expired: 0 - (totals.expire ?? 0) + unswept,
      reversed: 0 - (totals.reverse ?? 0),
      lots: lots.filter((l) => l.expiresAt > now),
      pointsPerYuan: readMemberSettings(this.settings).pointsPerYuan,
    };
  }

  /** Points a member may spend now and what they are worth at the till. */
  spendable(memberId: string): { points: number; fen: number } {
    const { available, pointsPerYuan } = this.balance(memberId);
    return { points: available, fen: fenForPoints(available, pointsPerYuan) };
  }

  history(input: ParsedInputOf<'points.history'>): OutputOf<'points.history'> {
    this.members.row(input.memberId);
    const rows = this.q.history.all(
      input.memberId,
      input.before ?? '\uffff',
      input.limit + 1,
    ) as OutputOf<'points.history'>['items'];
    const items = rows.slice(0, input.limit);
    return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  redeemForCoupon(
    ctx: HandlerContext,
    input: ParsedInputOf<'points.redeemForCoupon'>,
  ): OutputOf<'points.redeemForCoupon'> {
    const exchange = readMemberSettings(this.settings).exchanges.find(
      (e) => e.templateId === input.templateId,
    );
    if (!exchange) throw new AppError('EXCHANGE_NOT_OFFERED');
    const store = this.stores.ofCaller(ctx.actor);
    return this.adb.write(() => {
      const member = this.members.live(input.memberId);
      const at = this.clock.now();
      this.checkDailyCap(member.id, exchange.points, at, store?.timezone ?? 'Asia/Shanghai');
      this.ledger.burn(ctx, member.id, exchange.points, {
        reason: 'coupon',
        storeId: store?.id ?? null,
        at,
      });
      const [issued] = this.issuer.issueWithin(
        ctx,
        {
          templateId: input.templateId,
          count: 1,
          phone: member.phone,
          storeId: store?.id ?? null,
          timeZone: store?.timezone ?? 'Asia/Shanghai',
        },
        newId(at),
      );
      return { code: issued!.code, display: displayCode(issued!.code), points: exchange.points };
    });
  }

  /** Refuses a burn over the member's daily cap (the store's day), when the settings set one. */
  private checkDailyCap(memberId: string, points: number, at: number, timeZone: string): void {
    const cap = readMemberSettings(this.settings).dailyBurnCap;
    if (!cap) return;
    const since = startOfLocalDay(localDate(at, timeZone), timeZone);
    const spent = (this.q.spentSince.get(memberId, since) as { points: number }).points;
    if (spent + points > cap)
      throw new AppError('POINTS_DAILY_CAP', { cap, left: Math.max(0, cap - spent) });
  }

  /** The expiry pass (daily, and at start-up): chunks, each its own short write. */
  expireDue(now = this.clock.now()): number {
    let total = 0;
    for (;;) {
      const n = this.adb.write(() => this.ledger.expireDue(SYSTEM_CONTEXT, now));
      total += n;
      if (n === 0) return total;
    }
  }
}
