import { App, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInvalidateOnEvent } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { ORDERS_PARAM } from './tasks-queries';

/**
 * 可能迟到: an order whose arrival estimate is after its task's deadline (pulled from the cloud
 * by a sync round) is said in the corner of whatever page is open, with a link to the task's
 * orders; the tasks' counts refresh.
 */
export function TaskLateNotifier() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  useInvalidateOnEvent('tasks.lateRisk', ['tasks.list', 'tasks.orders']);

  useApiEvent('tasks.lateRisk', (risk) => {
    const key = `task-late-${risk.orderId}`;
    notification.warning({
      key,
      title: t('tasks.notify.title', { title: risk.title }),
      description:
        risk.estimatedArrivalAt === null
          ? t('tasks.notify.bodyNoEstimate', { phone: risk.phoneMasked })
          : t('tasks.notify.body', {
              phone: risk.phoneMasked,
              time: dayjs(risk.estimatedArrivalAt).tz(timeZone).format('HH:mm'),
            }),
      placement: 'bottomRight',
      duration: 15,
      actions: (
        <Button
          size="small"
          type="primary"
          onClick={() => {
            notification.destroy(key);
            void navigate(`${NAV_ITEMS.tasks.path}?${ORDERS_PARAM}=${risk.taskId}`);
          }}
        >
          {t('tasks.notify.open')}
        </Button>
      ),
    });
  });
  return null;
}
