import { Alert, Card, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../../i18n/error-text';
import { ExportMenu } from '../reports/ExportMenu';
import type { ExportRequest } from '../reports/use-report-export';
import styles from './AnalyticsPage.module.css';

interface ChartCardProps {
  title: ReactNode;
  /** One line under the title: what is counted, and how. */
  note?: ReactNode;
  /** The card's own switches (metric, grain …), left of the export menu. */
  extra?: ReactNode;
  /** What the export menu writes; no menu without it. */
  exportRequest?: ExportRequest;
  /** Nothing to export yet. */
  exportDisabled?: boolean;
  /** Fetching: the last chart stays, dimmed, under a spinner. */
  loading?: boolean;
  /** The first answer has come: until then a spinner, not an empty chart that says "no data". */
  ready: boolean;
  error?: unknown;
  /** For tests and screenshots: `data-section` on the card. */
  section: string;
  children: ReactNode;
}

/** One dashboard section: a titled card with its switches, its export menu, and its chart. */
export function ChartCard({
  title,
  note,
  extra,
  exportRequest,
  exportDisabled,
  loading = false,
  ready,
  error,
  section,
  children,
}: ChartCardProps) {
  const errorText = useErrorText();
  return (
    <Card
      className={styles.card}
      data-section={section}
      title={
        <div className={styles.cardTitle}>
          <span>{title}</span>
          {note && (
            <Typography.Text type="secondary" className={styles.cardNote}>
              {note}
            </Typography.Text>
          )}
        </div>
      }
      extra={
        <Space wrap className={styles.cardExtra}>
          {extra}
          {exportRequest && (
            <ExportMenu request={exportRequest} disabled={exportDisabled || !!error} />
          )}
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !ready ? (
        <div className={styles.waiting}>
          <Spin />
        </div>
      ) : (
        <Spin spinning={loading} delay={200}>
          {children}
        </Spin>
      )}
    </Card>
  );
}
