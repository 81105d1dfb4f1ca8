import {
  Badge,
  Button,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../src-shared/contract/products';
import { Money } from '../../ui/Money';
import styles from './ProductsPage.module.css';

export type ProductAction = 'edit' | 'deactivate' | 'reactivate';

interface ProductsTableProps {
  products: Product[] | undefined;
  loading: boolean;
  /** Managers edit and see costs; cashiers read. */
  editable: boolean;
  /** The row a scan found, marked until the next search. */
  foundId: string | null;
  empty: ReactNode;
  onAction: (action: ProductAction, product: Product) => void;
}

export function ProductsTable({
  products,
  loading,
  editable,
  foundId,
  empty,
  onAction,
}: ProductsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Product> = [
    {
      key: 'name',
      title: t('products.name'),
      render: (_, product) => (
        <Space size={6}>
          <Typography.Text strong>{product.name}</Typography.Text>
          {!product.active && <Badge status="default" text={t('products.inactive')} />}
        </Space>
      ),
    },
    { key: 'sku', title: t('products.sku'), dataIndex: 'sku', width: 120 },
    {
      key: 'barcodes',
      title: t('products.barcodes'),
      width: 260,
      render: (_, product) =>
        product.barcodes.length ? (
          <Space size={[4, 4]} wrap>
            {product.barcodes.map((code) => (
              <Tag key={code} className={styles.barcode}>
                {code}
              </Tag>
            ))}
          </Space>
        ) : (
          t('common.empty')
        ),
    },
    {
      key: 'category',
      title: t('products.category'),
      width: 120,
      render: (_, product) => product.category || t('common.empty'),
    },
    { key: 'unit', title: t('products.unit'), dataIndex: 'unit', width: 80 },
    {
      key: 'price',
      title: t('products.price'),
      width: 120,
      align: 'right',
      render: (_, product) => <Money fen={product.priceFen} className={styles.price} />,
    },
    ...(editable
      ? ([
          {
            key: 'cost',
            title: t('products.cost'),
            width: 110,
            align: 'right',
            render: (_, product) =>
              product.costFen === null ? t('common.empty') : <Money fen={product.costFen} />,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 170,
            render: (_, product) => (
              <Space size={0}>
                <Button type="link" onClick={() => onAction('edit', product)}>
                  {t('common.edit')}
                </Button>
                {product.active ? (
                  <Popconfirm
                    title={t('products.confirmDeactivate', { name: product.name })}
                    okText={t('products.deactivate')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => onAction('deactivate', product)}
                  >
                    <Button type="link" danger>
                      {t('products.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" onClick={() => onAction('reactivate', product)}>
                    {t('products.reactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ] satisfies TableColumnsType<Product>)
      : []),
  ];

  return (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={products}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(product) =>
        [product.id === foundId && styles.foundRow, !product.active && styles.inactiveRow]
          .filter(Boolean)
          .join(' ')
      }
      locale={{ emptyText: empty }}
    />
  );
}
