import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { PageHeader } from '../../ui/PageHeader';
import { ConflictsList } from './ConflictsList';
import { DeadLettersTable } from './DeadLettersTable';
import { PairingForm } from './PairingForm';
import { SyncSettingsForm } from './SyncSettingsForm';
import { syncErrorText } from './sync-error-text';
import { SyncStatusCard } from './SyncStatusCard';
import { useSyncNow, useSyncStatus } from './sync-queries';

/** Cloud sync: pairing, status, what the cloud refused or gave to another store, settings. */
export function SyncPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const paired = status.data && status.data.state !== 'unpaired' && status.data.state !== 'revoked';

  // One notice per sync: a second click replaces the first result instead of stacking another.
  // A failure stays long enough to be read (the status card keeps it after that).
  const notify = (type: 'success' | 'warning' | 'error', content: string) =>
    message.open({ key: 'sync-now-result', type, content, duration: type === 'success' ? 3 : 8 });

  const onSyncNow = async () => {
    try {
      const after = await syncNow.mutateAsync({});
      if (after.state === 'revoked') notify('error', t('sync.status.revokedTitle'));
      else if (after.retryNotBefore)
        notify(
          'warning',
          t('sync.waitForCloud', { at: dayjs(after.retryNotBefore).format(t('formats.dateTime')) }),
        );
      else if (after.lastError) notify('warning', syncErrorText(t, after.lastError));
      else notify('success', t('sync.syncedNow'));
    } catch (error) {
      notify('error', errorText(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('sync.title')}
        subtitle={t('sync.subtitle')}
        extra={
          paired && (
            <Button
              type="primary"
              icon={<SyncOutlined />}
              loading={syncNow.isPending}
              onClick={() => void onSyncNow()}
              data-testid="sync-now"
            >
              {t('sync.syncNow')}
            </Button>
          )
        }
      />
      {!status.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <SyncStatusCard status={status.data} />
          {!paired && <PairingForm defaultUrl={status.data.cloudUrl} />}
          {paired && <ConflictsList />}
          {paired && <DeadLettersTable />}
          <SyncSettingsForm />
        </Space>
      )}
    </>
  );
}
