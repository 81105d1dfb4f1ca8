import { MenuFoldOutlined, MenuUnfoldOutlined, ShopFilled } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AlertNotifier } from '../../features/alerts/AlertNotifier';
import { DemoShopBar, useIsDemoShop } from '../../features/settings/demo-shop';
import { TaskLateNotifier } from '../../features/tasks/TaskLateNotifier';
import { navItemsFor } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import styles from './AppLayout.module.css';

/** The frame of every page behind the login: feature menu on the left, who/where on top. */
export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const { staff } = useCurrentSession();
  const { pathname } = useLocation();
  const demo = useIsDemoShop();
  // A page opens at its top, not at the scroll position of the page before.
  // Before the new page is painted, and once more after it (a page that renders its content a
  // frame later must not keep the old scroll).
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
    const again = requestAnimationFrame(() => window.scrollTo(0, 0));
    return () => cancelAnimationFrame(again);
  }, [pathname]);
  // Those who handle stock alerts hear of new ones on any page.
  const pages = navItemsFor(staff.role);
  const hearsAlerts = pages.some((item) => item.key === 'alerts');
  // And those who run check-in tasks hear of phones that may arrive late.
  const hearsTasks = pages.some((item) => item.key === 'tasks');
  return (
    <Layout className={styles.layout}>
      {hearsAlerts && <AlertNotifier />}
      {hearsTasks && <TaskLateNotifier />}
      <Layout.Sider width={216} collapsedWidth={72} collapsed={collapsed}>
        {/* The sider grows with the page; its content stays in view while the page scrolls. */}
        <div className={styles.siderContent}>
          <div className={styles.brand}>
            <span className={styles.logo}>
              <ShopFilled />
            </span>
            {!collapsed && (
              <Typography.Text className={styles.brandName}>{t('app.name')}</Typography.Text>
            )}
          </div>
          <nav aria-label={t('nav.menu')} className={styles.nav}>
            <SideNav collapsed={collapsed} />
          </nav>
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.headerBar}>
          <Button
            type="text"
            className={styles.collapse}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            onClick={() => setCollapsed((value) => !value)}
          />
          <AppHeader />
        </Layout.Header>
        <Layout.Content className={styles.content}>
          {demo && <DemoShopBar />}
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
