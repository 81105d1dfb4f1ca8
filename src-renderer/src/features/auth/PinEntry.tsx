import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { PinPad } from '../../ui/PinPad';
import { RoleTag } from '../../ui/RoleTag';
import { StaffAvatar } from '../../ui/StaffAvatar';
import type { LoginOption } from './StaffPicker';
import styles from './LoginPage.module.css';

interface PinEntryProps {
  person: LoginOption;
  /** What the PIN is for: logging in, or a manager authorising something (a void). */
  submitPin: (pin: string) => Promise<void>;
  onBack: () => void;
  /** A lock-out changes who may be picked. */
  onLocked: () => void;
}

/** The picked person, their PIN on the pad, and a way back to pick someone else. */
export function PinEntry({ person, submitPin, onBack, onLocked }: PinEntryProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);

  const submit = async (pin: string) => {
    try {
      await submitPin(pin);
    } catch (failure) {
      setError(errorText(failure));
      if (isApiError(failure) && failure.code === 'STAFF_LOCKED') onLocked();
    }
  };

  return (
    <div className={styles.pinEntry}>
      <Space size="middle" align="center" className={styles.who}>
        <StaffAvatar name={person.name} role={person.role} size={56} />
        <div>
          <Typography.Title level={4} className={styles.whoName}>
            {person.name}
          </Typography.Title>
          <RoleTag role={person.role} />
        </div>
      </Space>
      <Typography.Text type="secondary">{t('login.pinTitle')}</Typography.Text>
      <PinPad onSubmit={submit} error={error} />
      <Button size="large" type="link" icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('login.switchStaff')}
      </Button>
    </div>
  );
}
