import {
  DesktopOutlined,
  EditOutlined,
  EnvironmentOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Store, Terminal } from '../../../../src-shared/contract/stores';
import { TerminalsTable, type TerminalAction } from './TerminalsTable';
import styles from './StoresPage.module.css';

interface StoreCardProps {
  store: Store;
  onEdit: () => void;
  onAddTerminal: () => void;
  onTerminalAction: (action: TerminalAction, terminal: Terminal) => void;
}

/** One store: its details, then its tills. */
export function StoreCard({ store, onEdit, onAddTerminal, onTerminalAction }: StoreCardProps) {
  const { t } = useTranslation();
  const notSet = <Typography.Text type="secondary">{t('stores.notSet')}</Typography.Text>;
  return (
    <Card
      className={styles.storeCard}
      title={
        <Space>
          <span className={styles.storeName}>{store.name}</span>
          <Tag>{store.code}</Tag>
        </Space>
      }
      extra={
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {t('stores.edit')}
        </Button>
      }
    >
      <Descriptions
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'region',
            label: t('stores.region'),
            children: (
              <span>
                <EnvironmentOutlined /> {store.regionName}
              </span>
            ),
          },
          { key: 'address', label: t('stores.address'), children: store.address || notSet },
          { key: 'timezone', label: t('stores.timezone'), children: store.timezone },
          {
            key: 'coordinates',
            label: t('stores.coordinates'),
            children:
              store.lat !== null && store.lng !== null ? `${store.lat}, ${store.lng}` : notSet,
          },
        ]}
      />
      <div className={styles.terminalsHeader}>
        <Typography.Title level={5} className={styles.terminalsTitle}>
          <DesktopOutlined /> {t('stores.terminals', { count: store.terminals.length })}
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={onAddTerminal}>
          {t('stores.addTerminal')}
        </Button>
      </div>
      <TerminalsTable terminals={store.terminals} onAction={onTerminalAction} />
    </Card>
  );
}
