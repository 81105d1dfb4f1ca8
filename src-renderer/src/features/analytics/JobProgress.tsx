import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsJob } from '../../../../src-shared/contract/analytics';
import styles from './AnalyticsPage.module.css';

/** A rollup rebuild or demo generation in its worker: how far it is, or why it stopped. */
export function JobProgress({ job }: { job: AnalyticsJob }) {
  const { t } = useTranslation();
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  if (job.status === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        className={styles.job}
        title={t(`analytics.jobs.${job.task}Failed`, { error: job.error ?? '' })}
      />
    );
  return (
    <div className={styles.job} role="status">
      <span>{t(`analytics.jobs.${job.task}${job.status === 'done' ? 'Done' : 'Running'}`)}</span>
      <Progress
        percent={job.status === 'done' ? 100 : percent}
        status={job.status === 'done' ? 'success' : 'active'}
      />
    </div>
  );
}
