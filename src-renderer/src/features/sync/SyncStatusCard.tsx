import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Popover,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../src-shared/contract/sync';
import { useErrorText } from '../../i18n/error-text';
import { syncErrorText } from './sync-error-text';
import { useRotateToken, useUnpair } from './sync-queries';

const STATE_COLOR: Record<SyncStatus['state'], string> = {
  unpaired: 'default',
  idle: 'success',
  syncing: 'processing',
  offline: 'warning',
  revoked: 'error',
};

/** Where this PC stands with the cloud: state, merchant, counts, the last sync and error. */
export function SyncStatusCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const unpair = useUnpair();
  const rotate = useRotateToken();
  const at = (ms: number | null) => (ms ? dayjs(ms).format(t('formats.dateTime')) : '—');
  const paired = status.state !== 'unpaired' && status.state !== 'revoked';

  const onUnpair = async () => {
    try {
      await unpair.mutateAsync({});
      message.success(t('sync.status.unpaired'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const onRotate = async () => {
    try {
      await rotate.mutateAsync({});
      message.success(t('sync.status.rotated'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card
      title={t('sync.status.title')}
      data-testid="sync-status"
      extra={
        status.merchant && (
          <Space>
            {paired && (
              <Popconfirm
                title={t('sync.status.rotateConfirm')}
                onConfirm={() => void onRotate()}
                okText={t('sync.status.rotate')}
                cancelText={t('common.cancel')}
              >
                <Button loading={rotate.isPending} data-testid="sync-rotate-token">
                  {t('sync.status.rotate')}
                </Button>
              </Popconfirm>
            )}
            <Popconfirm
              title={t('sync.status.unpairConfirm')}
              onConfirm={() => void onUnpair()}
              okText={t('sync.status.unpair')}
              cancelText={t('common.cancel')}
            >
              <Button danger loading={unpair.isPending}>
                {t('sync.status.unpair')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {status.state === 'revoked' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sync.status.revokedTitle')}
          description={t('sync.status.revokedText')}
          data-testid="sync-revoked"
        />
      )}
      {status.lastError && status.state !== 'revoked' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sync.status.lastError', { at: at(status.lastErrorAt) })}
          description={<SyncErrorDescription lastError={status.lastError} />}
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('sync.status.state')}>
          <Tag color={STATE_COLOR[status.state]} data-testid="sync-state" data-state={status.state}>
            {t(`sync.states.${status.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.merchant')}>
          {status.merchant ? `${status.merchant.name}（${status.merchant.code}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.device')}>
          {status.deviceName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.cloudUrl')}>
          {status.cloudUrl ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.lastSync')}>
          <span data-testid="sync-last">{at(status.lastSyncAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.nextAttempt')}>
          <Space wrap>
            <span>{at(status.retryNotBefore ?? status.nextAttemptAt)}</span>
            <NextAttemptReason status={status} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.pending')}>
          <Space>
            <span data-testid="sync-pending">{status.pendingCount}</span>
            {status.pendingCount === 0 && status.lastSyncAt && (
              <Tag color="success">{t('sync.status.allSent')}</Tag>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.pushed')}>{status.pushedCount}</Descriptions.Item>
        <Descriptions.Item label={t('sync.status.conflicts')}>
          {status.conflictCount}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.deadLetters')}>
          {status.deadLetterCount}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Why the next sync waits: the cloud asked (Retry-After), or the backoff after failed rounds. */
function NextAttemptReason({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  if (status.retryNotBefore)
    return (
      <Tag color="warning" data-testid="sync-wait-reason">
        {t('sync.status.cloudAskedWait')}
      </Tag>
    );
  if (status.failedRounds > 0)
    return (
      <Tag color="default" data-testid="sync-wait-reason">
        {t('sync.status.backoff', { count: status.failedRounds })}
      </Tag>
    );
  return null;
}

/** The failure in shop words, with the raw text one click away for whoever supports the shop. */
function SyncErrorDescription({ lastError }: { lastError: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <span data-testid="sync-last-error">{syncErrorText(t, lastError)}</span>
      <Popover trigger="click" content={<Typography.Text code>{lastError}</Typography.Text>}>
        <Button type="link" size="small">
          {t('sync.status.errorDetails')}
        </Button>
      </Popover>
    </Space>
  );
}
