import { convert, distanceMeters, type CoordSystem, type LatLng } from '../geo/coordinates';

// Check-in tasks (打卡任务): the rules both sides apply. The desktop's form checks a task before
// sending it; the cloud checks it again with what only it knows (the template's state, the
// store's position, the pool) and decides every check-in.

/** A task's radius, in metres: below 30 m a phone's fix cannot tell; above 5 km it is no visit. */
export const TASK_RADIUS_M = { min: 30, max: 5000 } as const;
/** A fix less precise than this is no evidence of where the phone is. */
export const MAX_FIX_ACCURACY_M = 150;
/** Faster than this between two fixes (≈ 250 km/h) is a spoofed or teleported position. */
export const MAX_PLAUSIBLE_SPEED_MPS = 70;
/** The on-site QR on the till's screen changes this often. */
export const SITE_CODE_PERIOD_MS = 30_000;

/** A phone's task QR, as the till scans it: `T1-<orderId>-<signature>` (see src-cloud/tasks/codes.ts). */
export const TASK_ORDER_CODE = /^T1-([0-9a-f-]{36})-([A-Za-z0-9_-]{22})$/;
export const isTaskOrderCode = (text: string) => TASK_ORDER_CODE.test(text.trim());

/** What a task definition may fail on, each named so the form can say which rule. */
export type TaskRuleFailure =
  | 'radiusOutOfRange'
  | 'windowInvalid'
  | 'deadlinePassed'
  | 'placesInvalid'
  | 'perPersonInvalid'
  | 'rewardValueInvalid'
  | 'targetInvalid'
  | 'rewardTemplateInactive'
  | 'rewardTemplateEndsEarly'
  | 'targetStoreUnknown'
  | 'targetStoreUnlocated';

export interface TaskShape {
  radiusM: number;
  startsAt: number;
  deadlineAt: number;
  places: number;
  perPerson: number;
  /** What one place costs the pool, in fen. */
  rewardFen: number;
  target: { kind: 'store'; storeId: string } | { kind: 'point'; lat: number; lng: number };
}

/** The failures a definition has on its own (the cloud adds those that need its data). */
export function taskShapeFailures(task: TaskShape, now: number): TaskRuleFailure[] {
  const failures: TaskRuleFailure[] = [];
  const { min, max } = TASK_RADIUS_M;
  if (!(task.radiusM >= min && task.radiusM <= max)) failures.push('radiusOutOfRange');
  if (!(task.startsAt < task.deadlineAt)) failures.push('windowInvalid');
  if (task.deadlineAt <= now) failures.push('deadlinePassed');
  if (!Number.isInteger(task.places) || task.places < 1) failures.push('placesInvalid');
  if (!Number.isInteger(task.perPerson) || task.perPerson < 1 || task.perPerson > task.places)
    failures.push('perPersonInvalid');
  if (!Number.isInteger(task.rewardFen) || task.rewardFen < 1) failures.push('rewardValueInvalid');
  if (
    task.target.kind === 'point' &&
    !(Math.abs(task.target.lat) <= 90 && Math.abs(task.target.lng) <= 180)
  )
    failures.push('targetInvalid');
  return failures;
}

// ── Arrival estimate ────────────────────────────────────────────────────────────────────────

export type TravelMode = 'walking' | 'cycling' | 'driving';

/**
 * City travel without a map service: streets are longer than the straight line (route factor)
 * and the speed is a city average. Good enough to warn "you will probably be late".
 */
export const TRAVEL_PROFILES: Record<TravelMode, { speedMps: number; routeFactor: number }> = {
  walking: { speedMps: 1.3, routeFactor: 1.3 },
  cycling: { speedMps: 4.0, routeFactor: 1.3 },
  driving: { speedMps: 8.0, routeFactor: 1.5 },
};

/** How long the way to the target takes; a map service can stand in for the offline default. */
export interface ArrivalEstimator {
  travelMs(from: LatLng, to: LatLng, mode: TravelMode): number;
}

export const straightLineEstimator: ArrivalEstimator = {
  travelMs(from, to, mode) {
    const { speedMps, routeFactor } = TRAVEL_PROFILES[mode];
    return Math.round(((distanceMeters(from, to) * routeFactor) / speedMps) * 1000);
  },
};

// ── The location check-in ───────────────────────────────────────────────────────────────────

export interface Fix extends LatLng {
  /** Radius of the fix's uncertainty, in metres (the browser's `coords.accuracy`). */
  accuracy: number;
  at: number;
}

export type CheckinVerdict =
  'checkedIn' | 'tooFar' | 'inaccurate' | 'late' | 'notStarted' | 'impossibleSpeed';

/**
 * The geo verdict of one fix (WGS-84, as the phone gives it) against the target (in its own
 * system): in time, precise enough, plausible after the previous fix, and within the radius
 * widened by the fix's own uncertainty.
 */
export function checkinVerdict(
  fix: Fix,
  target: LatLng & { system: CoordSystem; radiusM: number },
  window: { startsAt: number; deadlineAt: number },
  previous: Fix | null,
): { verdict: CheckinVerdict; distanceM: number } {
  const here = convert(fix, 'wgs84', target.system);
  const distanceM = Math.round(distanceMeters(here, target));
  const verdict = ((): CheckinVerdict => {
    if (fix.at < window.startsAt) return 'notStarted';
    if (fix.at > window.deadlineAt) return 'late';
    if (!(fix.accuracy >= 0 && fix.accuracy <= MAX_FIX_ACCURACY_M)) return 'inaccurate';
    if (previous && impossibleSpeed(previous, fix)) return 'impossibleSpeed';
    return distanceM <= target.radiusM + fix.accuracy ? 'checkedIn' : 'tooFar';
  })();
  return { verdict, distanceM };
}

/** Moved faster than anyone can between two fixes (their uncertainties given the benefit). */
export function impossibleSpeed(a: Fix, b: Fix): boolean {
  const metres = Math.max(0, distanceMeters(a, b) - a.accuracy - b.accuracy);
  const seconds = Math.max(1, Math.abs(b.at - a.at) / 1000);
  return metres / seconds > MAX_PLAUSIBLE_SPEED_MPS;
}

/** A point rounded to 3 decimals (~100 m): what is kept of a fix once its task closes. */
export function coarsePoint(point: LatLng): LatLng {
  return { lat: Math.round(point.lat * 1000) / 1000, lng: Math.round(point.lng * 1000) / 1000 };
}
