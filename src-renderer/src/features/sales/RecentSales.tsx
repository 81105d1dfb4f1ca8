import { Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../src-shared/contract/sales';
import { maskPhone } from '../../../../src-shared/phone';
import { Money } from '../../ui/Money';
import { useStoreTimeZone } from '../stores/stores-queries';
import { useRecentSales } from './sales-queries';

const STATUS_COLORS: Record<Sale['status'], string> = {
  completed: 'green',
  partly_returned: 'orange',
  returned: 'default',
};

/** The store's latest sales, from this screen and from the POS terminals alike. */
export function RecentSales({ storeId }: { storeId: string | undefined }) {
  const { t } = useTranslation();
  const timeZone = useStoreTimeZone(storeId);
  const sales = useRecentSales(storeId);
  return (
    <Card title={t('sale.recent')} styles={{ body: { padding: 0 } }}>
      <Table<Sale>
        rowKey="id"
        size="small"
        loading={sales.isPending && !!storeId}
        dataSource={sales.data?.items}
        pagination={false}
        locale={{ emptyText: t('sale.noRecent') }}
        columns={[
          {
            key: 'time',
            title: t('sale.time'),
            width: 150,
            render: (_, sale) => dayjs(sale.soldAt).tz(timeZone).format(t('formats.dateTime')),
          },
          {
            key: 'goods',
            title: t('sale.goods'),
            ellipsis: true,
            render: (_, sale) => sale.lines.map((line) => `${line.name}×${line.qty}`).join('、'),
          },
          {
            key: 'source',
            title: t('sale.source'),
            width: 110,
            render: (_, sale) =>
              sale.source === 'terminal'
                ? t('sale.sources.terminal', { code: sale.terminalCode ?? '' })
                : (sale.staffName ?? t('sale.sources.manual')),
          },
          {
            key: 'phone',
            title: t('sale.customer'),
            width: 120,
            render: (_, sale) =>
              sale.customerPhone ? maskPhone(sale.customerPhone) : t('common.empty'),
          },
          {
            key: 'total',
            title: t('sale.total'),
            width: 140,
            align: 'right',
            render: (_, sale) => (
              <span>
                <Money fen={sale.totalFen} />
                {sale.discountFen > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    ({t('sale.discountShort')} <Money fen={sale.discountFen} />)
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('common.status'),
            width: 90,
            render: (_, sale) => (
              <Tag color={STATUS_COLORS[sale.status]}>{t(`sale.statuses.${sale.status}`)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
