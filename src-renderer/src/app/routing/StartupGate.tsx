import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { LOGIN_PATH, SETUP_PATH } from '../../navigation/paths';
import { SessionProvider } from '../../session/session-context';
import { FullPageSpinner } from '../../ui/FullPageSpinner';

/** First question at start-up: is the shop set up? The wizard is shown only while it is not. */
export function StartupGate() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { pathname } = useLocation();
  const status = useApiQuery('setup.status', {}, { staleTime: Infinity });

  if (status.isPending) return <FullPageSpinner />;
  if (status.isError)
    return (
      <Result
        status="error"
        title={t('app.startupFailed')}
        subTitle={errorText(status.error)}
        extra={
          <Button type="primary" size="large" onClick={() => void status.refetch()}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  const { initialized } = status.data;
  if (!initialized && pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  if (initialized && pathname === SETUP_PATH) return <Navigate to={LOGIN_PATH} replace />;
  return (
    <SessionProvider enabled={initialized}>
      <Outlet />
    </SessionProvider>
  );
}
