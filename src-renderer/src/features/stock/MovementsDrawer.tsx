import { Button, Drawer, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Movement, MovementKind } from '../../../../src-shared/contract/stock';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { StoreSelect } from '../../ui/StoreSelect';
import { useMovements } from './stock-queries';
import { signed } from './StocktakeDrawer';
import styles from './StockPage.module.css';

const KIND_COLORS: Record<MovementKind, string> = {
  receive: 'green',
  sale: 'blue',
  return: 'cyan',
  adjust: 'orange',
  transfer_in: 'purple',
  transfer_out: 'magenta',
};

const PAGE = 50;

/** One product's movements, newest first: what came in, what went out, and the level after. */
export function MovementsDrawer({
  product,
  storeId: initialStoreId,
  onClose,
}: {
  product: { id: string; name: string; sku: string };
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const timeZone = useStoreTimeZone(session.storeId);
  const [storeId, setStoreId] = useState(initialStoreId);
  const [limit, setLimit] = useState(PAGE);
  const movements = useMovements({ productId: product.id, storeId, limit });
  const items = movements.data?.items ?? [];

  return (
    <Drawer
      open
      size={860}
      title={t('stock.movements.title', { name: product.name, sku: product.sku })}
      onClose={onClose}
      destroyOnHidden
    >
      <div className={styles.drawerBody}>
        <StoreSelect
          allowAll
          value={storeId}
          onChange={setStoreId}
          className={styles.filterStore}
          aria-label={t('stock.filters.store')}
        />
        <Table<Movement>
          rowKey="id"
          size="small"
          loading={movements.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('stock.movements.empty') }}
          columns={[
            {
              key: 'time',
              title: t('stock.movements.time'),
              width: 180,
              render: (_, movement) =>
                dayjs(movement.createdAt).tz(timeZone).format(t('formats.dateTime')),
            },
            { key: 'store', title: t('stock.columns.store'), dataIndex: 'storeName', width: 140 },
            {
              key: 'kind',
              title: t('stock.movements.kind'),
              width: 90,
              render: (_, movement) => (
                <Tag color={KIND_COLORS[movement.kind]}>{t(`movementKinds.${movement.kind}`)}</Tag>
              ),
            },
            {
              key: 'qty',
              title: t('stock.movements.qty'),
              width: 80,
              align: 'right',
              render: (_, movement) => (
                <Typography.Text strong type={movement.qty < 0 ? 'danger' : 'success'}>
                  {signed(movement.qty)}
                </Typography.Text>
              ),
            },
            {
              key: 'after',
              title: t('stock.movements.levelAfter'),
              width: 80,
              align: 'right',
              render: (_, movement) => (
                <Typography.Text type={movement.levelAfter < 0 ? 'danger' : undefined}>
                  {movement.levelAfter}
                </Typography.Text>
              ),
            },
            {
              key: 'who',
              title: t('stock.movements.staff'),
              width: 90,
              render: (_, movement) => movement.staffName ?? t('stock.movements.terminal'),
            },
            {
              key: 'note',
              title: t('stock.note'),
              ellipsis: true,
              render: (_, movement) => movement.note || t('common.empty'),
            },
          ]}
        />
        {movements.data?.nextBefore && (
          <Button block onClick={() => setLimit((current) => Math.min(current + PAGE, 500))}>
            {t('stock.movements.more')}
          </Button>
        )}
      </div>
    </Drawer>
  );
}
