import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  formatFen,
  formatZhe,
  parseYuan,
  roundHalfUpDiv,
} from '../../../src-shared/money';

describe('money', () => {
  it('rounds half up to the fen', () => {
    expect(roundHalfUpDiv(1234 * 150, 1000)).toBe(185); // 185.1
    expect(roundHalfUpDiv(1230 * 150, 1000)).toBe(185); // 184.5 → 185
    expect(roundHalfUpDiv(1229 * 150, 1000)).toBe(184); // 184.35
    expect(roundHalfUpDiv(0, 7)).toBe(0);
  });

  it('splits by largest remainder so parts add up exactly and stay within their lines', () => {
    expect(allocateLargestRemainder(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(2000, [9900, 100])).toEqual([1980, 20]);
    expect(allocateLargestRemainder(1, [333, 333, 334])).toEqual([0, 0, 1]);
    expect(allocateLargestRemainder(5, [0, 5, 0])).toEqual([0, 5, 0]);
    expect(allocateLargestRemainder(0, [3, 4])).toEqual([0, 0]);
    expect(() => allocateLargestRemainder(10, [3, 4])).toThrow(RangeError);
    // Random cases: exact sum and no part above its weight.
    for (let n = 0; n < 500; n++) {
      const weights = Array.from(
        { length: 1 + (n % 7) },
        (_, i) => ((n * 7919 + i * 104729) % 5000) + 1,
      );
      const total = (n * 131) % (weights.reduce((a, b) => a + b, 0) + 1);
      const parts = allocateLargestRemainder(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]!));
    }
  });

  it('formats and parses yuan at the edge only', () => {
    expect(formatFen(123456)).toBe('¥1234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-250)).toBe('-¥2.50');
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan(' 0.07 ')).toBe(7);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(formatZhe(850)).toBe('8.5折');
    expect(formatZhe(800)).toBe('8折');
    expect(formatZhe(855)).toBe('8.55折');
    expect(formatZhe(999)).toBe('9.99折');
  });
});
