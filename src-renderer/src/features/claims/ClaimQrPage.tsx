import { CloudSyncOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issuance, IssuanceStatus } from '../../../../src-shared/contract/claims';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../i18n/error-text';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { useIssuances, useSetIssuanceStatus, useStoreQrs } from './claims-queries';
import { IssuanceFormModal } from './IssuanceFormModal';
import { IssuancesTable } from './IssuancesTable';
import { StoreQrsCard } from './StoreQrsCard';
import styles from './ClaimQrPage.module.css';

/**
 * 营销 → 领券二维码: issuance QRs (create, print, pause, end, see claims) and each store's fixed
 * QR with the coupon it gives. The QRs point at the cloud: unpaired, the page says so first.
 */
export function ClaimQrPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const issuances = useIssuances();
  const paired = useStoreQrs().data?.paired;
  const setStatus = useSetIssuanceStatus();
  const [creating, setCreating] = useState(false);

  const onStatus = async (issuance: Issuance, status: IssuanceStatus) => {
    try {
      await setStatus.mutateAsync({ id: issuance.id, status });
      message.success(t(`claimQr.statusChanged.${status}`, { title: issuance.title }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('claimQr.title')}
        subtitle={t('claimQr.subtitle')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            disabled={paired === false}
            onClick={() => setCreating(true)}
          >
            {t('claimQr.add')}
          </Button>
        }
      />
      {paired === false && (
        <Alert
          type="info"
          showIcon
          data-testid="claims-need-cloud"
          title={t('claimQr.notPairedTitle')}
          description={
            <>
              {t('claimQr.notPairedText')}
              <div className={styles.alertAction}>
                <Button
                  icon={<CloudSyncOutlined />}
                  onClick={() => void navigate(NAV_ITEMS.sync.path)}
                >
                  {t('claimQr.goToSync')}
                </Button>
              </div>
            </>
          }
        />
      )}
      <Card title={t('claimQr.issuances')}>
        {issuances.isError ? (
          <Alert type="error" showIcon title={errorText(issuances.error)} />
        ) : (
          <IssuancesTable
            issuances={issuances.data}
            loading={issuances.isPending}
            timeZone={timeZone}
            onStatus={(issuance, status) => void onStatus(issuance, status)}
          />
        )}
      </Card>
      <StoreQrsCard />
      {creating && <IssuanceFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}
