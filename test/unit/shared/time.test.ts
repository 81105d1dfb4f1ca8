import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfLocalDay,
  isLocalDate,
  localDate,
  parseLocalDateTime,
  startOfLocalDay,
} from '../../../src-shared/time';

describe('store-zone days', () => {
  it('cuts days at midnight Asia/Shanghai, whatever the PC zone is', () => {
    // 2026-11-21 15:59:59.999 UTC is 23:59:59.999 in Shanghai; one ms later is the next day.
    const lastMs = Date.UTC(2026, 10, 21, 15, 59, 59, 999);
    expect(localDate(lastMs, 'Asia/Shanghai')).toBe('2026-11-21');
    expect(localDate(lastMs + 1, 'Asia/Shanghai')).toBe('2026-11-22');
    expect(endOfLocalDay('2026-11-21', 'Asia/Shanghai')).toBe(lastMs);
    expect(startOfLocalDay('2026-11-22', 'Asia/Shanghai')).toBe(lastMs + 1);
    expect(process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone).toBeDefined();
  });

  it('handles zones with daylight saving and far offsets', () => {
    // New York falls back on 2026-11-01: that day has 25 hours.
    const start = startOfLocalDay('2026-11-01', 'America/New_York');
    const end = endOfLocalDay('2026-11-01', 'America/New_York');
    expect(end - start + 1).toBe(25 * 3600 * 1000);
    expect(
      localDate(startOfLocalDay('2026-03-01', 'Pacific/Kiritimati'), 'Pacific/Kiritimati'),
    ).toBe('2026-03-01');
  });

  it('moves dates across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-13-40')).toBe(false); // an impossible date is refused, not thrown on
    expect(isLocalDate('2026-02-28')).toBe(true);
  });
});

describe('times written in a POS export', () => {
  it('reads the wall clock of the store zone in the usual spellings', () => {
    const at = Date.UTC(2026, 10, 21, 10, 5); // 18:05 in Shanghai
    expect(parseLocalDateTime('2026-11-21 18:05', 'Asia/Shanghai')).toBe(at);
    expect(parseLocalDateTime('2026/11/21 18:05:00', 'Asia/Shanghai')).toBe(at);
    expect(parseLocalDateTime('2026-11-21T18:05', 'Asia/Shanghai')).toBe(at);
    expect(parseLocalDateTime('2026.11.21 18:05:30', 'Asia/Shanghai')).toBe(at + 30_000);
    expect(parseLocalDateTime('2026-11-21', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 20, 16));
    expect(parseLocalDateTime('2026-1-5 8:00', 'UTC')).toBe(Date.UTC(2026, 0, 5, 8));
  });

  it('refuses what is not a time', () => {
    for (const text of ['昨天', '2026-02-30 10:00', '2026-11-21 24:00', '21/11/2026', ''])
      expect(parseLocalDateTime(text, 'Asia/Shanghai')).toBeNull();
  });
});
