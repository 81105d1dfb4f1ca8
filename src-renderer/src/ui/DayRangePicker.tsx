import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface DayRangePickerProps {
  /** First and last millisecond of the chosen days (epoch ms), or undefined for no range. */
  from: number | undefined;
  to: number | undefined;
  onChange: (range: { from: number | undefined; to: number | undefined }) => void;
  /** Days start and end in the store's time zone, not the PC's. */
  timeZone: string;
  className?: string;
  'aria-label'?: string;
}

/** Whole days, from the start of the first to the end of the last, in the store's time zone. */
export function DayRangePicker({ from, to, onChange, timeZone, ...props }: DayRangePickerProps) {
  const dayStart = (day: Dayjs) => dayjs.tz(day.format('YYYY-MM-DD'), timeZone);
  const value: [Dayjs, Dayjs] | null =
    from !== undefined && to !== undefined
      ? [dayjs(from).tz(timeZone), dayjs(to).tz(timeZone)]
      : null;
  return (
    <DatePicker.RangePicker
      {...props}
      value={value}
      allowClear
      onChange={(days) => {
        const [first, last] = days ?? [null, null];
        onChange({
          from: first ? dayStart(first).valueOf() : undefined,
          to: last ? dayStart(last).add(1, 'day').valueOf() - 1 : undefined,
        });
      }}
    />
  );
}
