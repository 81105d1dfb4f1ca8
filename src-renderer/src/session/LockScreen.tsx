import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useErrorText } from '../i18n/error-text';
import { PinPad } from '../ui/PinPad';
import { RoleTag } from '../ui/RoleTag';
import { StaffAvatar } from '../ui/StaffAvatar';
import { useCurrentSession, useSession } from './session-context';
import styles from './LockScreen.module.css';

/** Covers the app until the same staff member enters their PIN, or someone else logs in. */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const { logout } = useSession();
  const { staff } = useCurrentSession();
  const [error, setError] = useState<string | null>(null);

  const unlock = async (pin: string) => {
    try {
      await api.call('auth.unlock', { pin });
      onUnlocked();
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <div className={styles.overlay} role="dialog" aria-modal="true" aria-label={t('lock.title')}>
      <Card className={styles.card}>
        <Space orientation="vertical" align="center" size="middle" className={styles.content}>
          <Typography.Title level={3} className={styles.title}>
            <LockOutlined /> {t('lock.title')}
          </Typography.Title>
          <Space size="middle" align="center">
            <StaffAvatar name={staff.name} role={staff.role} size={56} />
            <div>
              <Typography.Text strong className={styles.name}>
                {staff.name}
              </Typography.Text>
              <div>
                <RoleTag role={staff.role} />
              </div>
            </div>
          </Space>
          <Typography.Text type="secondary">{t('lock.hint', { name: staff.name })}</Typography.Text>
          <PinPad onSubmit={unlock} error={error} />
          <Button size="large" icon={<SwapOutlined />} onClick={() => void logout()}>
            {t('lock.switchUser')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
