// RFM: how recently, how often and how much a customer buys, each scored 1–5 by the merchant's
// own quintiles (so a village shop and a mall shop both have their "5"s), and a segment name
// from the three scores that outreach and the member page use.

/** Four cut points: a value at or beyond cuts[i] scores at least i + 2. */
export type QuintileCuts = [number, number, number, number];

/**
 * The quintile cut points of a list of values (any order). With fewer than five values every
 * cut is the smallest, so every customer scores as high as the data allows.
 */
export function quintileCuts(values: readonly number[]): QuintileCuts | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return [at(0.2), at(0.4), at(0.6), at(0.8)];
}

/** 1–5: higher values score higher (frequency, monetary). */
export function scoreHigher(value: number, cuts: QuintileCuts): number {
  let score = 1;
  for (const cut of cuts) if (value >= cut) score++;
  return score;
}

/** 1–5: lower values score higher (recency in days: yesterday beats last year). */
export function scoreLower(value: number, cuts: QuintileCuts): number {
  let score = 5;
  for (const cut of cuts) if (value > cut) score--;
  return score;
}

export const RFM_SEGMENTS = [
  'champion',
  'loyal',
  'new',
  'promising',
  'atRisk',
  'hibernating',
  'lost',
  'regular',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

/**
 * The segment of a customer, from the first rule that fits (the usual RFM grid, simplified):
 * 高价值 buys often, lately and much; 流失风险 used to buy often but not lately; 新客 bought for
 * the first time lately.
 */
export function rfmSegment(scores: RfmScores, firstPurchaseDaysAgo: number): RfmSegment {
  const { recency: r, frequency: f, monetary: m } = scores;
  if (r >= 4 && f >= 4 && m >= 4) return 'champion';
  if (firstPurchaseDaysAgo <= 30) return 'new';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r <= 2 && f >= 3) return 'atRisk';
  if (r >= 4 && f <= 2) return 'promising';
  if (r === 1 && f <= 2) return 'lost';
  if (r <= 2) return 'hibernating';
  return 'regular';
}
