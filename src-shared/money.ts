// Money is integer fen (分) everywhere; these are the only places that round or split it.

/** Rounds a non-negative rational amount of fen half-up: numerator / denominator. */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  if (numerator < 0 || denominator <= 0)
    throw new RangeError('roundHalfUpDiv expects non-negative / positive');
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Splits `total` fen over `weights` in proportion, by largest remainder: the parts add up to
 * exactly `total` and no part exceeds its weight (total must not exceed the sum of weights).
 * Ties go to the earlier line, so the split is deterministic.
 */
export function allocateLargestRemainder(total: number, weights: number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  if (total > sum) throw new RangeError('cannot allocate more than the weights add up to');
  const parts = new Array<number>(weights.length).fill(0);
  if (total === 0) return parts;
  let left = total;
  const remainders = new Array<number>(weights.length);
  const fractional: number[] = [];
  weights.forEach((w, i) => {
    parts[i] = Math.floor((total * w) / sum);
    left -= parts[i];
    remainders[i] = (total * w) % sum;
    if (remainders[i] > 0) fractional.push(i);
  });
  // Each of the `left` fen goes to a line whose exact share had a fraction, largest first;
  // such a line's floor is below its weight, so it can take one more. (Hot in the pricing of
  // every set the best-combination search weighs: only lines with a fraction are sorted.)
  if (left > 0) {
    fractional.sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; k < left; k++) parts[fractional[k]!]! += 1;
  }
  return parts;
}

/** ¥12.34 — formatting happens only at the edge (UI, slips, exports). */
export function formatFen(fen: number, symbol = '¥'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${symbol}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Parses a yuan amount typed by a person ("12", "12.5", "12.34") into fen; more than two
 * decimals is refused rather than rounded (¥1.005 is a typo, not a price).
 */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 850 ‰ paid → "8.5折"; 800 → "8折"; 855 → "8.55折". */
export function formatZhe(payPermille: number): string {
  return `${Number((payPermille / 100).toFixed(2))}折`;
}
