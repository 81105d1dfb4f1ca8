import { describe, expect, it } from 'vitest';
import { wholeMonthsOf } from '../../../src-shared/analytics/rules';

describe('a range cut into whole months and loose days', () => {
  it('keeps the months it holds whole and the days around them', () => {
    expect(wholeMonthsOf('2026-08-23', '2026-11-20')).toEqual({
      months: ['2026-09', '2026-10'],
      before: ['2026-08-23', '2026-08-31'],
      after: ['2026-11-01', '2026-11-20'],
    });
    // Month ends of every length, and a leap February.
    expect(wholeMonthsOf('2028-02-01', '2028-02-29')).toEqual({
      months: ['2028-02', '2028-02'],
      before: null,
      after: null,
    });
    expect(wholeMonthsOf('2025-12-31', '2026-04-30')).toEqual({
      months: ['2026-01', '2026-04'],
      before: ['2025-12-31', '2025-12-31'],
      after: null,
    });
  });

  it('leaves a range without a whole month to the days', () => {
    expect(wholeMonthsOf('2026-11-02', '2026-11-30')).toEqual({
      months: null,
      before: ['2026-11-02', '2026-11-30'],
      after: null,
    });
    expect(wholeMonthsOf('2026-01-31', '2026-02-27')).toEqual({
      months: null,
      before: ['2026-01-31', '2026-02-27'],
      after: null,
    });
  });
});
