// Dates and codes as the phone shows them. Validity is in the store's zone, never the phone's.

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const minuteFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, withTime: boolean) {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(timeZone, format);
  }
  return format;
}

/** 2026-12-31 in the zone. */
export function formatDay(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    cached(dayFormats, timeZone, false)
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** 2026-12-31 18:05 in the zone. */
export function formatMinute(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    cached(minuteFormats, timeZone, true)
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The zone offers are shown in: the cloud's offers do not carry one yet (stores default to it). */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Read aloud and typed by a cashier: groups of four. */
export const groupInFours = (code: string) =>
  code.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** Available coupons that end within this are flagged 即将过期 and listed first. */
export const EXPIRING_SOON_MS = 3 * 24 * 60 * 60 * 1000;
