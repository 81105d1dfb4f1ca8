// Dates and codes as the phone shows them. Validity is in the store's zone, never the phone's.
import { localDate, localDateTime } from '../../src-shared/time';

/** 2026-12-31 in the zone. */
export const formatDay = localDate;

/** 2026-12-31 18:05 in the zone. */
export const formatMinute = localDateTime;

/** Read aloud and typed by a cashier: groups of four. */
export const groupInFours = (code: string) =>
  code.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** Available coupons that end within this are flagged 即将过期 and listed first. */
export const EXPIRING_SOON_MS = 3 * 24 * 60 * 60 * 1000;
