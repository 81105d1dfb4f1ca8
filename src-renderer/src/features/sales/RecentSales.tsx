import { Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { Sale } from '../../../../src-shared/contract/sales';
import { maskPhone } from '../../../../src-shared/phone';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import { ReturnDialog } from './ReturnDialog';
import { useRecentSales } from './sales-queries';

const STATUS_COLORS: Record<Sale['status'], string> = {
  completed: 'green',
  partly_returned: 'orange',
  returned: 'default',
};

/** The store's latest sales, from this screen and from the POS terminals alike; managers take goods back. */
export function RecentSales({ storeId }: { storeId: string | undefined }) {
  const { t } = useTranslation();
  const timeZone = useStoreTimeZone(storeId);
  const sales = useRecentSales(storeId);
  const { staff } = useCurrentSession();
  const manager = (MANAGERS as readonly Role[]).includes(staff.role);
  const [returning, setReturning] = useState<Sale | null>(null);
  return (
    <Card title={t('sale.recent')} styles={{ body: { padding: 0 } }}>
      {returning && <ReturnDialog sale={returning} onClose={() => setReturning(null)} />}
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
            width: 180,
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
                : sale.source === 'import'
                  ? t('sale.sources.import')
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
          ...(manager
            ? [
                {
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, sale: Sale) =>
                    sale.status !== 'returned' && (
                      <Button type="link" size="small" onClick={() => setReturning(sale)}>
                        {t('sale.returns.open')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
