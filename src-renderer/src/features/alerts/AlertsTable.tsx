import { DownOutlined, GiftOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alert } from '../../../../src-shared/contract/alerts';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { alertAdvice, alertCause, KIND_COLORS } from './alert-text';
import styles from './AlertsPage.module.css';

export const SNOOZE_DAYS = [1, 3, 7] as const;

export type AlertAction =
  | { kind: 'acknowledge' }
  | { kind: 'snooze'; days: number }
  | { kind: 'coupon'; template: 'item' | 'percent' }
  | { kind: 'thresholds' };

const STATUS_COLORS = {
  new: 'red',
  acknowledged: 'green',
  snoozed: 'gold',
  resolved: 'default',
} as const;

interface AlertsTableProps {
  alerts: Alert[] | undefined;
  loading: boolean;
  timeZone: string;
  onAction: (action: AlertAction, alert: Alert) => void;
}

export function AlertsTable({ alerts, loading, timeZone, onAction }: AlertsTableProps) {
  const { t } = useTranslation();
  const when = (at: number) => dayjs(at).tz(timeZone).format(t('formats.shortDateTime'));
  const columns: TableColumnsType<Alert> = [
    {
      key: 'kind',
      title: t('alerts.columns.kind'),
      width: 100,
      render: (_, alert) => (
        <Space orientation="vertical" size={4}>
          <Tag color={KIND_COLORS[alert.kind]}>{t(`alertKinds.${alert.kind}`)}</Tag>
          {alert.priceMayRise && <Tag color="volcano">{t('alerts.priceMayRise')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'product',
      title: t('alerts.columns.product'),
      render: (_, alert) => (
        <div className={styles.cell}>
          <Typography.Text strong>{alert.productName}</Typography.Text>
          <Typography.Text type="secondary">
            {alert.sku} · {alert.storeName}
          </Typography.Text>
          <Typography.Text>{alertCause(t, alert)}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'advice',
      title: t('alerts.columns.advice'),
      width: 260,
      render: (_, alert) => {
        const advice = alertAdvice(t, alert);
        return (
          <div className={styles.cell}>
            <Typography.Text strong className={styles.advice}>
              {advice.main}
            </Typography.Text>
            {advice.detail && <Typography.Text type="secondary">{advice.detail}</Typography.Text>}
          </div>
        );
      },
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 150,
      render: (_, alert) => (
        <div className={styles.cell}>
          <span>
            <Tag color={STATUS_COLORS[alert.status]}>{t(`alertStatuses.${alert.status}`)}</Tag>
          </span>
          <Typography.Text type="secondary" className={styles.small}>
            {alert.status === 'snoozed' && alert.snoozedUntil
              ? t('alerts.snoozedUntil', { at: when(alert.snoozedUntil) })
              : alert.status === 'acknowledged' && alert.acknowledgedByName
                ? t('alerts.acknowledgedBy', { name: alert.acknowledgedByName })
                : alert.status === 'resolved' && alert.resolvedAt
                  ? t('alerts.resolvedAt', { at: when(alert.resolvedAt) })
                  : t('alerts.raisedAt', { at: when(alert.raisedAt) })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 240,
      render: (_, alert) => (
        <AlertActions alert={alert} onAction={(action) => onAction(action, alert)} />
      ),
    },
  ];
  return (
    <Table<Alert>
      rowKey="id"
      columns={columns}
      dataSource={alerts}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(alert) => (alert.status === 'new' ? (styles.newRow ?? '') : '')}
      locale={{ emptyText: t('alerts.empty') }}
    />
  );
}

function AlertActions({
  alert,
  onAction,
}: {
  alert: Alert;
  onAction: (action: AlertAction) => void;
}) {
  const { t } = useTranslation();
  const open = alert.status !== 'resolved';
  return (
    <div className={styles.actions}>
      {alert.kind === 'slow_moving' && alert.discount && open && !alert.couponTemplateId && (
        <Space.Compact size="small">
          <Button
            type="primary"
            size="small"
            icon={<GiftOutlined />}
            onClick={() => onAction({ kind: 'coupon', template: 'item' })}
          >
            {t('alerts.actions.itemCoupon')}
          </Button>
          <Dropdown
            menu={{
              items: [{ key: 'percent', label: t('alerts.actions.percentCoupon') }],
              onClick: () => onAction({ kind: 'coupon', template: 'percent' }),
            }}
          >
            <Button
              type="primary"
              size="small"
              icon={<DownOutlined />}
              aria-label={t('alerts.actions.moreCoupons')}
            />
          </Dropdown>
        </Space.Compact>
      )}
      {alert.couponTemplateId && (
        <Link to={NAV_ITEMS.coupons.path}>
          <GiftOutlined /> {t('alerts.couponMade')}
        </Link>
      )}
      <Space size={0} wrap>
        {alert.status === 'new' && (
          <Button type="link" size="small" onClick={() => onAction({ kind: 'acknowledge' })}>
            {t('alerts.actions.acknowledge')}
          </Button>
        )}
        {open && (
          <Dropdown
            menu={{
              items: SNOOZE_DAYS.map((days) => ({
                key: String(days),
                label: t('alerts.actions.snoozeDays', { days }),
              })),
              onClick: ({ key }) => onAction({ kind: 'snooze', days: Number(key) }),
            }}
          >
            <Button type="link" size="small">
              {t('alerts.actions.snooze')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        <Button type="link" size="small" onClick={() => onAction({ kind: 'thresholds' })}>
          {t('alerts.actions.thresholds')}
        </Button>
      </Space>
    </div>
  );
}
