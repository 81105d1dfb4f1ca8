// Lift of a campaign: what the treatment arm did minus what the holdout did, with a 95 %
// confidence interval (normal approximation, unpooled variances: the arms differ in size by
// design). Null when an arm is empty, so the page says "not measurable" instead of a number.

const Z95 = 1.959964;

export interface Interval {
  /** Treatment − holdout. */
  lift: number;
  low: number;
  high: number;
}

/** Difference of two rates (e.g. the share of recipients who bought), as fractions of 1. */
export function rateLift(
  treatment: { n: number; hits: number },
  holdout: { n: number; hits: number },
): Interval | null {
  if (treatment.n === 0 || holdout.n === 0) return null;
  const p1 = treatment.hits / treatment.n;
  const p0 = holdout.hits / holdout.n;
  const se = Math.sqrt((p1 * (1 - p1)) / treatment.n + (p0 * (1 - p0)) / holdout.n);
  const lift = p1 - p0;
  return { lift, low: lift - Z95 * se, high: lift + Z95 * se };
}

/** A per-recipient amount over an arm: its count, sum and sum of squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

/** Difference of two means (e.g. revenue per recipient in fen), Welch's standard error. */
export function meanLift(treatment: Moments, holdout: Moments): Interval | null {
  if (treatment.n === 0 || holdout.n === 0) return null;
  const mean = (m: Moments) => m.sum / m.n;
  // The sample variance; one recipient alone has none.
  const variance = (m: Moments) =>
    m.n > 1 ? Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1)) : 0;
  const se = Math.sqrt(variance(treatment) / treatment.n + variance(holdout) / holdout.n);
  const lift = mean(treatment) - mean(holdout);
  return { lift, low: lift - Z95 * se, high: lift + Z95 * se };
}
