import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreReport } from '../../../../src-shared/contract/reports';
import { formatFen } from '../../../../src-shared/money';
import { useStoreTimeZone } from '../../shop-data/stores';
import { changeText, compactYuan } from '../../ui/charts/chart-format';
import { EChart } from '../../ui/charts/EChart';
import { timeSeriesOption } from '../../ui/charts/time-series-option';
import styles from './ReportsPage.module.css';

type Kpis = StoreReport['kpi'];
type KpiKey = keyof Kpis;

/** The figures of the page, in reading order; money ones are shown in yuan. */
const KPI_ROWS: { key: KpiKey; money: boolean }[] = [
  { key: 'revenueFen', money: true },
  { key: 'transactions', money: false },
  { key: 'avgTicketFen', money: true },
  { key: 'identifiedSales', money: false },
  { key: 'itemsSold', money: false },
  { key: 'refundFen', money: true },
  { key: 'redemptions', money: false },
  { key: 'discountFen', money: true },
  { key: 'cashbackPayouts', money: false },
  { key: 'cashbackFen', money: true },
  { key: 'voids', money: false },
];

/** The headline figures shown large at the top. */
const HEADLINE: KpiKey[] = ['revenueFen', 'transactions', 'avgTicketFen', 'redemptions'];

/**
 * One store's day or month on one A4 page: the headline figures, every figure against the
 * period before and the same period a week / year ago, the days of a month, the best products,
 * coupons and cashiers.
 */
export function StoreReportSheet({
  report,
  kind,
}: {
  report: StoreReport;
  kind: 'daily' | 'monthly';
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useStoreTimeZone(report.storeId);
  // The month under way is compared to date: its labels say "same days", not "month".
  const labels =
    kind === 'monthly' && report.days.length < dayjs(`${report.period}-01`).daysInMonth()
      ? 'monthToDate'
      : kind;
  const value = (key: KpiKey, kpis: Kpis) =>
    KPI_ROWS.find((row) => row.key === key)?.money
      ? formatFen(kpis[key])
      : kpis[key].toLocaleString(i18n.language);
  const change = (now: number, before: number) =>
    before > 0 ? changeText((now - before) / before) : t('common.empty');

  const chart = useMemo(
    () =>
      timeSeriesOption({
        periods: report.days.map((day) => day.date),
        series: [
          { name: t('reports.kpi.revenueFen'), values: report.days.map((d) => d.revenueFen) },
        ],
        kind: 'bar',
        valueText: formatFen,
        axisText: (fen) => compactYuan(fen, i18n.language),
      }),
    [report.days, t, i18n.language],
  );

  return (
    <article
      className={styles.sheet}
      aria-label={t(`reports.${kind}Title`, { store: report.storeName })}
    >
      <header className={styles.sheetHeader}>
        <div>
          <h1 className={styles.sheetTitle}>
            {t(`reports.${kind}Title`, { store: report.storeName })}
          </h1>
          <div className={styles.sheetMeta}>
            {[report.regionName, periodText(kind, report, t(`reports.${kind}Format`))]
              .filter(Boolean)
              .join(' · ')}
          </div>
          <div className={styles.sheetMeta} data-testid="report-compared">
            {t(`reports.${labels}Compared`, {
              from: dayText(report.from),
              to: dayText(report.to),
              previousFrom: dayText(report.previousRange.from),
              previousTo: dayText(report.previousRange.to),
              sameFrom: dayText(report.lastYearOrWeekRange.from),
              sameTo: dayText(report.lastYearOrWeekRange.to),
            })}
          </div>
        </div>
        <div className={styles.sheetBrand}>
          <div>{t('app.name')}</div>
          <div className={styles.sheetMeta}>
            {t('reports.generatedAt', { at: dayjs().tz(timeZone).format('YYYY-MM-DD HH:mm') })}
          </div>
        </div>
      </header>

      <section className={styles.headline}>
        {HEADLINE.map((key) => (
          <div key={key} className={styles.headlineItem}>
            <div className={styles.headlineLabel}>{t(`reports.kpi.${key}`)}</div>
            <div className={styles.headlineValue}>{value(key, report.kpi)}</div>
            <div className={styles.headlineChange}>
              {t(`reports.${labels}Previous`)} {change(report.kpi[key], report.previous[key])}
            </div>
          </div>
        ))}
      </section>

      <section>
        <h2 className={styles.sheetHeading}>{t('reports.figures')}</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>{t('reports.columns.figure')}</th>
              <th>{t(`reports.${labels}Current`)}</th>
              <th>{t(`reports.${labels}Previous`)}</th>
              <th>{t('reports.columns.change')}</th>
              <th>{t(`reports.${labels}Same`)}</th>
              <th>{t('reports.columns.change')}</th>
            </tr>
          </thead>
          <tbody>
            {KPI_ROWS.map(({ key }) => (
              <tr key={key}>
                <td>{t(`reports.kpi.${key}`)}</td>
                <td>{value(key, report.kpi)}</td>
                <td>{value(key, report.previous)}</td>
                <td>{change(report.kpi[key], report.previous[key])}</td>
                <td>{value(key, report.lastYearOrWeek)}</td>
                <td>{change(report.kpi[key], report.lastYearOrWeek[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {kind === 'monthly' && (
        <section className={styles.chartSection}>
          <h2 className={styles.sheetHeading}>{t('reports.byDay')}</h2>
          <EChart option={chart} height={200} renderer="svg" />
        </section>
      )}

      <div className={styles.columns}>
        <ListTable
          title={t('reports.topProducts')}
          head={[
            t('reports.columns.product'),
            t('reports.columns.qty'),
            t('reports.kpi.revenueFen'),
          ]}
          rows={report.topProducts.map((row) => [row.name, row.qty, formatFen(row.revenueFen)])}
        />
        <ListTable
          title={t('reports.coupons')}
          head={[
            t('reports.columns.coupon'),
            t('reports.columns.redeemed'),
            t('reports.columns.cost'),
          ]}
          rows={report.coupons.map((row) => [row.name, row.redeemed, formatFen(row.costFen)])}
        />
      </div>
      <ListTable
        title={t('reports.cashiers')}
        head={[
          t('reports.columns.cashier'),
          t('reports.columns.sales'),
          t('reports.kpi.revenueFen'),
          t('reports.kpi.redemptions'),
          t('reports.kpi.voids'),
        ]}
        rows={report.cashiers.map((row) => [
          row.name,
          row.sales,
          formatFen(row.salesFen),
          row.redemptions,
          row.voids,
        ])}
      />
    </article>
  );
}

/** A local date as printed on the sheet. */
const dayText = (date: string) => date.replaceAll('-', '/');

/** '2026年11月21日 星期六' or '2026年11月', in the UI's language. */
const periodText = (kind: 'daily' | 'monthly', report: StoreReport, format: string): string =>
  dayjs(kind === 'daily' ? report.period : `${report.period}-01`).format(format);

/** A titled table of the page; "none" when it has no rows. */
function ListTable({ title, head, rows }: { title: string; head: string[]; rows: ReactNode[][] }) {
  const { t } = useTranslation();
  return (
    <section className={styles.listTable}>
      <h2 className={styles.sheetHeading}>{title}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell}>{cell}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className={styles.none}>
                {t('reports.none')}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
