import { CloudDownloadOutlined, ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, ShopSettings } from '../../../../src-shared/contract/settings';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { LOGIN_PATH } from '../../navigation/paths';
import { useStores } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { useEnterDemoShop, useIsDemoShop } from './demo-shop';
import styles from './SettingsPage.module.css';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * The owner's settings: what the shop is called and prints, when its day ends, the stores'
 * business districts; backups (now, daily, restore); where the data lives; the demo shop.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ShopSettings>();
  const current = useApiQuery('settings.get', {});
  const system = useApiQuery('settings.system', {});
  const stores = useStores();
  const update = useApiMutation('settings.update', {
    invalidates: ['settings.get', 'setup.status', 'auth.loginOptions'],
  });
  const backupNow = useApiMutation('settings.backupNow', { invalidates: ['settings.system'] });
  const demo = useIsDemoShop();
  const demoShop = useEnterDemoShop();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const save = async (values: ShopSettings) => {
    try {
      await update.mutateAsync(values);
      message.success(t('settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const takeBackup = async () => {
    try {
      const taken = await backupNow.mutateAsync({});
      message.success(t('settings.backedUp', { file: taken.fileName }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        disabled={!current.data}
        requiredMark={false}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title={t('settings.shopCard')} className={styles.card}>
              <Form.Item
                name="merchantName"
                label={t('settings.merchantName')}
                extra={t('settings.merchantNameHelp')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item
                    name="receiptHeader"
                    label={t('settings.receiptHeader')}
                    extra={t('settings.receiptHeaderHelp')}
                  >
                    <Input.TextArea rows={2} maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="receiptFooter"
                    label={t('settings.receiptFooter')}
                    extra={t('settings.receiptFooterHelp')}
                  >
                    <Input.TextArea rows={2} maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="dayCutoff"
                label={t('settings.dayCutoff')}
                extra={t('settings.dayCutoffHelp')}
                rules={[
                  { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('validation.timeOfDay') },
                ]}
              >
                <Input className={styles.time} placeholder="00:00" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('settings.districtsCard')} className={styles.card}>
              <Typography.Paragraph type="secondary">
                {t('settings.districtsHelp')}
              </Typography.Paragraph>
              {stores.data?.map((store) => (
                <Form.Item
                  key={store.id}
                  name={['businessDistricts', store.id]}
                  label={store.name}
                  className={styles.district}
                >
                  <Input maxLength={40} placeholder={t('settings.districtPlaceholder')} />
                </Form.Item>
              ))}
            </Card>
          </Col>
        </Row>
        <Form.Item name="dailyBackup" valuePropName="checked" hidden>
          <Checkbox />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={update.isPending}
          className={styles.save}
        >
          {t('settings.save')}
        </Button>
      </Form>

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
          checked={current.data?.dailyBackup ?? true}
          disabled={!current.data || demo}
          onChange={(event) =>
            void update
              .mutateAsync({ dailyBackup: event.target.checked })
              .catch((error: unknown) => message.error(errorText(error)))
          }
        >
          {t('settings.dailyBackup')}
        </Checkbox>
        <BackupsTable backups={system.data?.backups ?? []} loading={system.isPending} demo={demo} />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('settings.aboutCard')} className={styles.card}>
            <Descriptions
              column={1}
              size="small"
              data-testid="settings-about"
              items={[
                { key: 'version', label: t('settings.version'), children: system.data?.version },
                {
                  key: 'dataDir',
                  label: t('settings.dataDir'),
                  children: system.data?.dataDir,
                },
                {
                  key: 'backupsDir',
                  label: t('settings.backupsDir'),
                  children: system.data?.backupsDir,
                },
              ]}
            />
            <Typography.Text type="secondary">{t('settings.dataDirHelp')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('settings.demoCard')} className={styles.card}>
            <Typography.Paragraph type="secondary">{t('settings.demoText')}</Typography.Paragraph>
            {!demo && (
              <Button
                icon={<ExperimentOutlined />}
                loading={demoShop.entering}
                onClick={demoShop.enter}
              >
                {t('demoShop.open')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </div>
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
