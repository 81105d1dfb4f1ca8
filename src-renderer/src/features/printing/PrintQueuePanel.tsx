import {
  App,
  Button,
  Card,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../src-shared/contract/printing';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { useJobErrorText } from './job-error';
import { JobProgress } from './JobProgress';
import {
  useCancelJob,
  usePauseJob,
  usePrintJobs,
  useReprintJob,
  useResumeJob,
  useRetryJob,
} from './printing-queries';

const STATUS_COLOR: Record<PrintJob['status'], string> = {
  queued: 'default',
  printing: 'processing',
  paused: 'warning',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** The print queue: each job's progress as it prints, and what can be done with it. */
export function PrintQueuePanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const jobErrorText = useJobErrorText();
  const { jobs, isPending: jobsPending } = usePrintJobs();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const pause = usePauseJob();
  const resume = useResumeJob();
  const reprintJob = useReprintJob();

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  /** 补打: the job's codes again on its printer, each slip marked 补打 (the app keeps the codes). */
  const reprint = (job: PrintJob) =>
    act(async () => {
      await reprintJob.mutateAsync({ jobId: job.id });
      message.success(t('printing.jobs.reprintQueued'));
    });

  const columns: TableColumnsType<PrintJob> = [
    {
      key: 'at',
      title: t('printing.jobs.at'),
      width: 110,
      render: (_, job) => dayjs(job.createdAt).tz(timeZone).format(t('formats.shortDateTime')),
    },
    {
      key: 'what',
      title: t('printing.jobs.what'),
      render: (_, job) => (
        <Space size={4} wrap>
          <Typography.Text>
            {t(`printing.jobs.kind.${job.kind}`, { count: job.total })}
          </Typography.Text>
          {job.reprint && <Tag color="orange">{t('printing.jobs.reprintTag')}</Tag>}
          <Typography.Text type="secondary">{job.printerName}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 100,
      render: (_, job) => {
        const tag = (
          <Tag color={STATUS_COLOR[job.status]} data-testid="print-job-status">
            {t(`printing.jobs.status.${job.status}`)}
          </Tag>
        );
        return job.error ? <Tooltip title={jobErrorText(job)}>{tag}</Tooltip> : tag;
      },
    },
    {
      key: 'progress',
      title: t('printing.jobs.progress'),
      width: 220,
      render: (_, job) => (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <JobProgress job={job} />
          {job.status === 'failed' && job.error && (
            <Typography.Text type="danger">{jobErrorText(job)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, job) => {
        const reprintable =
          (job.kind === 'coupons' || job.kind === 'cashback') &&
          (job.status === 'done' || job.status === 'cancelled');
        return (
          <Space size={0} wrap>
            {(job.status === 'queued' || job.status === 'printing') && (
              <Button
                type="link"
                onClick={() => void act(() => pause.mutateAsync({ jobId: job.id }))}
              >
                {t('printing.jobs.pause')}
              </Button>
            )}
            {job.status === 'paused' && (
              <Button
                type="link"
                onClick={() => void act(() => resume.mutateAsync({ jobId: job.id }))}
              >
                {t('printing.jobs.resume')}
              </Button>
            )}
            {job.status === 'failed' && (
              <Button
                type="link"
                onClick={() => void act(() => retry.mutateAsync({ jobId: job.id }))}
              >
                {t('printing.jobs.retry')}
              </Button>
            )}
            {(job.status === 'queued' || job.status === 'paused' || job.status === 'failed') && (
              <Button
                type="link"
                danger
                onClick={() => void act(() => cancel.mutateAsync({ jobId: job.id }))}
              >
                {t('printing.jobs.cancel')}
              </Button>
            )}
            {reprintable && (
              <Button type="link" onClick={() => void reprint(job)}>
                {t('printing.jobs.reprint')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
  return (
    <Card title={t('printing.jobs.title')} size="small">
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs}
        loading={jobsPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('printing.jobs.empty') }}
      />
    </Card>
  );
}
