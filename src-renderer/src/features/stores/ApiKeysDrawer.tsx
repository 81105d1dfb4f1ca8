import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../src-shared/contract/apiKeys';
import { apiKeysMethods } from '../../../../src-shared/contract/apiKeys';
import type { Store, Terminal } from '../../../../src-shared/contract/stores';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import { ApiKeySecretModal } from './ApiKeySecretModal';
import { LanCertificateNote } from './LanCertificateNote';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './stores-queries';
import styles from './StoresPage.module.css';

const labelSchema = apiKeysMethods['apiKeys.create'].input.shape.label;

interface ApiKeysDrawerProps {
  store: Store;
  terminal: Terminal;
  onClose: () => void;
}

/** The keys POS terminals on the LAN use for one till: create (secret shown once), list, revoke. */
export function ApiKeysDrawer({ store, terminal, onClose }: ApiKeysDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<{ label: string }>();
  const [secret, setSecret] = useState<string | null>(null);
  const keys = useApiKeys(terminal.id);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const format = (at: number) => dayjs(at).tz(store.timezone).format(t('formats.dateTime'));

  const createKey = async ({ label }: { label: string }) => {
    try {
      const created = await create.mutateAsync({ terminalId: terminal.id, label });
      form.resetFields();
      setSecret(created.key);
    } catch (error) {
      if (!showErrorOnFields(form, t, error)) message.error(errorText(error));
    }
  };

  const revokeKey = async (key: ApiKey) => {
    try {
      await revoke.mutateAsync({ id: key.id });
      message.success(t('apiKeys.revokedDone', { prefix: key.prefix }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { key: 'label', title: t('apiKeys.label'), dataIndex: 'label' },
    {
      key: 'prefix',
      title: t('apiKeys.prefix'),
      render: (_, key) => <Typography.Text code>{key.prefix}…</Typography.Text>,
    },
    { key: 'createdAt', title: t('apiKeys.createdAt'), render: (_, key) => format(key.createdAt) },
    {
      key: 'lastUsed',
      title: t('apiKeys.lastUsed'),
      render: (_, key) =>
        key.lastUsedAt ? (
          format(key.lastUsedAt)
        ) : (
          <Typography.Text type="secondary">{t('apiKeys.neverUsed')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, key) =>
        key.revokedAt ? (
          <Badge status="default" text={t('apiKeys.revoked')} />
        ) : (
          <Badge status="success" text={t('apiKeys.active')} />
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, key) =>
        !key.revokedAt && (
          <Popconfirm
            title={t('apiKeys.confirmRevoke')}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revokeKey(key)}
          >
            <Button type="link" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Drawer
      open
      title={t('apiKeys.title', { code: terminal.code })}
      size={820}
      onClose={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <LanCertificateNote timezone={store.timezone} />
      <Form
        form={form}
        layout="inline"
        size="large"
        className={styles.keyForm}
        onFinish={(values) => void createKey(values)}
      >
        <Form.Item name="label" rules={[rule(labelSchema)]} className={styles.keyLabel}>
          <Input
            placeholder={t('apiKeys.labelPlaceholder')}
            aria-label={t('apiKeys.label')}
            maxLength={40}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
          {t('apiKeys.create')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={keys.data}
        loading={keys.isPending}
        pagination={false}
        locale={{ emptyText: <Empty description={t('apiKeys.empty')} /> }}
      />
      {secret && <ApiKeySecretModal secret={secret} onClose={() => setSecret(null)} />}
    </Drawer>
  );
}
