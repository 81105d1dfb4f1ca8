import { Typography } from 'antd';
import type { ReactNode } from 'react';
import styles from './PageHeader.module.css';

/** Every page opens the same way: its title, one line on what it is for, and its main actions. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className={styles.header}>
      <div>
        <Typography.Title level={3} className={styles.title}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className={styles.extra}>{extra}</div>}
    </div>
  );
}
