import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useApiEvent } from '../../api/use-api-event';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { showDesktopNotification } from './desktop-notification';

/**
 * Says so when a new stock alert comes up, whatever page is open: a desktop notification when
 * the user allowed them, else a notice in the corner of the app (not over the alerts list).
 */
export function AlertNotifier() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const openAlerts = () => void navigate(NAV_ITEMS.alerts.path);

  useApiEvent('alerts.changed', ({ raised }) => {
    for (const alert of raised) {
      const title = t('alerts.notify.title', { kind: t(`alertKinds.${alert.kind}`) });
      const body = t('alerts.notify.body', { product: alert.productName, store: alert.storeName });
      const shown = showDesktopNotification(title, {
        body,
        tag: `storedesk-alert-${alert.id}`,
        onClick: openAlerts,
      });
      // On the alerts page the list itself shows the new alert.
      if (!shown && pathname !== NAV_ITEMS.alerts.path)
        notification.warning({
          key: alert.id,
          title,
          description: body,
          placement: 'bottomRight',
          // Long enough to be noticed; the badge in the menu keeps counting after it goes.
          duration: 10,
          actions: (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                notification.destroy(alert.id);
                openAlerts();
              }}
            >
              {t('alerts.notify.open')}
            </Button>
          ),
        });
    }
  });
  return null;
}
