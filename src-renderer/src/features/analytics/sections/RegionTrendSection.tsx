import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../src-shared/contract';
import { compactCount } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import { timeSeriesOption } from '../../../ui/charts/time-series-option';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import type { RedemptionScope } from './redemption-scope';

const REGION_LINES = 8;

/** Redemptions per province over the range: running totals, or day by day. */
export function RegionTrendSection({ scope }: { scope: RedemptionScope }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'cumulative' | 'daily'>('cumulative');
  const input: InputOf<'analytics.redemptionsDaily'> = {
    ...scope,
    groupBy: 'province',
    limit: REGION_LINES,
  };
  const query = useChartData('analytics.redemptionsDaily', input);
  const option = useMemo(
    () =>
      timeSeriesOption({
        periods: query.data?.days ?? [],
        series: (query.data?.series ?? []).map((series) => ({
          name: series.name,
          values: view === 'cumulative' ? series.cumulative : series.daily,
        })),
        valueText: (count) => t('analytics.units.redemptions', { count }),
        axisText: (count) => compactCount(count, i18n.language),
        integer: true,
      }),
    [query.data, view, t, i18n.language],
  );
  return (
    <ChartCard
      section="region-trend"
      title={t('analytics.regionTrend.title')}
      note={t('analytics.regionTrend.note', { count: REGION_LINES })}
      extra={
        <Segmented
          value={view}
          onChange={setView}
          options={(['cumulative', 'daily'] as const).map((value) => ({
            value,
            label: t(`analytics.regionTrend.${value}`),
          }))}
        />
      }
      loading={query.isFetching}
      ready={!!query.data}
      error={query.error}
      exportRequest={{ report: 'analytics.redemptionsDaily', input }}
      exportDisabled={!query.data?.series.some((series) => series.total > 0)}
    >
      <EChart option={option} height={340} />
    </ChartCard>
  );
}
