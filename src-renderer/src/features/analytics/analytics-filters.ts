import dayjs from 'dayjs';

/** What every chart on the dashboard is cut by: local dates (inclusive), stores, one product. */
export interface AnalyticsFilters {
  from: string;
  to: string;
  /** Empty: every store. */
  storeIds: string[];
  productId?: string;
}

export const RANGE_PRESETS = ['last7', 'last30', 'last90', 'thisYear'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_DAYS = { last7: 7, last30: 30, last90: 90 } as const;

/** A preset's days, ending today ('YYYY-MM-DD' in the shop's own time zone). */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const end = dayjs(today);
  const from =
    preset === 'thisYear' ? end.startOf('year') : end.subtract(PRESET_DAYS[preset] - 1, 'day');
  return { from: from.format('YYYY-MM-DD'), to: today };
}

/** The preset a range is, if it is one: the filter bar highlights it. */
export function presetOf(range: { from: string; to: string }, today: string) {
  return RANGE_PRESETS.find((preset) => {
    const candidate = presetRange(preset, today);
    return candidate.from === range.from && candidate.to === range.to;
  });
}

export const defaultFilters = (today: string): AnalyticsFilters => ({
  ...presetRange('last30', today),
  storeIds: [],
});
