import { displayCode } from '../../../src-shared/coupons/codes';
import { addDays, localDate } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { IssueService } from '../coupons/issue';
import type { AppDatabase } from '../db/database';
import type { MemberRow } from '../events/catalogue';
import { SYSTEM_CONTEXT, type EventContext } from '../events/domain-events';
import type { Logger } from '../../../src-node/logger';
import type { SettingsService } from '../settings/service';
import { readMemberSettings } from './settings';

/** A member a pass gives a coupon to. */
type MemberOfPass = Pick<MemberRow, 'id' | 'phone' | 'storeId'>;

/**
 * The coupons members are given: the welcome coupon at sign-up, the birthday coupon N days
 * before the birthday (once a year) and their level's coupon (once a month), to their phone.
 */
export class MemberCoupons {
  private readonly q;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly issuer: IssueService,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {
    const db = adb.sqlite;
    this.q = {
      grant: db.prepare(
        `INSERT INTO member_coupon_grants (member_id, reason, template_id, code, at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      // Members whose birthday is this MM-DD and who were not given this year's coupon yet.
      birthdays: db.prepare(
        `SELECT m.id, m.phone, m.store_id AS storeId FROM members m
         WHERE m.birthday = ? AND NOT EXISTS (
           SELECT 1 FROM member_coupon_grants g WHERE g.member_id = m.id AND g.reason = ?)`,
      ),
      // Members at this level not given this month's level coupon yet.
      atLevel: db.prepare(
        `SELECT m.id, m.phone, m.store_id AS storeId FROM members m
         WHERE m.level_id = ? AND m.deleted_at IS NULL AND NOT EXISTS (
           SELECT 1 FROM member_coupon_grants g WHERE g.member_id = m.id AND g.reason = ?)`,
      ),
      heldList: db.prepare(
        `SELECT c.code, t.name AS templateName, c.valid_until AS validUntil FROM coupons c
         JOIN coupon_templates t ON t.id = c.template_id
         WHERE c.customer_phone = ? AND c.status = 'active' AND c.valid_until >= ? AND c.valid_from <= ?
         ORDER BY c.valid_until LIMIT 10`,
      ),
      held: db.prepare(
        `SELECT count(*) AS n FROM coupons
         WHERE customer_phone = ? AND status = 'active' AND valid_until >= ? AND valid_from <= ?`,
      ),
    };
  }

  /** Coupons a phone holds that can be used now: what the till says at lookup. */
  heldBy(phone: string, now = this.clock.now()): number {
    return (this.q.held.get(phone, now, now) as { n: number }).n;
  }

  /** The coupons a phone can use now, soonest expiring first (the till applies them). */
  listHeld(phone: string, now = this.clock.now()) {
    return (
      this.q.heldList.all(phone, now, now) as {
        code: string;
        templateName: string;
        validUntil: number;
      }[]
    ).map((c) => ({ ...c, display: displayCode(c.code) }));
  }

  /** The welcome coupon, inside the sign-up's write; a template that cannot issue is skipped. */
  welcome(ctx: EventContext, member: MemberRow, timeZone: string): string | null {
    const { welcomeTemplateId } = readMemberSettings(this.settings);
    if (!welcomeTemplateId) return null;
    return this.give(ctx, member, 'welcome', welcomeTemplateId, timeZone);
  }

  /**
   * A member signing up with their birthday within the next N days gets this year's birthday
   * coupon at once, not at the next pass (hours later, when they may have left the till).
   */
  birthdayAtSignUp(ctx: EventContext, member: MemberRow, timeZone: string): string | null {
    const { birthdayTemplateId, birthdayDaysBefore } = readMemberSettings(this.settings);
    if (!birthdayTemplateId || !member.birthday) return null;
    const today = localDate(this.clock.now(), timeZone);
    for (let ahead = 0; ahead <= birthdayDaysBefore; ahead++) {
      const day = addDays(today, ahead);
      if (day.slice(5) === member.birthday)
        return this.give(ctx, member, `birthday:${day.slice(0, 4)}`, birthdayTemplateId, timeZone);
    }
    return null;
  }

  /**
   * The level coupons (daily and at start-up): every member at a level with a monthly coupon gets
   * this month's once (reason `level:YYYY-MM` in the shop's zone), so a PC off on the 1st still
   * gives it when it starts.
   */
  levelMonthPass(
    levels: { id: string; monthlyTemplateId: string | null }[],
    now = this.clock.now(),
    timeZone = 'Asia/Shanghai',
  ): number {
    const reason = `level:${localDate(now, timeZone).slice(0, 7)}`;
    let given = 0;
    for (const level of levels) {
      if (!level.monthlyTemplateId) continue;
      const due = this.q.atLevel.all(level.id, reason) as MemberOfPass[];
      for (let i = 0; i < due.length; i += 200)
        this.adb.write(() => {
          for (const member of due.slice(i, i + 200))
            if (this.give(SYSTEM_CONTEXT, member, reason, level.monthlyTemplateId!, timeZone))
              given++;
        });
    }
    return given;
  }

  /**
   * The birthday pass (daily and at start-up): every member whose birthday falls within the
   * next N days (today included) gets this year's coupon, once. A PC that was off on the day N
   * before still sends it on the next start, up to the birthday itself.
   */
  birthdayPass(now = this.clock.now(), timeZone = 'Asia/Shanghai'): number {
    const { birthdayTemplateId, birthdayDaysBefore } = readMemberSettings(this.settings);
    if (!birthdayTemplateId) return 0;
    const today = localDate(now, timeZone);
    let given = 0;
    for (let ahead = 0; ahead <= birthdayDaysBefore; ahead++) {
      const day = addDays(today, ahead);
      const reason = `birthday:${day.slice(0, 4)}`;
      const due = this.q.birthdays.all(day.slice(5), reason) as MemberOfPass[];
      for (let i = 0; i < due.length; i += 200)
        this.adb.write(() => {
          for (const member of due.slice(i, i + 200))
            if (this.give(SYSTEM_CONTEXT, member, reason, birthdayTemplateId, timeZone)) given++;
        });
    }
    return given;
  }

  private give(
    ctx: EventContext,
    member: Pick<MemberRow, 'id' | 'phone' | 'storeId'>,
    reason: string,
    templateId: string,
    timeZone: string,
  ): string | null {
    const at = this.clock.now();
    try {
      const [issued] = this.issuer.issueWithin(
        ctx,
        { templateId, count: 1, phone: member.phone, storeId: member.storeId, timeZone },
        newId(at),
      );
      this.q.grant.run(member.id, reason, templateId, issued!.code, at);
      return issued!.code;
    } catch (error) {
      // A paused or used-up template must not stop a sign-up or the pass: nothing was written.
      if (!(error instanceof AppError)) throw error;
      this.logger.warn('member coupon not given', { reason, templateId, code: error.code });
      return null;
    }
  }
}
