import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Segmented, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { ExportMenu } from './ExportMenu';
import { pdfSaver, printReport } from './print-report';
import { useStoreReport, type ReportPeriod } from './reports-queries';
import { StoreReportSheet } from './StoreReportSheet';
import styles from './ReportsPage.module.css';

type Kind = ReportPeriod['kind'];

/** A store's daily or monthly report, one page, to read, print, save as PDF or export. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const stores = useStores();
  const timeZone = useStoreTimeZone(session.storeId);
  // Yesterday by default: today is not over yet.
  const [day, setDay] = useState(() =>
    dayjs().tz(timeZone).subtract(1, 'day').format('YYYY-MM-DD'),
  );
  const [month, setMonth] = useState(() => dayjs().tz(timeZone).format('YYYY-MM'));
  const [kind, setKind] = useState<Kind>('daily');
  const [pickedStore, setPickedStore] = useState<string | null>(null);
  const storeId = pickedStore ?? session.storeId ?? stores.data?.[0]?.id ?? null;
  const period: ReportPeriod | null = storeId
    ? kind === 'daily'
      ? { kind, storeId, date: day }
      : { kind, storeId, month }
    : null;
  const report = useStoreReport(period);
  const savePdf = pdfSaver();

  const saveAsPdf = async () => {
    if (!savePdf || !report.data) return;
    try {
      const path = await savePdf(`${report.data.storeName}-${report.data.period}.pdf`);
      if (path) message.success(t('reports.pdfSaved', { path }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.screenOnly}>
        <PageHeader
          title={t('reports.title')}
          subtitle={t('reports.subtitle')}
          extra={
            <>
              {period && (
                <ExportMenu
                  disabled={!report.data}
                  request={
                    period.kind === 'daily'
                      ? {
                          report: 'reports.storeDaily',
                          input: { storeId: period.storeId, date: day },
                        }
                      : {
                          report: 'reports.storeMonthly',
                          input: { storeId: period.storeId, month },
                        }
                  }
                />
              )}
              {savePdf && (
                <Button
                  icon={<FilePdfOutlined />}
                  disabled={!report.data}
                  onClick={() => void saveAsPdf()}
                >
                  {t('reports.savePdf')}
                </Button>
              )}
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                disabled={!report.data}
                onClick={printReport}
              >
                {t('reports.print')}
              </Button>
            </>
          }
        />
        <Card className={styles.controls}>
          <Segmented
            value={kind}
            onChange={setKind}
            options={(['daily', 'monthly'] as const).map((value) => ({
              value,
              label: t(`reports.kinds.${value}`),
            }))}
          />
          <Select
            className={styles.storePicker}
            aria-label={t('reports.store')}
            value={storeId}
            onChange={setPickedStore}
            options={(stores.data ?? []).map((store) => ({ value: store.id, label: store.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          {kind === 'daily' ? (
            <DatePicker
              aria-label={t('reports.day')}
              allowClear={false}
              value={dayjs(day)}
              onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))}
            />
          ) : (
            <DatePicker
              picker="month"
              aria-label={t('reports.month')}
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
            />
          )}
        </Card>
      </div>
      {report.isError ? (
        <Alert type="error" showIcon title={errorText(report.error)} />
      ) : report.data ? (
        <Spin spinning={report.isFetching} delay={200}>
          <StoreReportSheet report={report.data} kind={kind} />
        </Spin>
      ) : report.isFetching ? (
        <Spin className={styles.loading} />
      ) : (
        <Empty description={t('reports.pickStore')} />
      )}
    </div>
  );
}
