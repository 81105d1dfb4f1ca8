import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelStatus, StockLevel } from '../../../../src-shared/contract/stock';
import { ProductName } from '../../ui/ProductName';
import { ChainLevelsButton } from './ChainLevels';
import styles from './StockPage.module.css';

export const STATUS_COLORS: Record<LevelStatus, string> = {
  ok: 'default',
  low: 'orange',
  high: 'blue',
  negative: 'red',
};

export type LevelAction = 'movements' | 'thresholds';

interface StockTableProps {
  levels: StockLevel[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** Several stores listed: name each row's store. */
  showStore: boolean;
  canSetThresholds: boolean;
  onPage: (page: number) => void;
  onAction: (action: LevelAction, level: StockLevel) => void;
}

export function StockTable(props: StockTableProps) {
  const { t } = useTranslation();
  const { levels, total, page, pageSize, loading, showStore, canSetThresholds } = props;
  const columns: TableColumnsType<StockLevel> = [
    {
      key: 'product',
      title: t('stock.columns.product'),
      render: (_, level) => <ProductName name={level.productName} detail={level.sku} />,
    },
    ...(showStore
      ? [{ key: 'store', title: t('stock.columns.store'), dataIndex: 'storeName', width: 170 }]
      : []),
    {
      key: 'category',
      title: t('stock.columns.category'),
      width: 100,
      render: (_, level) => level.category || t('common.empty'),
    },
    {
      key: 'qty',
      title: t('stock.columns.qty'),
      width: 130,
      align: 'right',
      render: (_, level) => (
        <Typography.Text strong type={level.negative ? 'danger' : undefined} className={styles.qty}>
          {level.qty} {level.unit}
        </Typography.Text>
      ),
    },
    {
      key: 'thresholds',
      title: t('stock.columns.thresholds'),
      width: 190,
      render: (_, level) =>
        level.lowLevel === null && level.highLevel === null ? (
          <Typography.Text type="secondary">{t('stock.noThresholds')}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            {level.lowLevel !== null && <Tag>{t('stock.lowLevel', { qty: level.lowLevel })}</Tag>}
            {level.highLevel !== null && (
              <Tag>{t('stock.highLevel', { qty: level.highLevel })}</Tag>
            )}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('stock.columns.status'),
      width: 100,
      render: (_, level) => (
        <Tag color={STATUS_COLORS[level.status]}>{t(`stock.status.${level.status}`)}</Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canSetThresholds ? 240 : 80,
      render: (_, level) => (
        <Space size={0}>
          <Button type="link" onClick={() => props.onAction('movements', level)}>
            {t('stock.actions.movements')}
          </Button>
          {canSetThresholds && (
            <Button type="link" onClick={() => props.onAction('thresholds', level)}>
              {t('stock.actions.thresholds')}
            </Button>
          )}
          {canSetThresholds && (
            <ChainLevelsButton productId={level.productId} productName={level.productName} />
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<StockLevel>
      rowKey={(level) => `${level.storeId}:${level.productId}`}
      columns={columns}
      dataSource={levels}
      loading={loading}
      rowClassName={(level) => (level.negative ? (styles.negativeRow ?? '') : '')}
      locale={{ emptyText: t('stock.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (count) => t('stock.totalRows', { count }),
        onChange: props.onPage,
      }}
    />
  );
}
