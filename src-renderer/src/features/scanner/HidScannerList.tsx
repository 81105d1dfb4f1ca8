import { Alert, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScannerMode } from '../../../../src-shared/contract/scanner';
import { useHidScanners } from './scanner-queries';
import styles from './ScannerSettingsPage.module.css';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The HID-POS scanners the main process has found, as they are plugged in and out. */
export function HidScannerList({ mode }: { mode: ScannerMode }) {
  const { t } = useTranslation();
  const devices = useHidScanners();
  if (mode === 'wedge') return <Alert type="info" showIcon title={t('scanner.devices.off')} />;
  if (!devices.data?.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scanner.devices.none')} />;
  return (
    <ul className={styles.devices}>
      {devices.data.map((device) => (
        <li key={device.id} className={styles.device}>
          <Tag color={device.status === 'open' ? 'success' : 'error'}>
            {t(`scanner.devices.status.${device.status}`)}
          </Tag>
          <Typography.Text strong>{device.name}</Typography.Text>
          <Typography.Text type="secondary" className={styles.mono}>
            {hex4(device.vendorId)}:{hex4(device.productId)}
          </Typography.Text>
          {device.error && <Typography.Text type="danger">{device.error}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}
