import { ShopFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import styles from './WelcomeShell.module.css';

/** The frame of the screens before the app: first-run wizard and login. */
export function WelcomeShell({
  subtitle,
  children,
}: {
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <div className={styles.brand}>
          <span className={styles.logo}>
            <ShopFilled />
          </span>
          <div>
            <div className={styles.name}>{t('app.name')}</div>
            <Typography.Text className={styles.subtitle}>
              {subtitle ?? t('app.tagline')}
            </Typography.Text>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
