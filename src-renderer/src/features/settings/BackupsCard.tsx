import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Backup, ShopSettings } from '../../../../src-shared/contract/settings';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { LOGIN_PATH } from '../../navigation/paths';
import styles from './SettingsPage.module.css';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Backups: one now, a daily one (kept 7), and the folder's backups, each restorable. */
export function BackupsCard({
  settings,
  backups,
  loading,
  demo,
}: {
  settings: ShopSettings | undefined;
  backups: Backup[];
  loading: boolean;
  demo: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useApiMutation('settings.update', { invalidates: ['settings.get'] });
  const backupNow = useApiMutation('settings.backupNow', { invalidates: ['settings.system'] });

  const takeBackup = async () => {
    try {
      const taken = await backupNow.mutateAsync({});
      message.success(t('settings.backedUp', { file: taken.fileName }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card
      title={t('settings.backupCard')}
      className={styles.card}
      extra={
        <Button
          icon={<CloudDownloadOutlined />}
          loading={backupNow.isPending}
          onClick={() => void takeBackup()}
        >
          {t('settings.backupNow')}
        </Button>
      }
    >
      <Checkbox
        checked={settings?.dailyBackup ?? true}
        disabled={!settings || demo}
        onChange={(event) =>
          void update
            .mutateAsync({ dailyBackup: event.target.checked })
            .catch((error: unknown) => message.error(errorText(error)))
        }
      >
        {t('settings.dailyBackup')}
      </Checkbox>
      <BackupsTable backups={backups} loading={loading} demo={demo} />
    </Card>
  );
}

/** The backups folder, newest first; each can be restored (after a confirmation). */
function BackupsTable({
  backups,
  loading,
  demo,
}: {
  backups: Backup[];
  loading: boolean;
  demo: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const restore = (backup: Backup) =>
    modal.confirm({
      title: t('settings.restoreTitle'),
      content: t('settings.restoreText', { file: backup.fileName }),
      okText: t('settings.restoreOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.call('settings.restore', { fileName: backup.fileName });
          message.success(t('settings.restored'));
          // The shop restarted on the backup: everyone logs in again.
          window.location.hash = `#${LOGIN_PATH}`;
          window.location.reload();
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  return (
    <Table<Backup>
      rowKey="fileName"
      size="small"
      className={styles.backups}
      loading={loading}
      dataSource={backups}
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      locale={{ emptyText: t('settings.backupsEmpty') }}
      columns={[
        {
          title: t('settings.backupTime'),
          dataIndex: 'createdAt',
          render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: t('settings.backupKind'),
          dataIndex: 'kind',
          render: (kind: Backup['kind']) => <Tag>{t(`settings.kinds.${kind}`)}</Tag>,
        },
        { title: t('settings.backupSize'), dataIndex: 'sizeBytes', render: sizeText },
        { title: t('settings.backupFile'), dataIndex: 'fileName', ellipsis: true },
        {
          title: '',
          key: 'restore',
          align: 'right',
          render: (_value, backup) => (
            <Button size="small" danger disabled={demo} onClick={() => restore(backup)}>
              {t('settings.restore')}
            </Button>
          ),
        },
      ]}
    />
  );
}
