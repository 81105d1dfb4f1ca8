import { Button, Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../src-shared/contract';
import type { RegionShare } from '../../../../../src-shared/contract/analytics';
import { percentText } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import type { ChartOption } from '../../../ui/charts/echarts';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import type { RedemptionScope } from './redemption-scope';
import styles from '../AnalyticsPage.module.css';

type Province = { code: string; name: string };

/** Share of redemptions by province (pie); a click on a province shows its cities (bars). */
export function RegionShareSection({ scope }: { scope: RedemptionScope }) {
  const { t } = useTranslation();
  const [province, setProvince] = useState<Province | null>(null);
  const provinceInput: InputOf<'analytics.redemptionsByRegion'> = { ...scope, level: 'province' };
  const provinces = useChartData('analytics.redemptionsByRegion', provinceInput);
  // Until one is clicked, the cities of the province with the most redemptions.
  const shown = province ?? provinces.data?.rows[0] ?? null;
  const cityInput: InputOf<'analytics.redemptionsByRegion'> = {
    ...scope,
    level: 'city',
    provinceCode: shown?.code,
  };
  const cities = useChartData('analytics.redemptionsByRegion', cityInput, { enabled: !!shown });

  const pie = useMemo(
    () =>
      provincePie(provinces.data?.rows ?? [], {
        series: t('analytics.region.provinceTitle'),
        count: (count) => t('analytics.units.redemptions', { count }),
      }),
    [t, provinces.data],
  );
  const bars = useMemo(
    () =>
      cityBars(cities.data?.rows ?? [], {
        series: t('analytics.region.redemptions'),
        count: (count) => t('analytics.units.redemptions', { count }),
      }),
    [t, cities.data],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard
          section="region-provinces"
          title={t('analytics.region.provinceTitle')}
          note={t('analytics.region.total', { count: provinces.data?.total ?? 0 })}
          loading={provinces.isFetching}
          ready={!!provinces.data}
          error={provinces.error}
          exportRequest={{ report: 'analytics.redemptionsByRegion', input: provinceInput }}
          exportDisabled={!provinces.data?.total}
        >
          <EChart
            option={pie}
            height={340}
            onClick={(event) => {
              const row = provinces.data?.rows[event.dataIndex];
              if (row) setProvince({ code: row.code, name: row.name });
            }}
          />
          <Typography.Text type="secondary" className={styles.hint}>
            {t('analytics.region.clickHint')}
          </Typography.Text>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          section="region-cities"
          title={
            shown
              ? t('analytics.region.cityTitle', { province: shown.name })
              : t('analytics.region.cityTitleNone')
          }
          note={shown && t('analytics.region.total', { count: cities.data?.total ?? 0 })}
          extra={
            province && (
              <Button type="link" onClick={() => setProvince(null)}>
                {t('analytics.region.backToTop')}
              </Button>
            )
          }
          loading={cities.isFetching}
          ready={!!provinces.data && (!shown || !!cities.data)}
          error={cities.error}
          exportRequest={
            shown ? { report: 'analytics.redemptionsByRegion', input: cityInput } : undefined
          }
          exportDisabled={!cities.data?.total}
        >
          <EChart option={bars} height={364} />
        </ChartCard>
      </Col>
    </Row>
  );
}

/** The chart's words, in the UI's language. */
interface Texts {
  series: string;
  count: (count: number) => string;
}

function provincePie(rows: RegionShare[], texts: Texts): ChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (value) => texts.count(Number(value)) },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', height: '90%' },
    series: [
      {
        type: 'pie',
        name: texts.series,
        radius: ['38%', '68%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: {
          formatter: (params) =>
            `${params.name}\n${percentText(rows[params.dataIndex]?.share ?? 0)}`,
        },
        data: rows.map((row) => ({ name: row.name, value: row.count })),
      },
    ],
  };
}

function cityBars(rows: RegionShare[], texts: Texts): ChartOption {
  // Biggest at the top: a horizontal bar chart draws its first category at the bottom.
  const top = rows.slice(0, 15).reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => texts.count(Number(value)),
    },
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((row) => row.name) },
    series: [
      {
        type: 'bar',
        name: texts.series,
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          formatter: (params) => percentText(top[params.dataIndex]?.share ?? 0),
        },
        data: top.map((row) => row.count),
      },
    ],
  };
}
