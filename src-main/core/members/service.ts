import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type {
  ConsentPurpose,
  Member,
  MemberSummary,
  TillMember,
} from '../../../src-shared/contract/members';
import { maskPhone } from '../../../src-shared/phone';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { verifyMemberQr } from '../../../src-node/members/member-qr';
import type { AppDatabase } from '../db/database';
import type { MemberRow } from '../events/catalogue';
import type { EventContext } from '../events/domain-events';
import type { HandlerContext } from '../platform/context';
import { nameInitials } from '../products/initials';
import { staffIdOf } from '../stock/ledger';
import type { StoresService } from '../stores/service';
import type { MemberCoupons } from './coupons';
import type { MembersLedger } from './ledger';
import type { LevelsService } from './levels';

/** Columns of `members` as the drizzle row (raw statements select them under these names). */
const MEMBER_COLUMNS = `id, phone, phone_last4 AS phoneLast4, name, name_initials AS nameInitials,
  gender, birthday, birth_year AS birthYear, store_id AS storeId, level_id AS levelId,
  level_review_at AS levelReviewAt, tags, note, created_at AS createdAt, updated_at AS updatedAt,
  deleted_at AS deletedAt, merged_into_id AS mergedIntoId`;

const parse = (raw: Record<string, unknown> | undefined): MemberRow | undefined =>
  raw ? ({ ...raw, tags: JSON.parse(raw.tags as string) } as MemberRow) : undefined;

/**
 * Members keyed by mainland mobile: sign-up (at the till in seconds), lookup by phone or its
 * last four digits, the back office's list and edits, and consent per purpose. Writes go
 * through the members ledger.
 */
export class MembersService {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: MembersLedger,
    private readonly levels: LevelsService,
    private readonly coupons: MemberCoupons,
    private readonly stores: StoresService,
    /** What a member may spend at the till (the points service answers; set after both exist). */
    private readonly spendable: (memberId: string) => { points: number; fen: number },
    /** The merchant's keys by id: member codes are signed with them. */
    private readonly secretsFor: (kid: string) => Buffer[],
    /** The merges a member is part of (the merges service answers; set after both exist). */
    private readonly mergeLinks: (memberId: string) => Pick<Member, 'mergedInto' | 'mergedIn'>,
  ) {
    const db = adb.sqlite;
    this.q = {
      byId: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`),
      byPhone: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM members WHERE phone = ?`),
      mergedPhones: db.prepare('SELECT phone FROM members WHERE merged_into_id = ?').pluck(),
      byLast4: db.prepare(
        `SELECT ${MEMBER_COLUMNS} FROM members WHERE phone_last4 = ? ORDER BY id DESC LIMIT 20`,
      ),
      consents: db.prepare(
        `SELECT purpose, granted, source, text_shown AS textShown, at FROM member_consents
         WHERE member_id = ? ORDER BY purpose`,
      ),
      consentLog: db.prepare(
        `SELECT purpose, granted, source, text_shown AS textShown, at FROM member_consent_log
         WHERE member_id = ? ORDER BY id DESC LIMIT 100`,
      ),
      levelHistory: db.prepare(
        `SELECT from_level_id AS fromLevelId, to_level_id AS toLevelId, reason,
           qualifying_fen AS qualifyingFen, at
         FROM member_level_history WHERE member_id = ? ORDER BY id DESC LIMIT 50`,
      ),
    };
  }

  row(id: string): MemberRow {
    const member = parse(this.q.byId.get(id) as Record<string, unknown> | undefined);
    if (!member) throw new AppError('MEMBER_NOT_FOUND', { id });
    return member;
  }

  /** A member who can still buy, earn and spend: deleted ones are no one's any more. */
  live(id: string): MemberRow {
    const member = this.row(id);
    if (member.deletedAt) throw new AppError('MEMBER_NOT_FOUND', { id });
    return member;
  }

  /** The member a phone belongs to: for the phone of a merged record, the member it joined. */
  byPhone(phone: string): MemberRow | undefined {
    return this.holder(parse(this.q.byPhone.get(phone) as Record<string, unknown> | undefined));
  }

  private holder(row: MemberRow | undefined): MemberRow | undefined {
    return row?.mergedIntoId ? this.row(row.mergedIntoId) : row;
  }

  /** Every phone that finds the member: their own and those of the records merged into them. */
  private phonesOf(member: MemberRow): string[] {
    return [member.phone, ...(this.q.mergedPhones.all(member.id) as string[])];
  }

  create(ctx: HandlerContext, input: ParsedInputOf<'members.create'>): OutputOf<'members.create'> {
    const store = input.storeId ? this.stores.get(input.storeId) : this.stores.ofCaller(ctx.actor);
    const timeZone = store?.timezone ?? 'Asia/Shanghai';
    return this.adb.write(() => {
      if (this.byPhone(input.phone))
        throw new AppError('MEMBER_EXISTS', { phone: maskPhone(input.phone) });
      const at = this.clock.now();
      const name = input.name ?? '';
      const member: MemberRow = {
        id: newId(at),
        phone: input.phone,
        phoneLast4: input.phone.slice(-4),
        name,
        nameInitials: nameInitials(name),
        gender: input.gender ?? 'unknown',
        birthday: input.birthday ?? null,
        birthYear: input.birthYear ?? null,
        storeId: store?.id ?? null,
        levelId: null,
        levelReviewAt: null,
        deletedAt: null,
        mergedIntoId: null,
        tags: input.tags ?? [],
        note: input.note ?? '',
        createdAt: at,
        updatedAt: at,
      };
      this.ledger.create(ctx, member);
      for (const consent of input.consents)
        this.recordConsent(ctx, member.id, { ...consent, source: input.source }, at);
      this.levels.onSignUp(ctx, member, at);
      const welcomeCode = this.coupons.welcome(ctx, member, timeZone);
      this.coupons.birthdayAtSignUp(ctx, member, timeZone);
      return { member: this.get(member.id), welcomeCode };
    });
  }

  get(id: string): Member {
    const row = this.row(id);
    const store = row.storeId ? this.stores.brief(row.storeId) : null;
    const consents = (
      this.q.consents.all(id) as (Omit<Member['consents'][number], 'granted'> & {
        granted: number;
      })[]
    ).map((c) => ({ ...c, granted: !!c.granted }));
    const consentLog = (
      this.q.consentLog.all(id) as (Omit<Member['consents'][number], 'granted'> & {
        granted: number;
      })[]
    ).map((c) => ({ ...c, granted: !!c.granted }));
    const history = this.q.levelHistory.all(id) as {
      fromLevelId: string | null;
      toLevelId: string | null;
      reason: Member['levelHistory'][number]['reason'];
      qualifyingFen: number;
      at: number;
    }[];
    return {
      ...this.summary(row),
      phone: row.phone,
      gender: row.gender,
      birthday: row.birthday,
      birthYear: row.birthYear,
      storeId: row.storeId,
      note: row.note,
      updatedAt: row.updatedAt,
      levelReviewAt: row.levelReviewAt,
      deletedAt: row.deletedAt,
      ...this.mergeLinks(id),
      qualifyingFen: this.levels.qualifyingFen(
        id,
        this.clock.now(),
        store?.timezone ?? 'Asia/Shanghai',
      ),
      consents,
      consentLog,
      levelHistory: history.map((h) => ({
        fromLevelName: this.levels.nameOf(h.fromLevelId),
        toLevelName: this.levels.nameOf(h.toLevelId),
        reason: h.reason,
        qualifyingFen: h.qualifyingFen,
        at: h.at,
      })),
    };
  }

  /** At the till: by the whole phone, or by its last four digits (several may match). */
  lookup(input: ParsedInputOf<'members.lookup'>): OutputOf<'members.lookup'> {
    let rows: MemberRow[];
    if ('phone' in input) {
      const found = this.byPhone(input.phone);
      rows = found ? [found] : [];
    } else if ('last4' in input) {
      // A merged record's last four find the member it joined, once.
      const holders = (this.q.byLast4.all(input.last4) as Record<string, unknown>[]).map((r) =>
        this.holder(parse(r))!,
      );
      rows = [...new Map(holders.map((m) => [m.id, m])).values()];
    } else {
      // The wallet's rotating member code: signed with the merchant's key, short-lived.
      const check = verifyMemberQr(input.qr, this.secretsFor, this.clock.now());
      if (!check.ok)
        throw new AppError(check.problem === 'expired' ? 'MEMBER_QR_EXPIRED' : 'MEMBER_QR_INVALID');
      const found = this.holder(
        parse(this.q.byId.get(check.memberId) as Record<string, unknown> | undefined),
      );
      rows = found && !found.deletedAt ? [found] : [];
    }
    const now = this.clock.now();
    return {
      matches: rows.map((row): TillMember => {
        const { points, fen } = this.spendable(row.id);
        const phones = this.phonesOf(row);
        return {
          ...this.summary(row),
          pointsAvailable: points,
          pointsValueFen: fen,
          couponCount: phones.reduce((n, phone) => n + this.coupons.heldBy(phone, now), 0),
          coupons: phones
            .flatMap((phone) => this.coupons.listHeld(phone, now))
            .sort((a, b) => a.validUntil - b.validUntil)
            .slice(0, 10),
        };
      }),
    };
  }

  list(input: ParsedInputOf<'members.list'>): OutputOf<'members.list'> {
    // Deleted members are no one's to look at: they stay only for the ledgers; merged ones are
    // part of the member they joined.
    const where: string[] = ['deleted_at IS NULL', 'merged_into_id IS NULL'];
    const args: unknown[] = [];
    const q = input.q?.trim();
    if (q) {
      if (/^\d+$/.test(q)) {
        where.push("phone LIKE '%' || ? || '%'");
        args.push(q);
      } else if (/^[a-zA-Z]+$/.test(q)) {
        where.push("(name_initials LIKE ? || '%' OR name LIKE '%' || ? || '%')");
        args.push(q.toLowerCase(), q);
      } else {
        where.push("name LIKE '%' || ? || '%'");
        args.push(q);
      }
    }
    if (input.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(members.tags) WHERE value = ?)');
      args.push(input.tag);
    }
    if (input.levelId) {
      where.push('level_id = ?');
      args.push(input.levelId);
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    const total = (
      this.adb.sqlite.prepare(`SELECT count(*) AS n FROM members ${filter}`).get(...args) as {
        n: number;
      }
    ).n;
    const page = [...where, ...(input.before ? ['id < ?'] : [])];
    const rows = (
      this.adb.sqlite
        .prepare(
          `SELECT ${MEMBER_COLUMNS} FROM members WHERE ${page.join(' AND ')}
           ORDER BY id DESC LIMIT ?`,
        )
        .all(...args, ...(input.before ? [input.before] : []), input.limit + 1) as Record<
        string,
        unknown
      >[]
    ).map((r) => parse(r)!);
    const items = rows.slice(0, input.limit).map((r) => this.summary(r));
    return {
      items,
      nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null,
      total,
    };
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'members.update'>): Member {
    return this.adb.write(() => {
      const before = this.live(input.id);
      const next: MemberRow = { ...before };
      const changed: string[] = [];
      const set = <K extends keyof MemberRow>(key: K, value: MemberRow[K] | undefined) => {
        if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) return;
        next[key] = value;
        changed.push(key);
      };
      if (input.phone && input.phone !== before.phone) {
        const other = this.byPhone(input.phone);
        if (other) throw new AppError('MEMBER_EXISTS', { phone: maskPhone(input.phone) });
        set('phone', input.phone);
        next.phoneLast4 = input.phone.slice(-4);
      }
      if (input.name !== undefined) {
        set('name', input.name);
        next.nameInitials = nameInitials(next.name);
      }
      set('gender', input.gender);
      set('birthday', input.birthday);
      set('birthYear', input.birthYear);
      set('tags', input.tags);
      set('note', input.note);
      next.updatedAt = this.clock.now();
      this.ledger.update(ctx, next, changed);
      if (input.levelId !== undefined)
        this.levels.setManual(
          ctx,
          next,
          input.levelId,
          next.updatedAt,
          next.storeId ? this.stores.brief(next.storeId).timezone : 'Asia/Shanghai',
        );
      return this.get(input.id);
    });
  }

  setConsent(ctx: HandlerContext, input: ParsedInputOf<'members.setConsent'>): Member {
    return this.adb.write(() => {
      this.row(input.memberId);
      this.recordConsent(ctx, input.memberId, input, this.clock.now());
      return this.get(input.memberId);
    });
  }

  private recordConsent(
    ctx: EventContext,
    memberId: string,
    consent: { purpose: ConsentPurpose; granted: boolean; textShown: string; source: string },
    at: number,
  ): void {
    this.ledger.consent(ctx, {
      id: newId(at),
      memberId,
      purpose: consent.purpose,
      granted: consent.granted,
      source: consent.source,
      textShown: consent.textShown,
      staffId: staffIdOf(ctx),
      at,
    });
  }

  private summary(row: MemberRow): MemberSummary {
    return {
      id: row.id,
      phoneMasked: row.deletedAt ? '' : maskPhone(row.phone),
      name: row.name,
      levelId: row.levelId,
      levelName: this.levels.nameOf(row.levelId),
      tags: row.tags,
      createdAt: row.createdAt,
    };
  }
}
