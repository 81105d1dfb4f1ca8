import type { Sqlite } from '../db/open';

// The local date of an instant, millions of times in a rebuild: Intl is asked once per zone and
// hour (zones change their offset on the hour, if ever), and the date text once per day.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const offsets = new Map<string, Map<number, number>>();
const dayTexts = new Map<number, string>();

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter)
    formatters.set(
      timeZone,
      (formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })),
    );
  return formatter;
}

function offsetAt(hour: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const at = hour * HOUR;
    const parts: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(at))
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - at;
    if (zone.size > 200_000) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** 'YYYY-MM-DD' of `utcMs` in `timeZone` (same answer as src-shared/time.ts localDate). */
export function fastLocalDate(utcMs: number, timeZone: string): string {
  const dayNumber = Math.floor((utcMs + offsetAt(Math.floor(utcMs / HOUR), timeZone)) / DAY);
  let text = dayTexts.get(dayNumber);
  if (!text) dayTexts.set(dayNumber, (text = new Date(dayNumber * DAY).toISOString().slice(0, 10)));
  return text;
}

/** `local_day(ms, tz)` in SQL, for the rebuild's GROUP BYs and the bench's plain baseline. */
export function registerLocalDay(sqlite: Sqlite): void {
  sqlite.function('local_day', { deterministic: true }, (ms: unknown, tz: unknown) =>
    ms === null ? null : fastLocalDate(Number(ms), String(tz)),
  );
}
