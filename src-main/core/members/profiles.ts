import type { Statement } from 'better-sqlite3';
import type { MemberProfile } from '../../../src-shared/contract/members';
import {
  quintileCuts,
  rfmSegment,
  scoreHigher,
  scoreLower,
  type QuintileCuts,
} from '../../../src-shared/members/rfm';
import { maskPhone } from '../../../src-shared/phone';
import { addDays, localDate } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Sqlite } from '../db/open';

const RFM_WINDOW_DAYS = 365;

interface Cuts {
  asOf: string;
  recency: QuintileCuts;
  frequency: QuintileCuts;
  monetary: QuintileCuts;
}

/** Whole days from one local date to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A customer's profile from the customer rollups (rollup_customer_day, kept by every sale and
 * return): totals, the last 12 months, favourite stores and categories, coupon use, and RFM
 * scores against the merchant's quintiles. The quintiles need every customer of the year
 * (hundreds of thousands of rows in a chain), so they are computed once per local day and kept.
 */
export class MemberProfiles {
  private readonly q: Record<string, Statement<unknown[]>>;
  private cuts: Cuts | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
  ) {
    this.q = {
      member: sqlite.prepare(
        `SELECT m.id, m.phone, COALESCE(st.timezone, ?) AS timeZone,
           (SELECT granted FROM member_consents c WHERE c.member_id = m.id AND c.purpose = 'profiling') AS profiling
         FROM members m LEFT JOIN stores st ON st.id = m.store_id
         WHERE m.id = ? AND m.deleted_at IS NULL`,
      ),
      memberByPhone: sqlite.prepare(
        'SELECT id FROM members WHERE phone = ? AND deleted_at IS NULL',
      ),
      totals: sqlite.prepare(
        `SELECT MIN(CASE WHEN sales > 0 THEN day END) AS first, MAX(CASE WHEN sales > 0 THEN day END) AS last,
           COALESCE(SUM(sales), 0) AS visits, COALESCE(SUM(spend_fen - refund_fen), 0) AS spendFen
         FROM rollup_customer_day WHERE phone = ? AND product_id = ''`,
      ),
      window: sqlite.prepare(
        `SELECT COALESCE(SUM(sales), 0) AS visits, COALESCE(SUM(spend_fen - refund_fen), 0) AS spendFen
         FROM rollup_customer_day WHERE phone = ? AND product_id = '' AND day > ?`,
      ),
      months: sqlite.prepare(
        `SELECT substr(day, 1, 7) AS month, SUM(sales) AS visits, SUM(spend_fen - refund_fen) AS spendFen
         FROM rollup_customer_day WHERE phone = ? AND product_id = '' AND day >= ?
         GROUP BY month`,
      ),
      stores: sqlite.prepare(
        `SELECT r.store_id AS storeId, COALESCE(st.name, r.store_id) AS name, SUM(r.sales) AS visits,
           SUM(r.spend_fen - r.refund_fen) AS spendFen
         FROM rollup_customer_day r LEFT JOIN stores st ON st.id = r.store_id
         WHERE r.phone = ? AND r.product_id = ''
         GROUP BY r.store_id ORDER BY visits DESC, spendFen DESC LIMIT 3`,
      ),
      categories: sqlite.prepare(
        `SELECT COALESCE(p.category, '') AS category, SUM(r.qty) AS qty,
           SUM(r.spend_fen - r.refund_fen) AS spendFen
         FROM rollup_customer_day r LEFT JOIN products p ON p.id = r.product_id
         WHERE r.phone = ? AND r.product_id != ''
         GROUP BY category ORDER BY spendFen DESC, qty DESC LIMIT 5`,
      ),
      couponsReceived: sqlite.prepare('SELECT COUNT(*) AS n FROM coupons WHERE customer_phone = ?'),
      couponsRedeemed: sqlite.prepare(
        `SELECT COALESCE(SUM(count), 0) AS n FROM rollup_consumer_day
         WHERE phone = ? AND kind = 'coupon' AND product_id = ''`,
      ),
      everyCustomer: sqlite.prepare(
        `SELECT MAX(CASE WHEN sales > 0 THEN day END) AS last, SUM(sales) AS visits,
           SUM(spend_fen - refund_fen) AS spendFen
         FROM rollup_customer_day WHERE product_id = '' AND day > ? AND day <= ?
         GROUP BY phone HAVING SUM(sales) > 0`,
      ),
    };
  }

  profile(input: { memberId: string } | { phone: string }): MemberProfile {
    let memberId: string | null = null;
    let phone: string;
    let timeZone = DEFAULT_TIME_ZONE;
    let profilingConsent = false;
    const byPhone =
      'phone' in input
        ? (this.q.memberByPhone!.get(input.phone) as { id: string } | undefined)
        : undefined;
    const id = 'memberId' in input ? input.memberId : byPhone?.id;
    if (id) {
      const member = this.q.member!.get(DEFAULT_TIME_ZONE, id) as
        { id: string; phone: string; timeZone: string; profiling: number | null } | undefined;
      if (!member) throw new AppError('NOT_FOUND', { memberId: id });
      memberId = member.id;
      phone = member.phone;
      timeZone = member.timeZone;
      profilingConsent = member.profiling === 1;
    } else phone = (input as { phone: string }).phone;

    const today = localDate(this.clock.now(), timeZone);
    const yearAgo = addDays(today, -RFM_WINDOW_DAYS);
    const totals = this.q.totals!.get(phone) as {
      first: string | null;
      last: string | null;
      visits: number;
      spendFen: number;
    };
    const received = (this.q.couponsReceived!.get(phone) as { n: number }).n;
    const redeemed = (this.q.couponsRedeemed!.get(phone) as { n: number }).n;
    return {
      phone: maskPhone(phone),
      memberId,
      firstPurchase: totals.first,
      lastPurchase: totals.last,
      visits: totals.visits,
      spendFen: totals.spendFen,
      averageTicketFen: totals.visits ? Math.round(totals.spendFen / totals.visits) : 0,
      months: this.months(phone, today),
      stores: this.q.stores!.all(phone) as MemberProfile['stores'],
      categories: this.q.categories!.all(phone) as MemberProfile['categories'],
      coupons: {
        received,
        redeemed,
        usePermille: received ? Math.round((redeemed * 1000) / received) : null,
      },
      profilingConsent,
      rfm: profilingConsent ? this.rfm(phone, totals, today, yearAgo) : null,
      asOf: today,
    };
  }

  /** The last 12 calendar months, this one included, each present even without a purchase. */
  private months(phone: string, today: string): MemberProfile['months'] {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const keys = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(year, month - 1 - (11 - i), 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    });
    const rows = new Map(
      (
        this.q.months!.all(phone, `${keys[0]}-01`) as {
          month: string;
          visits: number;
          spendFen: number;
        }[]
      ).map((row) => [row.month, row]),
    );
    return keys.map((key) => ({
      month: key,
      visits: rows.get(key)?.visits ?? 0,
      spendFen: rows.get(key)?.spendFen ?? 0,
    }));
  }

  private rfm(
    phone: string,
    totals: { first: string | null; last: string | null },
    today: string,
    yearAgo: string,
  ): MemberProfile['rfm'] {
    if (!totals.last || !totals.first || totals.last <= yearAgo) return null;
    const cuts = this.cutsFor(today, yearAgo);
    if (!cuts) return null;
    const own = this.q.window!.get(phone, yearAgo) as { visits: number; spendFen: number };
    const daysSinceLast = Math.max(0, daysBetween(totals.last, today));
    const scores = {
      recency: scoreLower(daysSinceLast, cuts.recency),
      frequency: scoreHigher(own.visits, cuts.frequency),
      monetary: scoreHigher(own.spendFen, cuts.monetary),
    };
    return {
      ...scores,
      daysSinceLast,
      segment: rfmSegment(scores, daysBetween(totals.first, today)),
    };
  }

  /** The merchant's quintiles over the customers of the last year, as of today (kept a day). */
  private cutsFor(today: string, yearAgo: string): Cuts | null {
    if (this.cuts?.asOf === today) return this.cuts;
    const rows = this.q.everyCustomer!.all(yearAgo, today) as {
      last: string;
      visits: number;
      spendFen: number;
    }[];
    const recency = quintileCuts(rows.map((row) => daysBetween(row.last, today)));
    const frequency = quintileCuts(rows.map((row) => row.visits));
    const monetary = quintileCuts(rows.map((row) => row.spendFen));
    this.cuts =
      recency && frequency && monetary ? { asOf: today, recency, frequency, monetary } : null;
    return this.cuts;
  }
}
