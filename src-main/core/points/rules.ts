// The arithmetic of points, apart from the database so the property test and the till agree.
import type { MemberSettings } from '../../../src-shared/contract/members';
import { allocateLargestRemainder } from '../../../src-shared/money';
import { addDays, endOfLocalDay, localDate } from '../../../src-shared/time';

/** No expiry: the last instant the app deals in. */
export const NEVER_EXPIRES = Date.UTC(9999, 11, 31);

/** When points earned at `at` expire: end of the local day the rule names. */
export function expiryOf(expiry: MemberSettings['expiry'], at: number, timeZone: string): number {
  if (expiry.kind === 'never') return NEVER_EXPIRES;
  const today = localDate(at, timeZone);
  if (expiry.kind === 'days') return endOfLocalDay(addDays(today, expiry.days), timeZone);
  return endOfLocalDay(`${Number(today.slice(0, 4)) + 1}-12-31`, timeZone);
}

/** The points a payment of `fen` by points burns (rounded up: a fraction of a point is a point). */
export function pointsForFen(fen: number, pointsPerYuan: number): number {
  return Math.ceil((fen * pointsPerYuan) / 100);
}

/** What `points` are worth at the till, in whole fen (rounded down). */
export function fenForPoints(points: number, pointsPerYuan: number): number {
  return Math.floor((points * 100) / pointsPerYuan);
}

export interface EarnLine {
  /** Paid for the line after its coupons (amount − discount). */
  netFen: number;
  excluded: boolean;
}

/**
 * The points each line earns: per yuan paid after coupons, the part paid by points spread over
 * the earning lines (largest remainder) and left out, times the level's multiplier, rounded
 * down per line.
 */
export function earnPerLine(
  lines: readonly EarnLine[],
  pointsPaidFen: number,
  earnPointsPerYuan: number,
  multiplierPct: number,
): number[] {
  const bases = lines.map((l) => (l.excluded ? 0 : Math.max(l.netFen, 0)));
  const total = bases.reduce((a, b) => a + b, 0);
  const byPoints = allocateLargestRemainder(Math.min(pointsPaidFen, total), bases);
  return bases.map((base, i) =>
    Math.floor(((base - byPoints[i]!) * earnPointsPerYuan * multiplierPct) / 10_000),
  );
}

/**
 * How much of `total` is due back once `done` of `of` is returned, so that the parts of a
 * return in steps add up to exactly `total` when all is returned.
 */
export function shareOf(total: number, done: number, of: number): number {
  return of <= 0 ? 0 : Math.floor((total * Math.min(done, of)) / of);
}
