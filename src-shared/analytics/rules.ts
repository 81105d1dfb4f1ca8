import { addDays } from '../time';

// The analytics rules both sides must agree on: how long a range may be, how periods are cut,
// and the decline / best-performer rule the insights apply (stated to the user as written here).

/** Longest range a chart may ask for, in days (a bit over three years). */
export const MAX_RANGE_DAYS = 1200;

export const PERIOD_GRAINS = ['day', 'week', 'month'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/**
 * The decline rule: the last `recentDays` local days (ending with the as-of day) against the mean
 * of the same weekdays in each of the `baselineWeeks` weeks before them. A store or product is
 * declining when its baseline has at least the minimum volume and the recent week is at least
 * `dropRatio` below it; a best performer grew by at least `riseRatio` on the same volume rule.
 */
export const INSIGHT_RULE = {
  recentDays: 7,
  baselineWeeks: 4,
  dropRatio: 0.2,
  riseRatio: 0.1,
  /** A store needs this much weekly revenue in its baseline to be judged at all. */
  minStoreWeeklyFen: 100_000,
  /** A product (in one store) needs this much weekly revenue in its baseline. */
  minProductWeeklyFen: 20_000,
  /** …and this many transactions per week, so a single big order is not a trend. */
  minWeeklyTransactions: 10,
  /** How many declines and best performers are listed at most. */
  maxItems: 10,
} as const;

/** Days between two local dates (to − from), both 'YYYY-MM-DD'. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every local date from `from` to `to` inclusive. */
export function datesInRange(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const count = daysBetween(from, to);
  for (let i = 0; i <= count; i++)
    out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/**
 * The period a local date falls in: the date itself, the Monday that starts its week
 * (weeks run Monday to Sunday, as Chinese calendars print them), or 'YYYY-MM'.
 */
export function periodOf(date: string, grain: PeriodGrain): string {
  if (grain === 'day') return date;
  if (grain === 'month') return date.slice(0, 7);
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** The distinct periods of a range, in order. */
export function periodsInRange(from: string, to: string, grain: PeriodGrain): string[] {
  const out: string[] = [];
  for (const date of datesInRange(from, to)) {
    const period = periodOf(date, grain);
    if (out[out.length - 1] !== period) out.push(period);
  }
  return out;
}

/**
 * A range cut into the calendar months it holds whole ('YYYY-MM', null when none) and the
 * loose days before and after them (each a [from, to] range, or null).
 */
export function wholeMonthsOf(
  from: string,
  to: string,
): {
  months: [first: string, last: string] | null;
  before: [from: string, to: string] | null;
  after: [from: string, to: string] | null;
} {
  const firstMonthStart = from.endsWith('-01')
    ? from
    : `${addDays(`${from.slice(0, 8)}28`, 4).slice(0, 8)}01`;
  const afterLast = addDays(to, 1);
  const lastMonthEnd = afterLast.endsWith('-01') ? to : addDays(`${to.slice(0, 8)}01`, -1);
  if (firstMonthStart > lastMonthEnd) return { months: null, before: [from, to], after: null };
  return {
    months: [firstMonthStart.slice(0, 7), lastMonthEnd.slice(0, 7)],
    before: from < firstMonthStart ? [from, addDays(firstMonthStart, -1)] : null,
    after: lastMonthEnd < to ? [addDays(lastMonthEnd, 1), to] : null,
  };
}

/** Running totals of a daily series. */
export function cumulative(daily: readonly number[]): number[] {
  let sum = 0;
  return daily.map((n) => (sum += n));
}

/** A share 0..1 rounded to four decimals (0.1234 = 12.34 %); 0 when there is no total. */
export function shareOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 10_000) / 10_000 : 0;
}

/** Relative change of recent against baseline (−0.25 = a quarter lower). */
export function changeRatio(recent: number, baseline: number): number {
  return baseline > 0 ? Math.round(((recent - baseline) / baseline) * 10_000) / 10_000 : 0;
}
