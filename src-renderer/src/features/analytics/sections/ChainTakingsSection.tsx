import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainTakings } from '../../../../../src-shared/contract/chain';
import { useApiQuery, useInvalidateOnEvent } from '../../../api/queries';
import { Money } from '../../../ui/Money';
import { useDataAge } from '../../stock/data-age';
import type { AnalyticsFilters } from '../analytics-filters';
import { ChartCard } from '../ChartCard';
import { countColumn, moneyColumn } from './figure-columns';

/**
 * The whole chain's takings over the range: this PC's stores live from its own rollups, the
 * other stores as the cloud last reported them (marked, with their age). Shown once the PC is
 * paired and the chain has another store.
 */
export function ChainTakingsSection({ filters }: { filters: AnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const age = useDataAge();
  useInvalidateOnEvent('sync.statusChanged', ['chain.takings']);
  const query = useApiQuery('chain.takings', { from: filters.from, to: filters.to });
  const rows = query.data?.stores ?? [];
  if (!query.data || !rows.some((row) => !row.own)) return null;

  const columns: TableColumnsType<ChainTakings> = [
    {
      key: 'store',
      title: t('analytics.chain.store'),
      fixed: 'left',
      render: (_, row) => (
        <Space size={4}>
          {row.storeName}
          {row.own ? (
            <Tag color="blue">{t('stock.chain.here')}</Tag>
          ) : (
            <Tag>{t('analytics.chain.fromCloud')}</Tag>
          )}
        </Space>
      ),
    },
    countColumn(
      { key: 'sales', title: t('analytics.chain.sales'), value: (row) => row.salesCount },
      i18n.language,
    ),
    moneyColumn({
      key: 'salesFen',
      title: t('analytics.chain.salesFen'),
      value: (row) => row.salesFen,
      sortFirst: true,
    }),
    moneyColumn({
      key: 'refunds',
      title: t('analytics.chain.refunds'),
      value: (row) => row.refundsFen,
    }),
    countColumn(
      {
        key: 'redemptions',
        title: t('analytics.chain.redemptions'),
        value: (row) => row.redemptionCount,
      },
      i18n.language,
    ),
    moneyColumn({
      key: 'discount',
      title: t('analytics.chain.discount'),
      value: (row) => row.discountFen,
    }),
    {
      key: 'heard',
      title: t('stock.chain.heard'),
      render: (_, row) => (row.own ? t('stock.chain.live') : age(row.lastHeardAt)),
    },
  ];
  const total = (pick: (row: ChainTakings) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);

  return (
    <ChartCard
      section="chain-takings"
      title={t('analytics.chain.title')}
      note={t('analytics.chain.note', { age: age(query.data.fetchedAt) })}
      loading={query.isFetching}
      ready
      error={query.error}
    >
      <Table
        rowKey="storeId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('analytics.chain.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {total((row) => row.salesCount).toLocaleString(i18n.language)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>
                <Money fen={total((row) => row.salesFen)} />
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Money fen={total((row) => row.refundsFen)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {total((row) => row.redemptionCount).toLocaleString(i18n.language)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Money fen={total((row) => row.discountFen)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        )}
      />
    </ChartCard>
  );
}
