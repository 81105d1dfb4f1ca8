import { describe, expect, it } from 'vitest';
import { convert } from '../../../src-shared/geo/coordinates';
import {
  checkinVerdict,
  coarsePoint,
  impossibleSpeed,
  isTaskOrderCode,
  straightLineEstimator,
  taskShapeFailures,
} from '../../../src-shared/tasks/rules';

// The rules of a check-in (issue 26) that both the desktop's form and the cloud apply.

const TARGET = { lat: 32.0409, lng: 118.7845, system: 'gcj02' as const, radiusM: 100 };
const WINDOW = { startsAt: 1_000_000, deadlineAt: 2_000_000 };
/** The phone standing on the target, as its GPS (WGS-84) says. */
const ON_TARGET = convert(TARGET, 'gcj02', 'wgs84');
const fix = (north: number, accuracy = 20, at = 1_500_000) => ({
  lat: ON_TARGET.lat + north / 111_195,
  lng: ON_TARGET.lng,
  accuracy,
  at,
});

describe('the geo verdict of a check-in', () => {
  it('converts the phone’s WGS-84 fix to the target’s system before measuring', () => {
    expect(checkinVerdict(fix(0), TARGET, WINDOW, null)).toEqual({
      verdict: 'checkedIn',
      distanceM: 0,
    });
    // Compared raw, the same fix would be the datum offset (hundreds of metres in Nanjing) away.
    const raw = checkinVerdict({ ...TARGET, accuracy: 20, at: 1_500_000 }, TARGET, WINDOW, null);
    expect(raw.distanceM).toBeGreaterThan(300);
    expect(raw.verdict).toBe('tooFar');
  });

  it('widens the radius by the fix’s accuracy, refuses imprecise fixes, and keeps to the window', () => {
    expect(checkinVerdict(fix(115, 20), TARGET, WINDOW, null).verdict).toBe('checkedIn');
    expect(checkinVerdict(fix(125, 20), TARGET, WINDOW, null).verdict).toBe('tooFar');
    expect(checkinVerdict(fix(10, 151), TARGET, WINDOW, null).verdict).toBe('inaccurate');
    expect(checkinVerdict(fix(10, 20, 999_999), TARGET, WINDOW, null).verdict).toBe('notStarted');
    expect(checkinVerdict(fix(10, 20, 2_000_001), TARGET, WINDOW, null).verdict).toBe('late');
  });

  it('flags a jump no one travels between two fixes', () => {
    const before = fix(50_000, 20, 1_400_000);
    expect(impossibleSpeed(before, fix(0, 20, 1_500_000))).toBe(true); // 50 km in 100 s
    expect(impossibleSpeed(fix(3_000, 20, 1_000_000), fix(0, 20, 1_500_000))).toBe(false); // 3 km in 500 s
    expect(checkinVerdict(fix(0), TARGET, WINDOW, before).verdict).toBe('impossibleSpeed');
  });

  it('keeps only a point to about 100 m', () => {
    expect(coarsePoint({ lat: 32.04093, lng: 118.78456 })).toEqual({ lat: 32.041, lng: 118.785 });
  });
});

describe('the arrival estimate and the task’s own rules', () => {
  it('estimates city travel from the straight distance, a route factor and a speed per mode', () => {
    const from = { lat: TARGET.lat + 1000 / 111_195, lng: TARGET.lng };
    const walking = straightLineEstimator.travelMs(from, TARGET, 'walking');
    expect(walking / 60_000).toBeCloseTo((1000 * 1.3) / 1.3 / 60, 0); // ≈ 17 min for 1 km
    expect(straightLineEstimator.travelMs(from, TARGET, 'cycling')).toBeLessThan(walking / 2);
  });

  it('names every rule a definition breaks', () => {
    const good = {
      radiusM: 200,
      startsAt: 1000,
      deadlineAt: 5000,
      places: 10,
      perPerson: 1,
      rewardFen: 500,
      target: { kind: 'point' as const, lat: 32, lng: 118 },
    };
    expect(taskShapeFailures(good, 2000)).toEqual([]);
    expect(
      taskShapeFailures(
        {
          ...good,
          radiusM: 10,
          startsAt: 6000,
          places: 0,
          perPerson: 2,
          rewardFen: 0,
          target: { kind: 'point', lat: 91, lng: 0 },
        },
        5001,
      ),
    ).toEqual([
      'radiusOutOfRange',
      'windowInvalid',
      'deadlinePassed',
      'placesInvalid',
      'perPersonInvalid',
      'rewardValueInvalid',
      'targetInvalid',
    ]);
  });

  it('tells a task QR from anything else scanned', () => {
    expect(isTaskOrderCode(`T1-0190a0f0-0000-7000-8000-000000000000-${'A'.repeat(22)}`)).toBe(true);
    expect(isTaskOrderCode('SD1.abc')).toBe(false);
    expect(isTaskOrderCode('T1-nonsense')).toBe(false);
  });
});
