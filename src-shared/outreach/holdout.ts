// The random holdout of a campaign: a share of each stratum (segment) gets no message, so what
// the treated customers did can be compared with what they would have done anyway. Assignment
// is a pure function of a recorded seed and the phone, so the arms can be recomputed.

/** 32-bit FNV-1a, then a final avalanche: a stable, well-spread number per (seed, phone). */
export function assignmentHash(seed: string, key: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}:${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Arm = 'treatment' | 'holdout';

/**
 * Splits each stratum: its members ordered by their hash under the seed, the first
 * round(n × share) held out. Exact per stratum (a 10 % holdout of 25 is 3 (2.5 rounds up),
 * of 4 is 0), so every segment is represented in both arms in proportion.
 */
export function assignArms<T extends { key: string; stratum: string }>(
  members: readonly T[],
  seed: string,
  holdoutPct: number,
): Map<string, Arm> {
  const strata = new Map<string, { key: string; hash: number }[]>();
  for (const { key, stratum } of members) {
    const list = strata.get(stratum) ?? [];
    list.push({ key, hash: assignmentHash(seed, key) });
    strata.set(stratum, list);
  }
  const arms = new Map<string, Arm>();
  for (const list of strata.values()) {
    list.sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : 1));
    const held = Math.round((list.length * holdoutPct) / 100);
    list.forEach(({ key }, i) => arms.set(key, i < held ? 'holdout' : 'treatment'));
  }
  return arms;
}
