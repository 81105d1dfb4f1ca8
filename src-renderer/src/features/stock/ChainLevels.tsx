import { Button, Popover, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainLevel } from '../../../../src-shared/contract/chain';
import { useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { useDataAge } from './data-age';

// Other stores' stock (the chain's, as the cloud last reported it), read-only: the stock page's
// per product popover and the transfer drawer's target store column.

/** A product's level in every store of the chain; fresh after each sync round. */
function useChainLevels(productId: string | undefined) {
  useInvalidateOnEvent('stock.changed', ['stock.chainLevels']);
  useInvalidateOnEvent('sync.statusChanged', ['stock.chainLevels']);
  return useApiQuery('stock.chainLevels', { productId: productId ?? '' }, { enabled: !!productId });
}

/** The stock page's "各店库存" link: every store's level of one product in a popover. */
export function ChainLevelsButton({
  productId,
  productName,
}: {
  productId: string;
  productName: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const chain = useChainLevels(open ? productId : undefined);
  const age = useDataAge();
  const content = (
    <div style={{ width: 380 }} data-testid="chain-levels">
      <Table<ChainLevel>
        size="small"
        rowKey="storeId"
        pagination={false}
        loading={chain.isLoading}
        dataSource={chain.data?.stores ?? []}
        columns={[
          {
            key: 'store',
            title: t('stock.chain.store'),
            render: (_, level) => (
              <Space size={4}>
                {level.storeName}
                {level.own && <Tag color="blue">{t('stock.chain.here')}</Tag>}
              </Space>
            ),
          },
          { key: 'qty', title: t('stock.chain.qty'), dataIndex: 'qty', align: 'right', width: 70 },
          {
            key: 'heard',
            title: t('stock.chain.heard'),
            width: 110,
            render: (_, level) => (level.own ? t('stock.chain.live') : age(level.lastHeardAt)),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {chain.data?.fetchedAt
          ? t('stock.chain.fetched', { age: age(chain.data.fetchedAt) })
          : t('stock.chain.notFetched')}
      </Typography.Text>
    </div>
  );
  return (
    <Popover
      title={t('stock.chain.title', { name: productName })}
      content={content}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="left"
    >
      <Button type="link">{t('stock.actions.chain')}</Button>
    </Popover>
  );
}

/** The transfer drawer's cell: how many the target store holds (another PC's: as last synced). */
export function TargetStoreLevel({
  productId,
  storeId,
}: {
  productId: string;
  storeId: string | undefined;
}) {
  const { t } = useTranslation();
  const chain = useChainLevels(storeId ? productId : undefined);
  const age = useDataAge();
  if (!storeId) return <>{t('common.empty')}</>;
  const level = chain.data?.stores.find((s) => s.storeId === storeId);
  if (!chain.data) return <>…</>;
  if (!level) return <>{t('common.empty')}</>;
  return (
    <span
      title={level.own ? undefined : t('stock.chain.heardTitle', { age: age(level.lastHeardAt) })}
    >
      {level.qty}
      {!level.own && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
          {age(chain.data.fetchedAt)}
        </Typography.Text>
      )}
    </span>
  );
}
