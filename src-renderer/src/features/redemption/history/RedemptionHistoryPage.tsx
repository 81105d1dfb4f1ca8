import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Redemption } from '../../../../../src-shared/contract/redemption';
import { maskPhone } from '../../../../../src-shared/phone';
import { useApi } from '../../../api/api-context';
import { downloadBlob } from '../../../files/download';
import { useErrorText } from '../../../i18n/error-text';
import { useScanHandler } from '../../../scanning/scanner-context';
import { useCurrentSession } from '../../../session/session-context';
import { useStores, useStoreTimeZone } from '../../../shop-data/stores';
import { Money } from '../../../ui/Money';
import { PageHeader } from '../../../ui/PageHeader';
import { useNow } from '../../../ui/use-now';
import { useTemplates } from '../../coupons/coupons-queries';
import { useStaffList } from '../../staff/staff-queries';
import { useRedemptions, type RedemptionFilters } from '../redemption-queries';
import { VoidRedemptionDialog } from '../VoidRedemptionDialog';
import { historyCsv } from './history-csv';
import { HistoryFiltersBar } from './HistoryFiltersBar';
import styles from './RedemptionHistoryPage.module.css';

/** Every redemption with who, where and how much; filtered, exported, voided by a manager. */
export function RedemptionHistoryPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { storeId } = useCurrentSession();
  const [filters, setFilters] = useState<RedemptionFilters>({});
  const [voiding, setVoiding] = useState<Redemption | null>(null);
  const history = useRedemptions(filters);
  const stores = useStores();
  const staff = useStaffList(true);
  const templates = useTemplates();
  const timeZone = useStoreTimeZone(storeId);
  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];
  const timeZoneOf = (row: Redemption) =>
    stores.data?.find((store) => store.id === row.storeId)?.timezone ?? timeZone;
  const time = (row: Redemption, ms: number) =>
    dayjs(ms).tz(timeZoneOf(row)).format(t('formats.dateTime'));

  // A scanned coupon on this page: its redemptions.
  useScanHandler((code) => {
    setFilters({ code });
    return { ok: true, message: t('history.scanned', { code }) };
  });

  const api = useApi();
  const { message } = App.useApp();
  const now = useNow();
  const [exporting, setExporting] = useState(false);
  const voidWindowMinutes = history.data?.pages[0]?.voidWindowMinutes ?? null;

  // Every row that matches the filters, not only the pages loaded: read page by page.
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all: Redemption[] = [];
      let before: string | undefined;
      do {
        const page = await api.call('redemption.list', { ...filters, before, limit: 500 });
        all.push(...page.items);
        before = page.nextBefore ?? undefined;
        message.open({
          key: 'history-export',
          type: 'loading',
          content: t('history.exporting', { count: all.length }),
        });
      } while (before);
      downloadBlob(
        historyCsv(t, all, timeZone),
        `redemptions-${dayjs().tz(timeZone).format('YYYYMMDD-HHmm')}.csv`,
      );
      message.open({
        key: 'history-export',
        type: 'success',
        content: t('history.exported', { count: all.length }),
      });
    } catch (error) {
      message.open({ key: 'history-export', type: 'error', content: errorText(error) });
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Redemption> = [
    {
      key: 'time',
      title: t('history.columns.time'),
      width: 110,
      render: (_, row) => {
        const at = dayjs(row.createdAt).tz(timeZoneOf(row));
        return (
          <div className={styles.stacked}>
            <span>{at.format('YYYY-MM-DD')}</span>
            <Typography.Text type="secondary">{at.format('HH:mm:ss')}</Typography.Text>
          </div>
        );
      },
    },
    {
      key: 'coupon',
      title: t('history.columns.coupon'),
      render: (_, row) => (
        <div className={styles.stacked}>
          <Typography.Text strong>{row.templateName}</Typography.Text>
          <span className={styles.codeCell}>{row.display}</span>
        </div>
      ),
    },
    {
      key: 'where',
      title: t('history.columns.where'),
      width: 200,
      render: (_, row) => (
        <div className={styles.stacked}>
          <span>{row.storeName}</span>
          <Typography.Text type="secondary">
            {[row.terminalCode, row.staffName].filter(Boolean).join(' · ') || t('common.empty')}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'customer',
      title: t('history.columns.customer'),
      width: 120,
      render: (_, row) => (row.customerPhone ? maskPhone(row.customerPhone) : t('common.empty')),
    },
    {
      key: 'subtotal',
      title: t('history.columns.subtotal'),
      width: 100,
      align: 'right',
      render: (_, row) => <Money fen={row.subtotalFen} />,
    },
    {
      key: 'discount',
      title: t('history.columns.discount'),
      width: 90,
      align: 'right',
      render: (_, row) => <Money fen={row.discountFen} className={styles.discount} />,
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 88,
      render: (_, row) =>
        row.status === 'voided' ? (
          <Tooltip
            title={t('history.voidedDetail', {
              at: row.voidedAt ? time(row, row.voidedAt) : '',
              by: row.voidedByName ?? '',
              reason: row.voidReason ?? '',
            })}
          >
            <Tag>{t('history.status.voided')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">{t('history.status.completed')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      // 撤销 only while the ledger would accept it, with the minutes left.
      render: (_, row) =>
        row.voidableUntil !== null &&
        now < row.voidableUntil && (
          <div className={styles.stacked}>
            <Button type="link" danger icon={<UndoOutlined />} onClick={() => setVoiding(row)}>
              {t('history.void')}
            </Button>
            <Typography.Text type="secondary" className={styles.timeLeft}>
              {t('history.voidTimeLeft', {
                minutes: Math.max(1, Math.ceil((row.voidableUntil - now) / 60_000)),
              })}
            </Typography.Text>
          </div>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('history.title')}
        subtitle={
          voidWindowMinutes === null
            ? t('history.subtitle')
            : t('history.subtitleWindow', { minutes: voidWindowMinutes })
        }
        extra={
          <Button
            size="large"
            icon={<DownloadOutlined />}
            disabled={rows.length === 0}
            loading={exporting}
            onClick={() => void exportCsv()}
          >
            {t('history.exportCsv')}
          </Button>
        }
      />
      <Card>
        <HistoryFiltersBar
          filters={filters}
          onChange={setFilters}
          stores={stores.data ?? []}
          staff={staff.data ?? []}
          templates={templates.data ?? []}
          timeZone={timeZone}
        />
        {history.isError && <Alert type="error" showIcon title={errorText(history.error)} />}
        <Table
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={history.isPending}
          pagination={false}
          scroll={{ x: 960 }}
          rowClassName={(row) => (row.status === 'voided' ? (styles.voidedRow ?? '') : '')}
          locale={{ emptyText: <Empty description={t('history.empty')} /> }}
        />
        <div className={styles.footer}>
          <Typography.Text type="secondary">
            {history.hasNextPage
              ? t('history.loaded', { count: rows.length })
              : t('history.noMore', { count: rows.length })}
          </Typography.Text>
          {history.hasNextPage && (
            <Button
              size="large"
              loading={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {t('history.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      {voiding && (
        <VoidRedemptionDialog
          redemption={voiding}
          timeZone={timeZoneOf(voiding)}
          onClose={() => setVoiding(null)}
        />
      )}
    </>
  );
}
