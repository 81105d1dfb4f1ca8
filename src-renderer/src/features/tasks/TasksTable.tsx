import {
  Badge,
  Button,
  Empty,
  Popconfirm,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task, TaskPool } from '../../../../src-shared/sync/tasks';
import type { CouponTemplate } from '../../../../src-shared/contract/coupons';
import type { Store } from '../../../../src-shared/contract/stores';
import { formatFen } from '../../../../src-shared/money';
import { Money } from '../../ui/Money';
import styles from './TasksPage.module.css';

const STATUS_COLORS: Record<Task['status'], string> = {
  draft: 'default',
  published: 'green',
  closed: 'default',
};

/** The pool's lines, in the order money moves through it. */
const POOL_LINES = ['funded', 'available', 'reserved', 'released', 'refunded'] as const;

/** Every order a task took, whatever became of it. */
const orderCount = (task: Task) => Object.values(task.orders).reduce((sum, n) => sum + n, 0);

export type TaskAction = 'edit' | 'fund' | 'publish' | 'close' | 'orders' | 'siteCode';

/** What a manager may do with a task in each state. */
const ACTIONS: Record<Task['status'], TaskAction[]> = {
  draft: ['edit', 'fund', 'publish', 'close'],
  published: ['edit', 'fund', 'orders', 'siteCode', 'close'],
  closed: ['orders'],
};

/** The tasks with their targets, rewards, places, pools and orders, and what to do next. */
export function TasksTable({
  tasks,
  loading,
  stores,
  templates,
  timeZoneOf,
  onAction,
}: {
  tasks: Task[] | undefined;
  loading: boolean;
  stores: Store[] | undefined;
  templates: CouponTemplate[] | undefined;
  /** Each task's times are its store's. */
  timeZoneOf: (task: Task) => string;
  onAction: (task: Task, action: TaskAction) => void;
}) {
  const { t } = useTranslation();
  const time = (task: Task, at: number) =>
    dayjs(at).tz(timeZoneOf(task)).format(t('formats.shortDateTime'));

  const targetText = (task: Task) => {
    const { target } = task;
    if (target.kind === 'store') {
      const store = stores?.find((s) => s.id === target.storeId);
      return store ? t('tasks.target.store', { name: store.name }) : t('tasks.target.storeUnknown');
    }
    return t('tasks.target.point', {
      label: target.label,
      lat: target.lat,
      lng: target.lng,
      system: t(`tasks.form.systemsShort.${target.system}`),
    });
  };

  const rewardText = (task: Task) => {
    const { reward } = task;
    if (reward.kind === 'coupon') {
      const name = templates?.find((template) => template.id === reward.templateId)?.name;
      return name ? t('tasks.reward.coupon', { name }) : t('tasks.reward.couponUnknown');
    }
    if (reward.kind === 'cashback')
      return t('tasks.reward.cashback', { amount: formatFen(reward.valueFen) });
    return t('tasks.reward.points', { points: reward.points, amount: formatFen(reward.valueFen) });
  };

  const columns: TableColumnsType<Task> = [
    {
      key: 'task',
      title: t('tasks.columns.task'),
      render: (_, task) => (
        <div className={styles.cell}>
          <Typography.Text strong>{task.title}</Typography.Text>
          {task.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: task.description }}>
              {task.description}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t('tasks.perPerson', { count: task.perPerson })} ·{' '}
            {task.onSiteRequired ? t('tasks.onSite') : t('tasks.noOnSite')}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'target',
      title: t('tasks.columns.target'),
      width: 150,
      render: (_, task) => (
        <div className={styles.cell}>
          <span>{targetText(task)}</span>
          <Typography.Text type="secondary">
            {t('tasks.radius', { radius: task.radiusM })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'deadline',
      title: t('tasks.columns.deadline'),
      width: 124,
      render: (_, task) => (
        <div className={styles.cell}>
          <span>{time(task, task.deadlineAt)}</span>
          <Typography.Text type="secondary">
            {t('tasks.startsAt', { time: time(task, task.startsAt) })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'reward',
      title: t('tasks.columns.reward'),
      width: 130,
      render: (_, task) => rewardText(task),
    },
    {
      key: 'places',
      title: t('tasks.columns.places'),
      width: 84,
      render: (_, task) => (
        <span data-testid="task-places">
          {t('tasks.placesOf', { left: task.placesLeft, places: task.places })}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('tasks.columns.status'),
      width: 140,
      render: (_, task) => (
        <div className={styles.cell}>
          <Tag color={STATUS_COLORS[task.status]} data-testid="task-status">
            {t(`tasks.status.${task.status}`)}
          </Tag>
          {task.status !== 'draft' && (
            <Typography.Text type="secondary" className={styles.small}>
              {t('tasks.ordersSummary', {
                accepted: orderCount(task),
                checkedIn: (task.orders.checkedIn ?? 0) + (task.orders.verified ?? 0),
                verified: task.orders.verified ?? 0,
              })}
            </Typography.Text>
          )}
          {task.lateRisk > 0 && (
            <span className={styles.lateRisk} data-testid="task-late-risk">
              <Badge count={task.lateRisk} size="small" />
              <Typography.Text type="danger">{t('tasks.orders.lateRisk')}</Typography.Text>
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'pool',
      title: t('tasks.columns.pool'),
      width: 150,
      render: (_, task) => <PoolLines pool={task.pool} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, task) => (
        <div className={styles.actions}>
          {ACTIONS[task.status].map((action) => (
            <ActionButton key={action} task={task} action={action} onAction={onAction} />
          ))}
        </div>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      // The widths hold: a long description is cut (its tooltip has it all), not the columns.
      tableLayout="fixed"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
    />
  );
}

/** 已充值 / 可用 / 已占用 / 已发放 / 已退回 (and 待到账 while a transfer waits), in ¥. */
function PoolLines({ pool }: { pool: TaskPool }) {
  const { t } = useTranslation();
  const lines = pool.pending > 0 ? [...POOL_LINES, 'pending' as const] : POOL_LINES;
  return (
    <dl className={styles.pool} data-testid="task-pool">
      {lines.map((line) => (
        <div key={line} className={styles.poolLine} data-testid={`pool-${line}`}>
          <dt>{t(`tasks.pool.${line}`)}</dt>
          <dd>
            <Money fen={pool[line]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ActionButton({
  task,
  action,
  onAction,
}: {
  task: Task;
  action: TaskAction;
  onAction: (task: Task, action: TaskAction) => void;
}) {
  const { t } = useTranslation();
  const label = t(`tasks.actions.${action}`);
  if (action === 'publish' || action === 'close') {
    const confirm =
      action === 'publish'
        ? t('tasks.actions.confirmPublish', { title: task.title })
        : t('tasks.actions.confirmClose', {
            title: task.title,
            // What is left once the open orders lapse: the free money and what they held.
            amount: formatFen(task.pool.available + task.pool.reserved),
          });
    return (
      <Popconfirm
        title={confirm}
        okText={label}
        okButtonProps={{ danger: action === 'close' }}
        cancelText={t('common.cancel')}
        styles={{ root: { maxWidth: 360 } }}
        onConfirm={() => onAction(task, action)}
      >
        <Button type="link" size="small" danger={action === 'close'}>
          {label}
        </Button>
      </Popconfirm>
    );
  }
  return (
    <Button type="link" size="small" onClick={() => onAction(task, action)}>
      {label}
    </Button>
  );
}
