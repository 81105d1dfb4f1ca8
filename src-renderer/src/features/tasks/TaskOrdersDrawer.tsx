import {
  Alert,
  Drawer,
  Empty,
  Segmented,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  taskOrderStateSchema,
  type MerchantTaskOrder,
  type Task,
  type TaskOrderState,
} from '../../../../src-shared/sync/tasks';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import styles from './TasksPage.module.css';

const STATES = taskOrderStateSchema.options;
const STATE_COLORS: Record<TaskOrderState, string> = {
  accepted: 'blue',
  checkedIn: 'cyan',
  verified: 'green',
  lapsed: 'default',
};

/**
 * A task's orders (phones masked), by state, with the funnel 接单 → 打卡 → 核验: each step
 * counts the orders that got at least that far (a verified order was accepted, and is counted
 * as checked in too: the till's scan is the later step); lapsed ones are said apart.
 */
export function TaskOrdersDrawer({
  task,
  timeZone,
  onClose,
}: {
  task: Task;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<TaskOrderState | 'all'>('all');
  const orders = useApiQuery(
    'tasks.orders',
    { taskId: task.id, ...(state === 'all' ? {} : { state }) },
    { refetchOnMount: 'always' },
  );
  const count = (s: TaskOrderState) => task.orders[s] ?? 0;
  const total = STATES.reduce((sum, s) => sum + count(s), 0);
  const time = (at: number | null) =>
    at === null ? null : dayjs(at).tz(timeZone).format(t('formats.shortDateTime'));

  const columns: TableColumnsType<MerchantTaskOrder> = [
    {
      key: 'phone',
      title: t('tasks.orders.phone'),
      width: 130,
      render: (_, order) => <span className={styles.phone}>{order.phoneMasked}</span>,
    },
    {
      key: 'state',
      title: t('tasks.orders.state'),
      width: 190,
      render: (_, order) => (
        <span data-testid="order-state">
          <Tag color={STATE_COLORS[order.state]}>{t(`tasks.orders.states.${order.state}`)}</Tag>
          {order.lateRisk && <Tag color="red">{t('tasks.orders.lateRisk')}</Tag>}
          {order.flagged && (
            <Tooltip title={t('tasks.orders.flaggedHelp')}>
              <Tag color="volcano">{t('tasks.orders.flagged')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      key: 'arrival',
      title: t('tasks.orders.arrival'),
      width: 110,
      render: (_, order) => time(order.estimatedArrivalAt) ?? t('common.empty'),
    },
    {
      key: 'distance',
      title: t('tasks.orders.distance'),
      width: 100,
      render: (_, order) =>
        order.distanceM === null
          ? t('common.empty')
          : order.distanceM >= 1000
            ? t('tasks.orders.km', { count: Number((order.distanceM / 1000).toFixed(1)) })
            : t('tasks.orders.metres', { count: order.distanceM }),
    },
    {
      key: 'times',
      title: t('tasks.orders.times'),
      render: (_, order) => (
        <div className={styles.cell}>
          <span>{t('tasks.orders.acceptedAt', { time: time(order.acceptedAt) })}</span>
          {(['checkedIn', 'verified', 'lapsed'] as const).map((step) => {
            const at = order[`${step}At`];
            return at === null ? null : (
              <Typography.Text key={step} type="secondary">
                {t(`tasks.orders.${step}At`, { time: time(at) })}
              </Typography.Text>
            );
          })}
        </div>
      ),
    },
  ];

  return (
    <Drawer
      open
      title={t('tasks.orders.title', { title: task.title })}
      size={860}
      onClose={onClose}
      destroyOnHidden
    >
      <div className={styles.funnel}>
        <Typography.Text strong data-testid="orders-funnel">
          {t('tasks.orders.funnel', {
            accepted: total,
            checkedIn: count('checkedIn') + count('verified'),
            verified: count('verified'),
            lapsed: count('lapsed'),
          })}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('tasks.orders.deadline', {
            time: time(task.deadlineAt),
            radius: task.radiusM,
          })}
        </Typography.Text>
      </div>
      <Segmented<TaskOrderState | 'all'>
        className={styles.funnel}
        value={state}
        onChange={setState}
        options={[
          { value: 'all', label: `${t('tasks.orders.all')} ${total}` },
          ...STATES.map((s) => ({
            value: s,
            label: `${t(`tasks.orders.states.${s}`)} ${count(s)}`,
          })),
        ]}
      />
      {orders.isError ? (
        <Alert type="error" showIcon title={errorText(orders.error)} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={orders.data?.orders}
          loading={orders.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('tasks.orders.empty')} /> }}
          data-testid="orders-table"
        />
      )}
    </Drawer>
  );
}
