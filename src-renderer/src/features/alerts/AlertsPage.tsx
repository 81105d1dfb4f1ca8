import { BellOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert as Notice, App, Badge, Button, Card, Segmented, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Alert,
  AlertKind,
  AlertStatus,
  Threshold,
} from '../../../../src-shared/contract/alerts';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { StoreSelect } from '../../ui/StoreSelect';
import { TemplateFormDrawer } from '../coupons/TemplateFormDrawer';
import {
  useAcknowledgeAlert,
  useAlertCounts,
  useAlerts,
  useEvaluateAlerts,
  useSetThresholds,
  useSnoozeAlert,
  useThresholds,
} from './alerts-queries';
import { AlertsTable, type AlertAction } from './AlertsTable';
import {
  askNotificationPermission,
  notificationPermission,
  type NotificationPermissionState,
} from './desktop-notification';
import { CategoryThresholdModal, ThresholdModal, type ThresholdTarget } from './ThresholdModal';
import { ThresholdsTable } from './ThresholdsTable';
import styles from './AlertsPage.module.css';

/** The status filter: open alerts (anything not resolved), or one status. */
type StatusFilter = 'open' | AlertStatus;
const OPEN: AlertStatus[] = ['new', 'acknowledged', 'snoozed'];

type Open =
  | { kind: 'coupon'; alert: Alert; template: 'item' | 'percent' }
  | { kind: 'product'; target: ThresholdTarget }
  | { kind: 'category'; threshold: Threshold | null };

/** Stock alerts and what to do about them, and the thresholds that raise them. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const timeZone = useStoreTimeZone(session.storeId);
  const [storeId, setStoreId] = useState<string | undefined>(session.storeId ?? undefined);
  const [kind, setKind] = useState<AlertKind | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [open, setOpen] = useState<Open | null>(null);
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission);
  const alerts = useAlerts({
    storeId,
    kind: kind === 'all' ? undefined : kind,
    statuses: status === 'open' ? OPEN : [status],
    limit: 200,
  });
  const counts = useAlertCounts(storeId ?? null);
  const thresholds = useThresholds({ storeId });
  const acknowledge = useAcknowledgeAlert();
  const snooze = useSnoozeAlert();
  const evaluate = useEvaluateAlerts();
  const setThresholds = useSetThresholds();

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // The daily pass, now: for a shop that just set thresholds and wants to see their effect.
  const runEvaluation = async () => {
    try {
      const result = await evaluate.mutateAsync({ storeId });
      message.success(t('alerts.evaluated', result));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const onAction = (action: AlertAction, alert: Alert) => {
    switch (action.kind) {
      case 'acknowledge':
        return run(
          () => acknowledge.mutateAsync({ id: alert.id }),
          t('alerts.acknowledged', { name: alert.productName }),
        );
      case 'snooze':
        return run(
          () => snooze.mutateAsync({ id: alert.id, days: action.days }),
          t('alerts.snoozed', { name: alert.productName, days: action.days }),
        );
      case 'coupon':
        return setOpen({ kind: 'coupon', alert, template: action.template });
      case 'thresholds':
        return setOpen({ kind: 'product', target: alert });
    }
  };

  const clearThreshold = (threshold: Threshold) =>
    run(
      () =>
        setThresholds.mutateAsync({
          target: threshold.productId
            ? { productId: threshold.productId, storeId: threshold.storeId ?? '' }
            : { category: threshold.category ?? '', storeId: threshold.storeId },
          lowLevel: null,
          highLevel: null,
          slowDays: null,
        }),
      t('alerts.thresholds.cleared'),
    );

  const editThreshold = (threshold: Threshold) =>
    setOpen(
      threshold.productId && threshold.storeId
        ? {
            kind: 'product',
            target: {
              productId: threshold.productId,
              productName: threshold.productName ?? '',
              storeId: threshold.storeId,
              storeName: threshold.storeName ?? '',
            },
          }
        : { kind: 'category', threshold },
    );

  const statusOptions: { value: StatusFilter; label: string }[] = [
    { value: 'open', label: t('alerts.filters.open') },
    ...(['new', 'acknowledged', 'snoozed', 'resolved'] as const).map((value) => ({
      value,
      label: t(`alertStatuses.${value}`),
    })),
  ];

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('alerts.title')}
        subtitle={t('alerts.subtitle')}
        extra={
          <>
            {permission === 'default' && (
              <Button
                size="large"
                icon={<BellOutlined />}
                onClick={() => void askNotificationPermission().then(setPermission)}
              >
                {t('alerts.notify.enable')}
              </Button>
            )}
            <Button
              size="large"
              icon={<SyncOutlined />}
              loading={evaluate.isPending}
              onClick={() => void runEvaluation()}
            >
              {t('alerts.evaluate')}
            </Button>
          </>
        }
      />
      {permission === 'denied' && (
        <Notice type="info" showIcon title={t('alerts.notify.denied')} closable />
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'alerts',
              label: (
                <Space size={6}>
                  {t('alerts.tabs.alerts')}
                  <Badge count={counts.data?.new ?? 0} size="small" />
                </Space>
              ),
              children: (
                <div className={styles.tab}>
                  <Space wrap>
                    <StoreSelect
                      allowAll
                      value={storeId}
                      onChange={setStoreId}
                      className={styles.store}
                      aria-label={t('stock.filters.store')}
                    />
                    <Segmented<AlertKind | 'all'>
                      value={kind}
                      onChange={setKind}
                      options={[
                        { value: 'all', label: t('alerts.filters.allKinds') },
                        ...(['low_stock', 'slow_moving', 'negative_stock'] as const).map(
                          (value) => ({ value, label: t(`alertKinds.${value}`) }),
                        ),
                      ]}
                    />
                    <Segmented<StatusFilter>
                      value={status}
                      onChange={setStatus}
                      options={statusOptions}
                    />
                  </Space>
                  {alerts.isError ? (
                    <Notice type="error" showIcon title={errorText(alerts.error)} />
                  ) : (
                    <AlertsTable
                      alerts={alerts.data?.items}
                      loading={alerts.isPending}
                      timeZone={timeZone}
                      onAction={(action, alert) => void onAction(action, alert)}
                    />
                  )}
                </div>
              ),
            },
            {
              key: 'thresholds',
              label: t('alerts.tabs.thresholds'),
              children: (
                <div className={styles.tab}>
                  <div className={styles.tabBar}>
                    <Notice
                      type="info"
                      showIcon
                      title={t('alerts.thresholds.howTo')}
                      className={styles.howTo}
                    />
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setOpen({ kind: 'category', threshold: null })}
                    >
                      {t('alerts.thresholds.addCategory')}
                    </Button>
                  </div>
                  <ThresholdsTable
                    thresholds={thresholds.data}
                    loading={thresholds.isPending}
                    onEdit={editThreshold}
                    onClear={(threshold) => void clearThreshold(threshold)}
                  />
                </div>
              ),
            },
          ]}
        />
      </Card>
      {open?.kind === 'coupon' && open.alert.discount && (
        <TemplateFormDrawer
          editing={null}
          prefill={
            open.template === 'item'
              ? open.alert.discount.itemTemplate
              : open.alert.discount.percentTemplate
          }
          onCreated={(template) =>
            void acknowledge
              .mutateAsync({ id: open.alert.id, couponTemplateId: template.id })
              .catch((error: unknown) => message.error(errorText(error)))
          }
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'product' && (
        <ThresholdModal target={open.target} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'category' && (
        <CategoryThresholdModal
          initial={
            open.threshold
              ? {
                  category: open.threshold.category ?? '',
                  storeId: open.threshold.storeId ?? undefined,
                  lowLevel: open.threshold.lowLevel,
                  highLevel: open.threshold.highLevel,
                  slowDays: open.threshold.slowDays,
                }
              : null
          }
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
