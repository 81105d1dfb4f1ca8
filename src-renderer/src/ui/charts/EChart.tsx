import { Empty } from 'antd';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartTheme } from './chart-theme';
import { echarts, type ChartOption } from './echarts';
import styles from './EChart.module.css';

export type ChartClick = echarts.ECElementEvent;

interface EChartProps {
  option: ChartOption;
  /** In pixels; the width follows the container. */
  height?: number;
  /** Canvas on screen; SVG where the chart is printed. */
  renderer?: 'canvas' | 'svg';
  /** Shown instead of the chart when no series has a data point. */
  emptyText?: string;
  onClick?: (event: ChartClick) => void;
}

/**
 * True when at least one series has a point with a value other than zero: otherwise the chart
 * would be blank axes or a flat line at 0, which says less than "no data".
 */
export function hasData(option: ChartOption): boolean {
  const series = option.series === undefined ? [] : [option.series].flat();
  return series.some((one) =>
    ((one.data ?? []) as unknown[]).some((point) => {
      const value =
        point !== null && typeof point === 'object' && 'value' in point ? point.value : point;
      return value !== null && value !== undefined && value !== '-' && value !== 0;
    }),
  );
}

/**
 * One ECharts instance in a div: themed like antd, in the UI's language, resized with its
 * container and disposed with the component. An empty option shows antd's empty state instead.
 */
export function EChart({
  option,
  height = 320,
  renderer = 'canvas',
  emptyText,
  onClick,
}: EChartProps) {
  const { t, i18n } = useTranslation();
  const theme = useChartTheme();
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const empty = !hasData(option);
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN';
  const click = useEffectEvent((event: ChartClick) => onClick?.(event));

  // A new instance for a new theme, renderer or language (ECharts cannot switch them in place).
  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const chart = echarts.init(element, theme, { renderer, locale });
    chartRef.current = chart;
    chart.on('click', (event) => click(event as ChartClick));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.resize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [empty, theme, renderer, locale]);

  // notMerge: a filter that removes a series must remove it from the chart too.
  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option, empty, theme, renderer, locale]);

  if (empty)
    return (
      // Its own key: React must not hand the chart's old div (which ECharts empties on dispose)
      // to the empty state.
      <div key="empty" className={styles.empty} style={{ height }}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={emptyText ?? t('analytics.noData')}
        />
      </div>
    );
  // ECharts writes a description of the data into aria-label (the aria option).
  return (
    <div
      key="chart"
      ref={elementRef}
      role="img"
      data-chart
      className={styles.chart}
      style={{ height }}
    />
  );
}
