// Check-in tasks (打卡任务) on the phone: the position, the tasks near it, and what the pages
// show of a task and an order. The cloud decides every check-in; these only word and ask.
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import { messages } from '../../src-shared/consumer/messages';
import { formatFen } from '../../src-shared/money';
import { TRAVEL_PROFILES, type TravelMode } from '../../src-shared/tasks/rules';
import { localDate, localDateTime } from '../../src-shared/time';
import { call } from './api/client';

export type NearbyTask = EndpointOutput<'consumers.tasks'>['tasks'][number];
export type TaskOrder = EndpointOutput<'consumers.taskOrder'>;
export type CheckinAnswer = EndpointOutput<'consumers.checkin'>;
export type { TravelMode };

export const TRAVEL_MODES: TravelMode[] = ['walking', 'cycling', 'driving'];

const t = messages.tasks;

/** A browser fix (WGS-84) and its uncertainty in metres. */
export interface Fix {
  lat: number;
  lng: number;
  accuracy: number;
}

/** Why the browser gave no position, in the words the page shows. */
export class GeoError extends Error {
  constructor(readonly reason: keyof typeof t.geo) {
    super(t.geo[reason]);
  }
}

/**
 * The phone's position. `precise`: a fresh GPS fix for a check-in (never a cached one, which
 * would be where the phone was); otherwise a recent network fix is enough to sort a list.
 */
export function readFix(precise: boolean): Promise<Fix> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator))
    return Promise.reject(new GeoError('unsupported'));
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (fix) =>
        resolve({
          lat: fix.coords.latitude,
          lng: fix.coords.longitude,
          accuracy: Math.round(fix.coords.accuracy),
        }),
      (failure) =>
        reject(new GeoError(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      precise
        ? { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 }
        : { timeout: 8_000, maximumAge: 60_000 },
    ),
  );
}

/**
 * Open tasks, nearest first when the phone shares its position (the cloud measures). `located`:
 * whether the position went along (false: allowed but the browser gave none).
 */
export async function loadTasks(
  merchantCode: string,
  withLocation: boolean,
): Promise<{ tasks: NearbyTask[]; located: boolean }> {
  const fix = withLocation ? await readFix(false).catch(() => null) : null;
  const { tasks } = await call(
    'consumers.tasks',
    { merchantCode },
    { query: fix ? { lat: fix.lat, lng: fix.lng } : {} },
  );
  return { tasks, located: fix !== null };
}

/** An order still under way: the page keeps asking for it (the till's scan may come any time). */
export const isOpenOrder = (order: TaskOrder) =>
  order.state === 'accepted' || order.state === 'checkedIn';

/**
 * Minutes the way takes by a mode, from the straight-line distance, as the cloud estimates it
 * (TRAVEL_PROFILES: a city's speeds and how much longer streets are than the line).
 */
export function travelMinutes(distanceM: number, mode: TravelMode): number {
  const { speedMps, routeFactor } = TRAVEL_PROFILES[mode];
  return Math.max(1, Math.ceil((distanceM * routeFactor) / speedMps / 60));
}

/** Whole minutes from `now` to `at` (0 once passed). */
export const minutesLeft = (at: number, now: number) =>
  Math.max(0, Math.floor((at - now) / 60_000));

/**
 * A time as the phone's clock reads it: 18:05 today, 12-08 18:05 another day. The phone is
 * where the task is, so its zone is the store's.
 */
export function clockTime(at: number, now: number, timeZone = phoneZone()): string {
  const full = localDateTime(at, timeZone);
  return localDate(at, timeZone) === localDate(now, timeZone) ? full.slice(11) : full.slice(5);
}

const phoneZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** 350米 / 1.2公里. */
export const distanceText = (metres: number) => messages.wallet.distance(metres);

/** What a place gives: the coupon's name, the cashback in yuan, or the points. */
export function rewardText(reward: NearbyTask['reward']): string {
  if (reward.kind === 'coupon') return t.rewardCoupon(reward.name);
  if (reward.kind === 'cashback') return t.rewardCashback(formatFen(reward.valueFen));
  return t.rewardPoints(reward.points ?? 0);
}
