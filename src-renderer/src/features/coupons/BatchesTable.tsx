import { App, Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import type { CouponBatch } from '../../../../src-shared/contract/coupons';
import { BatchProgressBar } from './BatchProgressBar';
import { useCancelBatch, type BatchProgress } from './coupons-queries';
import { useBatchExport } from './use-batch-export';

interface BatchesTableProps {
  batches: CouponBatch[] | undefined;
  loading: boolean;
  timeZone: string;
  progressOf: (task: BatchProgress['task'], batchId: string) => BatchProgress | undefined;
}

/** Issue runs, newest first: live progress while running, then their codes as CSV or XLSX. */
export function BatchesTable({ batches, loading, timeZone, progressOf }: BatchesTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const cancel = useCancelBatch();
  const cancelBatch = (batch: CouponBatch) =>
    cancel.mutateAsync({ batchId: batch.id }).catch((error) => message.error(errorText(error)));
  const { exportBatch, exporting } = useBatchExport();

  const columns: TableColumnsType<CouponBatch> = [
    {
      key: 'createdAt',
      title: t('coupons.batches.createdAt'),
      width: 190,
      render: (_, batch) => dayjs(batch.createdAt).tz(timeZone).format(t('formats.dateTime')),
    },
    {
      key: 'template',
      title: t('coupons.batches.template'),
      render: (_, batch) => <Typography.Text strong>{batch.templateName}</Typography.Text>,
    },
    {
      key: 'progress',
      title: t('coupons.batches.progress'),
      width: 340,
      render: (_, batch) => (
        <BatchProgressBar batch={batch} progress={progressOf('issue', batch.id)} />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 250,
      render: (_, batch) => {
        const running = (progressOf('issue', batch.id)?.status ?? batch.status) === 'running';
        if (running)
          return (
            <Button danger onClick={() => void cancelBatch(batch)}>
              {t('coupons.batches.cancel')}
            </Button>
          );
        const exportProgress = progressOf('export', batch.id);
        return (
          <Space orientation="vertical" size={4}>
            <Space size={8}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  disabled={batch.issued === 0}
                  loading={exporting?.batchId === batch.id && exporting.format === format}
                  onClick={() => void exportBatch(batch, format)}
                >
                  {t(format === 'csv' ? 'coupons.batches.exportCsv' : 'coupons.batches.exportXlsx')}
                </Button>
              ))}
            </Space>
            {exporting?.batchId === batch.id && exportProgress?.status === 'running' && (
              <Typography.Text type="secondary">
                {t('coupons.batches.exportProgress', {
                  done: exportProgress.done.toLocaleString(),
                  total: exportProgress.total.toLocaleString(),
                })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={batches}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty description={t('coupons.batches.empty')} /> }}
    />
  );
}
