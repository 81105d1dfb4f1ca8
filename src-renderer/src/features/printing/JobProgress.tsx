import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../src-shared/contract/printing';

const BAR_STATUS = {
  queued: 'normal',
  printing: 'active',
  paused: 'normal',
  done: 'success',
  failed: 'exception',
  cancelled: 'normal',
} as const satisfies Record<PrintJob['status'], string>;

/** Slips printed of the job's total, as a bar with "done/total". */
export function JobProgress({ job }: { job: PrintJob }) {
  const { t } = useTranslation();
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <Progress
      percent={percent}
      status={BAR_STATUS[job.status]}
      format={() => `${job.done}/${job.total}`}
      aria-label={t('printing.jobs.progress')}
      aria-valuetext={`${job.done}/${job.total}`}
      data-testid="print-job-progress"
    />
  );
}
