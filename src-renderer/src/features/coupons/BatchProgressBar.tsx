import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponBatch } from '../../../../src-shared/contract/coupons';
import type { BatchProgress } from './coupons-queries';

const STATUS_OF_BAR = {
  running: 'active',
  done: 'success',
  cancelled: 'normal',
  failed: 'exception',
} as const;

/** A batch's progress: the live events while it runs, the saved counts once it has ended. */
export function BatchProgressBar({
  batch,
  progress,
}: {
  batch: CouponBatch;
  progress: BatchProgress | undefined;
}) {
  const { t } = useTranslation();
  const status = progress?.status ?? batch.status;
  const done = progress?.done ?? batch.issued;
  const total = progress?.total ?? batch.requested;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Progress
        percent={percent}
        status={STATUS_OF_BAR[status]}
        aria-label={t('coupons.batches.progress')}
      />
      <Typography.Text type="secondary">
        {t('coupons.batches.progressText', {
          done: done.toLocaleString(),
          total: total.toLocaleString(),
        })}
        {' · '}
        {t(`coupons.batches.status.${status}`)}
      </Typography.Text>
    </Space>
  );
}
