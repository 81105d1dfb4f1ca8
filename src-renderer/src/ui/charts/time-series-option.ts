import { periodLabel } from './chart-format';
import type { ChartOption } from './echarts';

export interface TimeSeries {
  name: string;
  /** One value per period; null where there is nothing to say (a rate without customers). */
  values: (number | null)[];
}

interface TimeSeriesOptionArgs {
  periods: string[];
  series: TimeSeries[];
  kind?: 'line' | 'bar';
  /** Tooltip figures: ¥12.34, 12 次 … */
  valueText: (value: number) => string;
  /** Axis figures, shorter: ¥1.2万. */
  axisText?: (value: number) => string;
  /** Counts: no 0.5 on the axis. */
  integer?: boolean;
}

/**
 * Lines (or bars) over days, weeks or months: a legend when there is more than one series, a
 * tooltip with every series of the period, and a zoom slider once the axis gets crowded.
 */
export function timeSeriesOption({
  periods,
  series,
  kind = 'line',
  valueText,
  axisText = valueText,
  integer = false,
}: TimeSeriesOptionArgs): ChartOption {
  const legend = series.length > 1;
  const zoom = periods.length > 62;
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) =>
        value === null || value === undefined ? '—' : valueText(Number(value)),
    },
    legend: legend ? { type: 'scroll', top: 0, left: 0, right: 0 } : undefined,
    grid: { left: 8, right: 24, top: legend ? 40 : 16, bottom: zoom ? 48 : 8, containLabel: true },
    dataZoom: zoom ? [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }] : undefined,
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: kind === 'bar',
      axisLabel: { formatter: periodLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: integer ? 1 : undefined,
      axisLabel: { formatter: (value: number) => axisText(value) },
    },
    series: series.map((one) =>
      kind === 'bar'
        ? { type: 'bar', name: one.name, data: one.values, barMaxWidth: 18 }
        : {
            type: 'line',
            name: one.name,
            data: one.values,
            showSymbol: periods.length <= 31,
            connectNulls: false,
          },
    ),
  };
}
