import { CloudSyncOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useGivableTemplates } from '../../shop-data/givable-templates';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatFen } from '../../../../src-shared/money';
import type { Task } from '../../../../src-shared/sync/tasks';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStores } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/validation';
import { FundTaskModal } from './FundTaskModal';
import { SiteCodeModal } from './SiteCodeModal';
import { TaskFormModal } from './TaskFormModal';
import { TaskOrdersDrawer } from './TaskOrdersDrawer';
import { TasksTable, type TaskAction } from './TasksTable';
import { ORDERS_PARAM, useCloseTask, usePublishTask, useTasks } from './tasks-queries';
import styles from './TasksPage.module.css';

type Dialog = { kind: 'form'; task: Task | null } | { kind: 'fund' | 'site'; task: Task };

/**
 * 营销 → 打卡任务: check-in tasks kept by the cloud. A draft is written (checked by the shared
 * rules, then by the cloud), funded, published; phones accept it, the orders drawer follows
 * them, the site QR and the till's scan complete them, and closing refunds what is left.
 * Unpaired or offline, the page says so and links to 云端同步.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { storeId } = useCurrentSession();
  const tasks = useTasks();
  const stores = useStores();
  const templates = useGivableTemplates();
  const publish = usePublishTask();
  const close = useCloseTask();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const unpaired = isApiError(tasks.error) && tasks.error.code === 'CLOUD_NOT_PAIRED';
  const ordersOf = tasks.data?.tasks.find((task) => task.id === params.get(ORDERS_PARAM));
  /** A task's times are its store's; a point's, this till's store's. */
  const timeZoneOf = (task: Task) => {
    const id = task.target.kind === 'store' ? task.target.storeId : storeId;
    return (
      stores.data?.find((store) => store.id === id)?.timezone ??
      stores.data?.find((store) => store.id === storeId)?.timezone ??
      DEFAULT_TIME_ZONE
    );
  };

  const onAction = async (task: Task, action: TaskAction) => {
    if (action === 'edit') return setDialog({ kind: 'form', task });
    if (action === 'fund') return setDialog({ kind: 'fund', task });
    if (action === 'siteCode') return setDialog({ kind: 'site', task });
    if (action === 'orders') return setParams({ [ORDERS_PARAM]: task.id });
    try {
      if (action === 'publish') {
        const published = await publish.mutateAsync({ taskId: task.id });
        message.success(t('tasks.published', { title: published.title }));
      } else {
        const closed = await close.mutateAsync({ taskId: task.id });
        message.success(
          t('tasks.closed', { title: closed.title, amount: formatFen(closed.pool.refunded) }),
        );
      }
    } catch (error) {
      message.error(shortText(error) ?? errorText(error));
    }
  };

  /** TASK_POOL_SHORT says how much is missing. */
  const shortText = (error: unknown) => {
    if (!isApiError(error) || error.code !== 'TASK_POOL_SHORT') return null;
    const needed = Number(error.details.neededFen);
    const available = Number(error.details.availableFen);
    if (!Number.isFinite(needed) || !Number.isFinite(available)) return null;
    return t('tasks.poolShort', {
      needed: formatFen(needed),
      available: formatFen(available),
      missing: formatFen(Math.max(0, needed - available)),
    });
  };

  const goToSync = (
    <Button icon={<CloudSyncOutlined />} onClick={() => void navigate(NAV_ITEMS.sync.path)}>
      {t('tasks.goToSync')}
    </Button>
  );

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        extra={
          <>
            <Button
              size="large"
              icon={<ReloadOutlined />}
              loading={tasks.isFetching}
              onClick={() => void tasks.refetch()}
            >
              {t('tasks.refresh')}
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined />}
              disabled={!tasks.data}
              onClick={() => setDialog({ kind: 'form', task: null })}
            >
              {t('tasks.add')}
            </Button>
          </>
        }
      />
      {unpaired ? (
        <Alert
          type="info"
          showIcon
          data-testid="tasks-need-cloud"
          title={t('tasks.notPairedTitle')}
          description={
            <>
              {t('tasks.notPairedText')}
              <div className={styles.alertAction}>{goToSync}</div>
            </>
          }
        />
      ) : (
        tasks.isError && (
          <Alert
            type="error"
            showIcon
            data-testid="tasks-cloud-error"
            title={t('tasks.unreachableTitle')}
            description={
              <>
                {errorText(tasks.error)}
                <div className={styles.alertAction}>{goToSync}</div>
              </>
            }
          />
        )
      )}
      {!tasks.isError && (
        <Card title={t('tasks.list')}>
          <TasksTable
            tasks={tasks.data?.tasks}
            loading={tasks.isPending}
            stores={stores.data}
            templates={templates.all}
            timeZoneOf={timeZoneOf}
            onAction={(task, action) => void onAction(task, action)}
          />
        </Card>
      )}
      {dialog?.kind === 'form' && (
        <TaskFormModal task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'fund' && (
        <FundTaskModal task={dialog.task} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'site' && (
        <SiteCodeModal
          task={dialog.task}
          timeZone={timeZoneOf(dialog.task)}
          onClose={() => setDialog(null)}
        />
      )}
      {ordersOf && (
        <TaskOrdersDrawer
          task={ordersOf}
          timeZone={timeZoneOf(ordersOf)}
          onClose={() => setParams({})}
        />
      )}
    </div>
  );
}
