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
/** How stale the totals of past days may get while the rollups change (returns, imports). */
const PAST_REFRESH_MS = 10 * 60_000;

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
 * by every sale and return), the members, and the coupons held. The totals of every customer
 * over the past days are the expensive part (a GROUP BY over every customer day), so they are
 * kept for the local day and read again at most every ten minutes while the rollups change;
 * today's rows are read on every call, so a sale at the till counts at once. The members' facts
 * and each "bought" rule's buyers are kept likewise, so editing the rules costs only the filters.
 */
export class AudienceEngine {
  private readonly q: Record<string, Statement<unknown[]>>;
  private past: {
    day: string;
    generation: number;
    at: number;
    customers: Map<string, Customer>;
    segments: Map<string, AudienceStratum>;
  } | null = null;
  private members: { fingerprint: string; byPhone: Map<string, MemberFacts> } | null = null;
  private readonly buyersOfPast = new Map<string, Set<string>>();
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {
    const totals = (where: string) =>
      sqlite.prepare(
        `SELECT r.phone, st.district_code AS district,
           MIN(CASE WHEN r.sales > 0 THEN r.day END) AS first,
           MAX(CASE WHEN r.sales > 0 THEN r.day END) AS last,
           SUM(CASE WHEN r.day > ? THEN r.sales ELSE 0 END) AS visits,
           SUM(CASE WHEN r.day > ? THEN r.spend_fen - r.refund_fen ELSE 0 END) AS spendFen
         FROM rollup_customer_day r LEFT JOIN stores st ON st.id = r.store_id
         WHERE r.product_id = '' AND ${where}
         GROUP BY r.phone, r.store_id`,
      );
    this.q = {
      generation: sqlite.prepare('SELECT generation AS g FROM analytics_state WHERE id = 1'),
      pastTotals: totals('r.day < ?'),
      todayTotals: totals('r.day = ?'),
      membersFingerprint: sqlite.prepare(
        `SELECT (SELECT COUNT(*) FROM members) || ':' || (SELECT COALESCE(MAX(updated_at), 0) FROM members)
           || ':' || (SELECT COUNT(*) FROM member_consent_log) || ':' || (SELECT COUNT(*) FROM member_level_history) AS f`,
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
      suppressed: sqlite.prepare(
        'SELECT phone_hash AS h FROM sms_suppressions WHERE signature = ?',
      ),
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
    const past = this.pastTotals(today, now);
    const todays = totalsOf(this.q.todayTotals!.all(today, today, today) as TotalsRow[]);
    const members = this.memberFacts();
    const phones = only ?? new Set([...past.customers.keys(), ...todays.keys(), ...members.keys()]);
    const bought = rules.bought ? this.buyers(rules.bought, today, past.generation) : null;
    const notBought = rules.notBought ? this.buyers(rules.notBought, today, past.generation) : null;
    const holders = rules.unusedCoupon
      ? new Set((this.q.holdsCoupon!.all(now) as { phone: string }[]).map((r) => r.phone))
      : null;
    const lapsedBefore = rules.lapsedDays ? addDays(today, -rules.lapsedDays) : null;
    const month = rules.birthdayMonth ? String(rules.birthdayMonth).padStart(2, '0') : null;

    const selected: {
      phone: string;
      customer?: Customer;
      member?: MemberFacts;
      stratum: AudienceStratum;
    }[] = [];
    for (const phone of phones) {
      const customer = todays.has(phone)
        ? mergeTotals(past.customers.get(phone), todays.get(phone)!)
        : past.customers.get(phone);
      const member = members.get(phone);
      // Segments are profiling (PIPL): only customers who agreed to it are segmented.
      const stratum: AudienceStratum = member?.profiling
        ? (past.segments.get(phone) ?? 'none')
        : 'none';
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
      (this.q.textedRecently!.all(now - 30 * DAY_MS) as { phone: string; n: number }[]).map((r) => [
        r.phone,
        r.n,
      ]),
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
          suppressed: member?.marketingSms ? suppressed.has(this.hashOf(phone)) : false,
          sentInPeriod: texted.get(phone) ?? 0,
          cap: policy.capPer30Days,
        }),
      })),
    };
  }

  private hashOf(phone: string): string {
    let hash = this.hashes.get(phone);
    if (!hash) this.hashes.set(phone, (hash = phoneHash(phone)));
    return hash;
  }

  /** Phones that bought any of the products or categories within the rule's days. */
  private buyers(rule: PurchaseRule, today: string, pastGeneration: number): Set<string> {
    if (!rule.productIds.length && !rule.categories.length) return new Set();
    const since = addDays(today, -rule.days);
    const productIds = [
      ...new Set([
        ...rule.productIds,
        ...(rule.categories.length
          ? (
              this.sqlite
                .prepare(
                  `SELECT id FROM products WHERE category IN (${marks(rule.categories.length)})`,
                )
                .all(...rule.categories) as { id: string }[]
            ).map((p) => p.id)
          : []),
      ]),
    ];
    if (!productIds.length) return new Set();
    const query = (dayClause: string, ...days: string[]) =>
      this.sqlite
        .prepare(
          `SELECT DISTINCT phone FROM rollup_customer_day INDEXED BY rollup_customer_day_product_idx
           WHERE product_id IN (${marks(productIds.length)}) AND product_id != '' AND ${dayClause} AND qty > 0`,
        )
        .all(...productIds, ...days) as { phone: string }[];
    const key = `${today}:${pastGeneration}:${since}:${productIds.sort().join(',')}`;
    let past = this.buyersOfPast.get(key);
    if (!past) {
      if (this.buyersOfPast.size > 50) this.buyersOfPast.clear();
      past = new Set(query('day > ? AND day < ?', since, today).map((r) => r.phone));
      this.buyersOfPast.set(key, past);
    }
    const todays = query('day = ?', today);
    if (!todays.length) return past;
    const all = new Set(past);
    for (const { phone } of todays) all.add(phone);
    return all;
  }

  /** The members with their consents and level, read again only when something changed. */
  private memberFacts(): Map<string, MemberFacts> {
    const fingerprint = (this.q.membersFingerprint!.get() as { f: string }).f;
    if (this.members?.fingerprint === fingerprint) return this.members.byPhone;
    const rows = this.q.members!.all() as (Omit<MemberFacts, 'marketingSms' | 'profiling'> & {
      phone: string;
      marketingSms: number;
      profiling: number;
    })[];
    const byPhone = new Map(
      rows.map((row) => [
        row.phone,
        { ...row, marketingSms: row.marketingSms === 1, profiling: row.profiling === 1 },
      ]),
    );
    this.members = { fingerprint, byPhone };
    return byPhone;
  }

  /** Every customer's totals before today and their RFM segment, kept as the class says. */
  private pastTotals(today: string, now: number) {
    const generation = (this.q.generation!.get() as { g: number } | undefined)?.g ?? 0;
    const kept = this.past;
    if (kept?.day === today && (kept.generation === generation || now - kept.at < PAST_REFRESH_MS))
      return kept;
    const yearAgo = addDays(today, -RFM_WINDOW_DAYS);
    const customers = totalsOf(this.q.pastTotals!.all(yearAgo, yearAgo, today) as TotalsRow[]);
    this.past = {
      day: today,
      generation,
      at: now,
      customers,
      segments: segmentsOf(customers, today, yearAgo),
    };
    return this.past;
  }
}

interface TotalsRow {
  phone: string;
  district: string | null;
  first: string | null;
  last: string | null;
  visits: number;
  spendFen: number;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Folds the rows per (phone, store) into one customer per phone. */
function totalsOf(rows: TotalsRow[]): Map<string, Customer> {
  const customers = new Map<string, Customer>();
  for (const row of rows) {
    const known = customers.get(row.phone);
    const own: Customer = {
      phone: row.phone,
      first: row.first,
      last: row.last,
      visits: row.visits,
      spendFen: row.spendFen,
      districts: new Set(row.district ? [row.district] : []),
    };
    customers.set(row.phone, known ? mergeTotals(known, own) : own);
  }
  return customers;
}

function mergeTotals(a: Customer | undefined, b: Customer): Customer {
  if (!a) return b;
  return {
    phone: a.phone,
    first: a.first && (!b.first || a.first < b.first) ? a.first : b.first,
    last: a.last && (!b.last || a.last > b.last) ? a.last : b.last,
    visits: a.visits + b.visits,
    spendFen: a.spendFen + b.spendFen,
    districts: new Set([...a.districts, ...b.districts]),
  };
}

/** RFM against the merchant's quintiles over the customers of the last year (as profiles do). */
function segmentsOf(customers: Map<string, Customer>, today: string, yearAgo: string) {
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
