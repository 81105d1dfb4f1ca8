import type { Statement } from 'better-sqlite3';
import { quintileCuts, rfmSegment, scoreHigher, scoreLower } from '../../../src-shared/members/rfm';
import {
  inRegions,
  type AudienceRules,
  type AudienceStratum,
  type ExclusionReason,
  type PurchaseRule,
} from '../../../src-shared/outreach/audience';
import { recipientFailure } from '../../../src-shared/outreach/sms-rules';
import { addDays, localDate } from '../../../src-shared/time';
import { phoneHash } from '../../../src-node/outreach/phone-hash';
import type { Clock } from '../../../src-node/clock';
import type { Sqlite } from '../db/open';

const RFM_WINDOW_DAYS = 365;
const DAY_MS = 86_400_000;

/** One customer as the audience rules see them. */
interface Customer {
  phone: string;
  first: string | null;
  last: string | null;
  /** Visits and spend over the RFM window (the last 365 days). */
  visits: number;
  spendFen: number;
  /** The stores they bought in (their district codes). */
  districts: Set<string>;
}

interface MemberFacts {
  id: string;
  name: string;
  levelId: string | null;
  birthday: string | null;
  marketingSms: boolean;
  profiling: boolean;
}

/** An audience member with the arm-independent facts a campaign keeps. */
export interface AudienceMember {
  phone: string;
  memberId: string | null;
  name: string;
  stratum: AudienceStratum;
  lastVisit: string | null;
  /** Why no text may go to them today; null: reachable. */
  excluded: ExclusionReason | null;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Selects customers by the audience rules from the customer rollups (rollup_customer_day, kept
 * by every sale and return), the members, and the coupons held. The per-customer totals are the
 * expensive part (every customer of every day), so they are computed once per local day and
 * rollup generation and kept: editing the rules then costs only the cheap filters.
 */
export class AudienceEngine {
  private readonly q: Record<string, Statement<unknown[]>>;
  private base: { key: string; customers: Map<string, Customer>; segments: Map<string, AudienceStratum> } | null =
    null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {
    this.q = {
      generation: sqlite.prepare('SELECT generation AS g FROM analytics_state WHERE id = 1'),
      customers: sqlite.prepare(
        `SELECT r.phone, st.district_code AS district,
           MIN(CASE WHEN r.sales > 0 THEN r.day END) AS first,
           MAX(CASE WHEN r.sales > 0 THEN r.day END) AS last,
           SUM(CASE WHEN r.day > ? THEN r.sales ELSE 0 END) AS visits,
           SUM(CASE WHEN r.day > ? THEN r.spend_fen - r.refund_fen ELSE 0 END) AS spendFen
         FROM rollup_customer_day r LEFT JOIN stores st ON st.id = r.store_id
         WHERE r.product_id = ''
         GROUP BY r.phone, r.store_id`,
      ),
      members: sqlite.prepare(
        `SELECT m.phone, m.id, m.name, m.level_id AS levelId, m.birthday,
           COALESCE((SELECT granted FROM member_consents c WHERE c.member_id = m.id AND c.purpose = 'marketingSms'), 0) AS marketingSms,
           COALESCE((SELECT granted FROM member_consents c WHERE c.member_id = m.id AND c.purpose = 'profiling'), 0) AS profiling
         FROM members m WHERE m.deleted_at IS NULL AND m.merged_into_id IS NULL`,
      ),
      holdsCoupon: sqlite.prepare(
        `SELECT DISTINCT customer_phone AS phone FROM coupons
         WHERE status = 'active' AND customer_phone IS NOT NULL AND valid_until > ?`,
      ),
      suppressed: sqlite.prepare('SELECT phone_hash AS h FROM sms_suppressions WHERE signature = ?'),
      textedRecently: sqlite.prepare(
        `SELECT r.phone, COUNT(*) AS n FROM outreach_recipients r
         JOIN outreach_campaigns c ON c.id = r.campaign_id
         WHERE r.arm = 'treatment' AND c.sent_at > ? GROUP BY r.phone`,
      ),
    };
  }

  /**
   * Everyone the rules select, each with their stratum and whether a marketing text may go to
   * them today (consent, suppression under `signature`, `capPer30Days`).
   */
  select(
    rules: AudienceRules,
    policy: { signature: string; capPer30Days: number },
    /** An automation's own cut (birthdays today, coupons expiring in N days): only these. */
    only?: ReadonlySet<string>,
  ): { members: AudienceMember[]; asOf: string } {
    const now = this.clock.now();
    const today = localDate(now, this.timeZone());
    const { customers, segments } = this.customers(today);
    const members = new Map(
      (this.q.members!.all() as (Omit<MemberFacts, 'marketingSms' | 'profiling'> & {
        phone: string;
        marketingSms: number;
        profiling: number;
      })[]).map((row) => [
        row.phone,
        { ...row, marketingSms: row.marketingSms === 1, profiling: row.profiling === 1 },
      ]),
    );
    const phones = only ?? new Set([...customers.keys(), ...members.keys()]);
    const bought = rules.bought ? this.buyers(rules.bought, today) : null;
    const notBought = rules.notBought ? this.buyers(rules.notBought, today) : null;
    const holders = rules.unusedCoupon
      ? new Set((this.q.holdsCoupon!.all(now) as { phone: string }[]).map((r) => r.phone))
      : null;
    const lapsedBefore = rules.lapsedDays ? addDays(today, -rules.lapsedDays) : null;
    const month = rules.birthdayMonth ? String(rules.birthdayMonth).padStart(2, '0') : null;

    const selected: { phone: string; customer?: Customer; member?: MemberFacts; stratum: AudienceStratum }[] = [];
    for (const phone of phones) {
      const customer = customers.get(phone);
      const member = members.get(phone);
      // Segments are profiling (PIPL): only customers who agreed to it are segmented.
      const stratum: AudienceStratum = member?.profiling ? (segments.get(phone) ?? 'none') : 'none';
      if (rules.segments.length && !(rules.segments as string[]).includes(stratum)) continue;
      if (lapsedBefore && !(customer?.last && customer.last <= lapsedBefore)) continue;
      if (bought && !bought.has(phone)) continue;
      if (notBought?.has(phone)) continue;
      if (
        rules.regions.length &&
        ![...(customer?.districts ?? [])].some((d) => inRegions(d, rules.regions))
      )
        continue;
      if (rules.levelIds.length && !(member?.levelId && rules.levelIds.includes(member.levelId)))
        continue;
      if (month && !member?.birthday?.startsWith(`${month}-`)) continue;
      if (holders && !holders.has(phone)) continue;
      selected.push({ phone, customer, member, stratum });
    }

    const suppressed = new Set(
      (this.q.suppressed!.all(policy.signature) as { h: string }[]).map((r) => r.h),
    );
    const texted = new Map(
      (this.q.textedRecently!.all(now - 30 * DAY_MS) as { phone: string; n: number }[]).map(
        (r) => [r.phone, r.n],
      ),
    );
    return {
      asOf: today,
      members: selected.map(({ phone, customer, member, stratum }) => ({
        phone,
        memberId: member?.id ?? null,
        name: member?.name ?? '',
        stratum,
        lastVisit: customer?.last ?? null,
        excluded: recipientFailure({
          marketingConsent: member?.marketingSms ?? false,
          // Hashed only for those with consent: the rest are out already.
          suppressed: member?.marketingSms ? suppressed.has(phoneHash(phone)) : false,
          sentInPeriod: texted.get(phone) ?? 0,
          cap: policy.capPer30Days,
        }),
      })),
    };
  }

  /** Phones that bought any of the products or categories within the rule's days. */
  private buyers(rule: PurchaseRule, today: string): Set<string> {
    if (!rule.productIds.length && !rule.categories.length) return new Set();
    const since = addDays(today, -rule.days);
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
    const rows = this.sqlite
      .prepare(
        `SELECT DISTINCT r.phone FROM rollup_customer_day r JOIN products p ON p.id = r.product_id
         WHERE r.product_id != '' AND r.day > ? AND r.qty > 0
           AND (r.product_id IN (${marks(rule.productIds.length) || "''"})
             OR p.category IN (${marks(rule.categories.length) || "''"}))`,
      )
      .all(since, ...rule.productIds, ...rule.categories) as { phone: string }[];
    return new Set(rows.map((r) => r.phone));
  }

  /** Every customer's totals and RFM segment, kept while the day and the rollups stay the same. */
  private customers(today: string) {
    const generation = (this.q.generation!.get() as { g: number } | undefined)?.g ?? 0;
    const key = `${today}:${generation}`;
    if (this.base?.key === key) return this.base;
    const yearAgo = addDays(today, -RFM_WINDOW_DAYS);
    const customers = new Map<string, Customer>();
    const rows = this.q.customers!.all(yearAgo, yearAgo) as {
      phone: string;
      district: string | null;
      first: string | null;
      last: string | null;
      visits: number;
      spendFen: number;
    }[];
    for (const row of rows) {
      const known = customers.get(row.phone);
      if (!known) {
        customers.set(row.phone, {
          phone: row.phone,
          first: row.first,
          last: row.last,
          visits: row.visits,
          spendFen: row.spendFen,
          districts: new Set(row.district ? [row.district] : []),
        });
        continue;
      }
      if (row.first && (!known.first || row.first < known.first)) known.first = row.first;
      if (row.last && (!known.last || row.last > known.last)) known.last = row.last;
      known.visits += row.visits;
      known.spendFen += row.spendFen;
      if (row.district) known.districts.add(row.district);
    }
    this.base = { key, customers, segments: this.segments(customers, today, yearAgo) };
    return this.base;
  }

  /** RFM against the merchant's quintiles over the customers of the last year (as profiles do). */
  private segments(customers: Map<string, Customer>, today: string, yearAgo: string) {
    const active = [...customers.values()].filter(
      (c) => c.last && c.first && c.last > yearAgo && c.visits > 0,
    );
    const recency = quintileCuts(active.map((c) => daysBetween(c.last!, today)));
    const frequency = quintileCuts(active.map((c) => c.visits));
    const monetary = quintileCuts(active.map((c) => c.spendFen));
    const segments = new Map<string, AudienceStratum>();
    if (!recency || !frequency || !monetary) return segments;
    for (const c of active) {
      const scores = {
        recency: scoreLower(daysBetween(c.last!, today), recency),
        frequency: scoreHigher(c.visits, frequency),
        monetary: scoreHigher(c.spendFen, monetary),
      };
      segments.set(c.phone, rfmSegment(scores, daysBetween(c.first!, today)));
    }
    return segments;
  }
}
