import { Badge, Menu, type MenuProps } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useNewAlertCount } from '../../features/alerts/alerts-queries';
import { NAV_ITEMS, NAV_SECTIONS, navItemsFor } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import styles from './AppLayout.module.css';

/** The feature menu: only what the current role may open, section by section. */
export function SideNav({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { staff, storeId } = useCurrentSession();
  const pages = navItemsFor(staff.role);
  const menuRef = useRef<HTMLDivElement>(null);
  // New stock alerts are counted beside their menu entry, live.
  const newAlerts = useNewAlertCount(
    storeId,
    pages.some((item) => item.key === 'alerts'),
  );
  const badgeOf = (path: string) => (path === NAV_ITEMS.alerts.path ? newAlerts : 0);
  const selected = '/' + (pathname.split('/')[1] ?? '');

  // The page open now is always in sight in the menu, however short the screen.
  // (The menu's own scroll moves, never the page's: scrollIntoView would move both.)
  useEffect(() => {
    const item = menuRef.current?.querySelector('.ant-menu-item-selected');
    const nav = menuRef.current?.closest('nav');
    if (!item || !nav) return;
    const itemBox = item.getBoundingClientRect();
    const navBox = nav.getBoundingClientRect();
    if (itemBox.top < navBox.top) nav.scrollTop -= navBox.top - itemBox.top;
    else if (itemBox.bottom > navBox.bottom) nav.scrollTop += itemBox.bottom - navBox.bottom;
  }, [selected]);

  const entry = (item: (typeof pages)[number]) => ({
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
  });
  const items = NAV_SECTIONS.flatMap((section): NonNullable<MenuProps['items']> => {
    const entries = pages.filter((item) => item.group === section.group).map(entry);
    if (entries.length === 0) return [];
    if (!section.title) return entries;
    // A collapsed menu shows icons only: its sections are set apart by a rule instead of a title.
    return collapsed
      ? [{ type: 'divider' as const, key: `${section.group}-rule` }, ...entries]
      : [
          {
            type: 'group' as const,
            key: section.group,
            label: t(section.title),
            children: entries,
          },
        ];
  });
  return (
    <div ref={menuRef}>
      <Menu
        mode="inline"
        theme="dark"
        items={items}
        selectedKeys={[selected]}
        onClick={({ key }) => navigate(key)}
        className={styles.menu}
      />
    </div>
  );
}
