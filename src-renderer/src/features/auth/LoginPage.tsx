import { Alert, Card, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { useSession } from '../../session/session-context';
import { DEMO_STAFF_PIN } from '../../../../src-shared/auth/demo';
import { LeaveDemoButton, useIsDemoShop } from '../settings/demo-shop';
import { WelcomeShell } from '../../ui/WelcomeShell';
import { PinEntry } from './PinEntry';
import { StaffPicker, type LoginOption } from './StaffPicker';
import styles from './LoginPage.module.css';

/** Who is at the till: pick yourself, then your PIN. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { session, login, notice } = useSession();
  const options = useApiQuery('auth.loginOptions', {}, { staleTime: 0 });
  const [picked, setPicked] = useState<LoginOption | null>(null);
  const demo = useIsDemoShop();

  if (session) return <Navigate to="/" replace />;

  const loginAs = async (person: LoginOption, pin: string) => {
    await login(person.id, pin);
    navigate('/', { replace: true });
  };

  return (
    <WelcomeShell subtitle={options.data?.merchantName ?? undefined}>
      <Card className={styles.card}>
        {demo && (
          <Alert
            type="warning"
            showIcon
            className={styles.demoBanner}
            title={t('demoShop.loginBanner', { pin: DEMO_STAFF_PIN })}
            action={<LeaveDemoButton />}
          />
        )}
        {notice && (
          <Alert
            type={notice === 'header.loggedOut' ? 'success' : 'warning'}
            showIcon
            title={t(notice)}
            className={styles.notice}
          />
        )}
        {picked ? (
          <PinEntry
            key={picked.id}
            person={picked}
            submitPin={(pin) => loginAs(picked, pin)}
            onBack={() => setPicked(null)}
            onLocked={() => void options.refetch()}
          />
        ) : (
          <>
            <Typography.Title level={3} className={styles.title}>
              {t('login.title')}
            </Typography.Title>
            {options.isPending && <Spin size="large" className={styles.spinner} />}
            {options.isError && <Alert type="error" showIcon title={errorText(options.error)} />}
            {options.data && <StaffPicker staff={options.data.staff} onPick={setPicked} />}
          </>
        )}
      </Card>
    </WelcomeShell>
  );
}
