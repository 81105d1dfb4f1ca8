import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../src-shared/contract';
import { compactCount } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import { timeSeriesOption } from '../../../ui/charts/time-series-option';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import type { RedemptionScope } from './redemption-scope';

/** How many redemptions each day: every product, or the one picked in the filters. */
export function DailyRedemptionsSection({
  scope,
  productName,
}: {
  scope: RedemptionScope;
  /** The product picked in the filters, if any. */
  productName: string | null;
}) {
  const { t, i18n } = useTranslation();
  const input: InputOf<'analytics.redemptionsDaily'> = { ...scope, groupBy: 'none' };
  const query = useChartData('analytics.redemptionsDaily', input);
  const line = query.data?.series[0];
  const option = useMemo(
    () =>
      timeSeriesOption({
        periods: query.data?.days ?? [],
        series: line ? [{ name: t('analytics.daily.series'), values: line.daily }] : [],
        kind: 'bar',
        valueText: (count) => t('analytics.units.redemptions', { count }),
        axisText: (count) => compactCount(count, i18n.language),
        integer: true,
      }),
    [query.data, line, t, i18n.language],
  );
  return (
    <ChartCard
      section="daily-redemptions"
      title={t('analytics.daily.title', {
        product: productName ?? t('analytics.filters.allProducts'),
      })}
      note={t('analytics.daily.note', { count: line?.total ?? 0 })}
      loading={query.isFetching}
      ready={!!query.data}
      error={query.error}
      exportRequest={{ report: 'analytics.redemptionsDaily', input }}
      exportDisabled={!line?.total}
    >
      <EChart option={option} height={300} />
    </ChartCard>
  );
}
