import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanCertificate } from './stores-queries';
import styles from './StoresPage.module.css';

/** The fingerprint a terminal checks before it trusts this PC's HTTPS on the shop LAN. */
export function LanCertificateNote({ timezone }: { timezone: string }) {
  const { t } = useTranslation();
  const certificate = useLanCertificate();
  if (certificate.isPending) return null;
  if (!certificate.data) return <Alert type="info" showIcon title={t('apiKeys.certificateNone')} />;
  return (
    <Alert
      type="info"
      showIcon
      icon={<SafetyCertificateOutlined />}
      className={styles.note}
      title={t('apiKeys.certificateTitle')}
      description={
        <>
          <Typography.Text code copyable data-testid="lan-fingerprint">
            {certificate.data.fingerprint256}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('apiKeys.certificateValidTo', {
              date: dayjs(certificate.data.validTo).tz(timezone).format('YYYY-MM-DD'),
            })}
            {' · '}
            {t('apiKeys.certificateHint')}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
