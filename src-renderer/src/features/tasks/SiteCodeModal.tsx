import { Alert, Modal, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/sync/tasks';
import { SITE_CODE_PERIOD_MS } from '../../../../src-shared/tasks/rules';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { QrCode } from '../../ui/QrCode';
import styles from './TasksPage.module.css';

/**
 * When to ask for the next code: just after this one's period ends (a code stays good one
 * period longer, so the phone that scanned it late still succeeds), never sooner than a second
 * (a PC clock behind the cloud's) nor later than a period.
 */
const nextRefreshMs = (expiresAt: number | undefined) =>
  expiresAt === undefined
    ? SITE_CODE_PERIOD_MS
    : Math.min(SITE_CODE_PERIOD_MS, Math.max(1000, expiresAt - Date.now() + 500));

/**
 * 现场码: the QR this till shows by the counter for the task; a phone that checked in by location
 * scans it to complete the on-site step. It changes every 30 s, so a photo of it is no good later.
 */
export function SiteCodeModal({
  task,
  timeZone,
  onClose,
}: {
  task: Task;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const site = useApiQuery(
    'tasks.siteCode',
    { taskId: task.id },
    {
      staleTime: 0,
      gcTime: 0,
      refetchOnMount: 'always',
      refetchInterval: (query) => nextRefreshMs(query.state.data?.expiresAt),
      refetchIntervalInBackground: true,
    },
  );
  return (
    <Modal
      open
      title={t('tasks.site.title', { title: task.title })}
      footer={null}
      onCancel={onClose}
      width={440}
      destroyOnHidden
    >
      {site.isError ? (
        <Alert type="error" showIcon title={errorText(site.error)} />
      ) : (
        <div className={styles.site} data-testid="site-code" data-url={site.data?.url}>
          {site.data ? (
            <QrCode payload={site.data.url} size={280} alt={t('tasks.site.qr')} />
          ) : (
            <Skeleton.Node active style={{ width: 280, height: 280 }} />
          )}
          <Typography.Text strong>{t('tasks.site.scanHint')}</Typography.Text>
          <Typography.Text type="secondary">{t('tasks.site.rotates')}</Typography.Text>
          {site.data && (
            <Typography.Text type="secondary">
              {t('tasks.site.expires', {
                time: dayjs(site.data.expiresAt).tz(timeZone).format('HH:mm:ss'),
              })}
            </Typography.Text>
          )}
        </div>
      )}
    </Modal>
  );
}
