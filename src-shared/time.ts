// Business days are cut in the store's time zone, never the PC's. Dates are 'YYYY-MM-DD'
// strings of that zone; instants are UTC epoch milliseconds.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(utcMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts as {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant. */
function offsetMs(utcMs: number, timeZone: string): number {
  const w = wallClock(utcMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The local calendar date of an instant in a zone. */
export function localDate(utcMs: number, timeZone: string): string {
  const w = wallClock(utcMs, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first millisecond of a local date. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = parseDate(date);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return second;
}

/** The last millisecond of a local date: expiry is "valid through the end of that day". */
export function endOfLocalDay(date: string, timeZone: string): number {
  return startOfLocalDay(addDays(date, 1), timeZone) - 1;
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 and 2026-13-40 are not). */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** "2026-11-21 18:05" in the zone: how times are shown to people in refusals and on slips. */
export function localDateTime(utcMs: number, timeZone: string): string {
  const w = wallClock(utcMs, timeZone);
  return `${localDate(utcMs, timeZone)} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/**
 * A wall-clock time of the zone as written in a POS export ("2026-11-21 18:05", "2026/11/21
 * 18:05:30", "2026-11-21T18:05", or a date alone for its start) to UTC ms; null if not one.
 */
export function parseLocalDateTime(text: string, timeZone: string): number | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  if (!isLocalDate(date) || hour! > 23 || minute! > 59 || second! > 59) return null;
  return startOfLocalDay(date, timeZone) + ((hour! * 60 + minute!) * 60 + second!) * 1000;
}
