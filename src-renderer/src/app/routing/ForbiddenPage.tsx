import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '../../session/session-context';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useCurrentSession();
  return (
    <Result
      status="403"
      title={t('pages.forbiddenTitle')}
      subTitle={t('pages.forbiddenText', { role: t(`roles.${staff.role}`) })}
      extra={
        <Button type="primary" size="large" onClick={() => navigate('/')}>
          {t('pages.backHome')}
        </Button>
      }
    />
  );
}
