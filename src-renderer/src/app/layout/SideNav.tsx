import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useNewAlertCount } from '../../features/alerts/alerts-queries';
import { NAV_ITEMS, navItemsFor, UPCOMING_NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import styles from './AppLayout.module.css';

/** The feature menu: only what the current role may open, then the features still to come (greyed). */
export function SideNav({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { staff, storeId } = useCurrentSession();
  const pages = navItemsFor(staff.role);
  // New stock alerts are counted beside their menu entry, live.
  const newAlerts = useNewAlertCount(
    storeId,
    pages.some((item) => item.key === 'alerts'),
  );
  const badgeOf = (path: string) => (path === NAV_ITEMS.alerts.path ? newAlerts : 0);

  const items: MenuProps['items'] = [
    ...pages.map((item) => ({
      key: item.path,
      icon: item.icon,
      label: badgeOf(item.path) ? (
        <span className={styles.badged}>
          {t(item.label)}
          <Badge count={badgeOf(item.path)} size="small" data-testid={`nav-badge-${item.key}`} />
        </span>
      ) : (
        t(item.label)
      ),
    })),
    { type: 'divider' },
    {
      type: 'group',
      key: 'upcoming',
      label: collapsed ? null : t('nav.upcoming'),
      children: UPCOMING_NAV_ITEMS.map((item) => ({
        key: item.key,
        icon: item.icon,
        disabled: true,
        label: t(item.label),
      })),
    },
  ];
  const selected = '/' + (pathname.split('/')[1] ?? '');
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={[selected]}
      onClick={({ key }) => navigate(key)}
      className={styles.menu}
    />
  );
}
