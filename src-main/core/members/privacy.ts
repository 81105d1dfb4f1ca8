import { randomBytes } from 'node:crypto';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { displayCode } from '../../../src-shared/coupons/codes';
import { maskPhone } from '../../../src-shared/phone';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { PointsLedger } from '../points/ledger';
import type { PointsService } from '../points/service';
import type { SalesLedger } from '../sales/ledger';
import type { CashbackLedger } from '../cashback/ledger';
import type { IssueLedger } from '../coupons/issue-ledger';
import type { MemberRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type DomainEvents, type EventContext } from '../events/domain-events';
import type { RedemptionLedger } from '../redemption/ledger';
import type { MembersLedger } from './ledger';
import type { MembersService } from './service';

/**
 * A member's rights under PIPL: a copy of everything kept about them, and deletion — personal
 * data pseudonymised, their purchases kept under a random id, their points forfeited so the
 * ledger still adds up, the consent log kept as the law requires.
 */
export class MemberPrivacy {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly members: MembersService,
    private readonly points: PointsService,
    private readonly ledgers: {
      members: MembersLedger;
      points: PointsLedger;
      sales: SalesLedger;
      issued: IssueLedger;
      redemption: RedemptionLedger;
      cashback: CashbackLedger;
    },
    private readonly events: DomainEvents,
    /** The records merged into a member (the merges service answers). */
    private readonly mergedIn: (memberId: string) => { mergedId: string }[],
  ) {
    const db = adb.sqlite;
    this.q = {
      purchases: db.prepare(
        `SELECT s.id AS saleId, s.sold_at AS soldAt, st.name AS storeName, s.total_fen AS totalFen,
           s.paid_fen AS paidFen, s.refunded_fen AS refundedFen
         FROM sales s JOIN stores st ON st.id = s.store_id WHERE s.customer_phone = ?
         ORDER BY s.sold_at DESC`,
      ),
      coupons: db.prepare(
        `SELECT c.code, t.name AS templateName, c.status, c.valid_until AS validUntil
         FROM coupons c JOIN coupon_templates t ON t.id = c.template_id
         WHERE c.customer_phone = ? ORDER BY c.issued_at DESC`,
      ),
    };
  }

  export(input: ParsedInputOf<'members.export'>): OutputOf<'members.export'> {
    const member = this.members.get(input.id);
    return {
      exportedAt: this.clock.now(),
      member,
      points: this.points.balance(member.id),
      movements: this.points.history({ memberId: member.id, limit: 500 }).items,
      purchases: this.q.purchases.all(member.phone) as OutputOf<'members.export'>['purchases'],
      coupons: (
        this.q.coupons.all(member.phone) as {
          code: string;
          templateName: string;
          status: string;
          validUntil: number;
        }[]
      ).map(({ code, ...rest }) => ({ display: displayCode(code), ...rest })),
    };
  }

  delete(ctx: HandlerContext, input: ParsedInputOf<'members.delete'>): OutputOf<'members.delete'> {
    return this.adb.write(() => {
      const member = this.members.row(input.id);
      if (member.deletedAt) throw new AppError('MEMBER_NOT_FOUND', { id: input.id });
      // A merged record is the same person as the member it joined: deleted with them.
      if (member.mergedIntoId)
        throw new AppError('MEMBER_MERGED', { phone: maskPhone(member.phone) });
      const at = this.clock.now();
      for (const merge of this.mergedIn(member.id))
        this.forget(ctx, this.members.row(merge.mergedId), at);
      return this.forget(ctx, member, at);
    });
  }

  /**
   * A member deleted at another PC (pulled): forgotten here too — the phone wherever this PC
   * kept it, and the points this PC still holds for them (those the other PC forfeited arrive as
   * its own movements).
   */
  forgetPulled(member: MemberRow): void {
    this.forget(SYSTEM_CONTEXT, member, this.clock.now());
  }

  private forget(ctx: EventContext, member: MemberRow, at: number) {
    const forfeitedPoints = this.ledgers.points.forfeit(ctx, member.id, at);
    // One random id everywhere the phone was kept: visit counts and repeat purchases stay.
    const pseudonym = `anon:${randomBytes(9).toString('base64url')}`;
    this.ledgers.sales.pseudonymiseCustomer(member.phone, pseudonym);
    this.ledgers.issued.renamePhone(member.phone, pseudonym);
    this.ledgers.redemption.renamePhone(member.phone, pseudonym);
    this.ledgers.cashback.renamePhone(member.phone, pseudonym);
    // The consumer rollups follow from the event (their owner renames them).
    this.events.record(ctx, 'member.deleted', {
      memberId: member.id,
      phone: member.phone,
      pseudonym,
    });
    this.ledgers.members.pseudonymise(ctx, member, at);
    return { id: member.id, deletedAt: at, forfeitedPoints };
  }
}
