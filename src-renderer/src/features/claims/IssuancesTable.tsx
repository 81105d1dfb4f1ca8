import {
  Button,
  Empty,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issuance, IssuanceStatus } from '../../../../src-shared/contract/claims';
import { claimDatesText } from '../../../../src-shared/slips/claims';
import { QrCode } from '../../ui/QrCode';
import { QrPrintActions } from './QrPrintActions';
import styles from './ClaimQrPage.module.css';

const STATUS_COLORS: Record<IssuanceStatus, string> = {
  active: 'green',
  paused: 'orange',
  ended: 'default',
};

/** The issuance QRs with their codes, how far claims got, and what a manager may do next. */
export function IssuancesTable({
  issuances,
  loading,
  timeZone,
  onStatus,
}: {
  issuances: Issuance[] | undefined;
  loading: boolean;
  timeZone: string;
  onStatus: (issuance: Issuance, status: IssuanceStatus) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Issuance> = [
    {
      key: 'qr',
      title: t('claimQr.columns.qr'),
      width: 112,
      render: (_, issuance) =>
        issuance.url ? (
          <QrCode payload={issuance.url} size={96} alt={issuance.title} />
        ) : (
          <Typography.Text type="secondary">{t('claimQr.noUrl')}</Typography.Text>
        ),
    },
    {
      key: 'issuance',
      title: t('claimQr.columns.issuance'),
      render: (_, issuance) => (
        <div className={styles.issuanceCell}>
          <Typography.Text strong>{issuance.title}</Typography.Text>
          <Typography.Text>{issuance.templateName}</Typography.Text>
          <Typography.Text type="secondary">
            {t('claimQr.perPerson', { count: issuance.perPerson })} ·{' '}
            {issuance.storeName
              ? t('claimQr.storeOnly', { store: issuance.storeName })
              : t('claimQr.allStores')}
          </Typography.Text>
          {issuance.url && (
            <Typography.Text
              className={styles.url}
              copyable={{ text: issuance.url, tooltips: [t('claimQr.copy'), t('claimQr.copied')] }}
              data-testid="issuance-url"
            >
              {issuance.url}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'progress',
      title: t('claimQr.columns.progress'),
      width: 170,
      render: (_, issuance) => (
        <div data-testid="issuance-progress">
          <Progress
            percent={Math.min(100, Math.floor((issuance.claimed / issuance.count) * 100))}
            size="small"
            showInfo={false}
          />
          <div>{t('claimQr.claimedOf', { claimed: issuance.claimed, count: issuance.count })}</div>
          <Typography.Text type="secondary">
            {t('claimQr.columns.redeemed')} {issuance.redeemed}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'dates',
      title: t('claimQr.columns.dates'),
      width: 170,
      render: (_, issuance) =>
        claimDatesText(issuance.startsAt, issuance.endsAt, timeZone) ?? t('claimQr.always'),
    },
    {
      key: 'status',
      title: t('claimQr.columns.status'),
      width: 84,
      render: (_, issuance) => (
        <Tag color={STATUS_COLORS[issuance.status]} data-testid="issuance-status">
          {t(`claimQr.status.${issuance.status}`)}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, issuance) =>
        issuance.status === 'ended' ? null : (
          <div className={styles.actions}>
            <Space size={0}>
              {issuance.status === 'active' ? (
                <Button type="link" onClick={() => onStatus(issuance, 'paused')}>
                  {t('claimQr.actions.pause')}
                </Button>
              ) : (
                <Button type="link" onClick={() => onStatus(issuance, 'active')}>
                  {t('claimQr.actions.resume')}
                </Button>
              )}
              <Popconfirm
                title={t('claimQr.actions.confirmEnd', { title: issuance.title })}
                okText={t('claimQr.actions.end')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onStatus(issuance, 'ended')}
              >
                <Button type="link" danger>
                  {t('claimQr.actions.end')}
                </Button>
              </Popconfirm>
            </Space>
            <QrPrintActions target={{ issuance }} disabled={!issuance.url} />
          </div>
        ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={issuances}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('claimQr.empty')} /> }}
    />
  );
}
