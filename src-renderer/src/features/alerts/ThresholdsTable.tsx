import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Threshold } from '../../../../src-shared/contract/alerts';

interface ThresholdsTableProps {
  thresholds: Threshold[] | undefined;
  loading: boolean;
  onEdit: (threshold: Threshold) => void;
  onClear: (threshold: Threshold) => void;
}

/** Thresholds set for products in stores, and the category defaults behind them. */
export function ThresholdsTable({ thresholds, loading, onEdit, onClear }: ThresholdsTableProps) {
  const { t } = useTranslation();
  const level = (value: number | null) => (value === null ? t('common.empty') : value);
  return (
    <Table<Threshold>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={thresholds}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('alerts.thresholds.empty') }}
      columns={[
        {
          key: 'target',
          title: t('alerts.thresholds.target'),
          render: (_, threshold) =>
            threshold.productId ? (
              <span>
                <Typography.Text strong>{threshold.productName}</Typography.Text>{' '}
                <Typography.Text type="secondary">{threshold.sku}</Typography.Text>
              </span>
            ) : (
              <Space size={6}>
                <Tag color="geekblue">{t('alerts.thresholds.categoryDefault')}</Tag>
                <Typography.Text strong>{threshold.category}</Typography.Text>
              </Space>
            ),
        },
        {
          key: 'store',
          title: t('alerts.thresholds.store'),
          width: 180,
          render: (_, threshold) => threshold.storeName ?? t('stock.allStores'),
        },
        {
          key: 'low',
          title: t('alerts.thresholds.lowLevel'),
          width: 110,
          align: 'right',
          render: (_, threshold) => level(threshold.lowLevel),
        },
        {
          key: 'high',
          title: t('alerts.thresholds.highLevel'),
          width: 110,
          align: 'right',
          render: (_, threshold) => level(threshold.highLevel),
        },
        {
          key: 'days',
          title: t('alerts.thresholds.slowDays'),
          width: 110,
          align: 'right',
          render: (_, threshold) => level(threshold.slowDays),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 140,
          render: (_, threshold) => (
            <Space size={0}>
              <Button type="link" onClick={() => onEdit(threshold)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('alerts.thresholds.confirmClear')}
                okText={t('alerts.thresholds.clear')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onClear(threshold)}
              >
                <Button type="link" danger>
                  {t('alerts.thresholds.clear')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
