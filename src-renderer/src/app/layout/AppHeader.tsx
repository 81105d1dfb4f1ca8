import { DesktopOutlined, LockOutlined, LogoutOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Divider, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DemoShopTag, useIsDemoShop } from '../../features/settings/demo-shop';
import { SyncIndicator } from '../../features/sync/SyncIndicator';
import { useScreenLock } from '../../session/lock-context';
import { useCurrentSession, useSession } from '../../session/session-context';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { RoleTag } from '../../ui/RoleTag';
import { StaffAvatar } from '../../ui/StaffAvatar';
import styles from './AppLayout.module.css';

/** Where and who: the store, the till, the staff member; and the language, lock and log-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { logout } = useSession();
  const { lock } = useScreenLock();
  const { staff, storeName, terminal } = useCurrentSession();
  const demo = useIsDemoShop();
  return (
    <div className={styles.header}>
      <Space size="middle" className={styles.where}>
        <Typography.Text strong className={styles.storeName} data-testid="header-store">
          <ShopOutlined /> {storeName ?? t('header.allStores')}
        </Typography.Text>
        <Tag icon={<DesktopOutlined />} data-testid="header-terminal">
          {terminal ? t('header.terminal', { code: terminal.code }) : t('header.noTerminal')}
        </Tag>
        {demo && <DemoShopTag />}
      </Space>
      <Space size="middle" separator={<Divider orientation="vertical" />}>
        <SyncIndicator />
        <LanguageSwitch />
        <Space size="small" data-testid="header-staff">
          <StaffAvatar name={staff.name} role={staff.role} size={32} />
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {staff.name}
          </Typography.Text>
          <RoleTag role={staff.role} />
        </Space>
        <Space size="small">
          <Button icon={<LockOutlined />} onClick={lock}>
            {t('header.lock')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
            {t('header.logout')}
          </Button>
        </Space>
      </Space>
    </div>
  );
}
