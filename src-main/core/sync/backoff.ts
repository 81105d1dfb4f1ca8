/**
 * Exponential backoff with full jitter and a cap: after n failures in a row, wait a random time
 * in [base·2^(n-1)/2, base·2^(n-1)], at most `capMs`. A Retry-After from the cloud wins when
 * it asks for longer.
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  capMs: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
