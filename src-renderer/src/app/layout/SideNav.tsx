import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentSession } from '../session/session-context';
import { navItemsFor, UPCOMING_NAV_ITEMS } from './navigation';
import styles from './AppLayout.module.css';

/** The feature menu: only what the current role may open, then the features still to come (greyed). */
export function SideNav({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { staff } = useCurrentSession();

  const items: MenuProps['items'] = [
    ...navItemsFor(staff.role).map((item) => ({
      key: item.path,
      icon: item.icon,
      label: t(item.label),
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
