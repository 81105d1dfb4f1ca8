import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScannerSettings } from '../../scanning/scanner-settings';
import { PageHeader } from '../../ui/PageHeader';
import { HidScannerList } from './HidScannerList';
import { ScannerGuide } from './ScannerGuide';
import { ScannerSettingsForm } from './ScannerSettingsForm';
import { ScanTestArea } from './ScanTestArea';
import styles from './ScannerSettingsPage.module.css';

/**
 * 扫码枪: how this PC's scanners are read (keyboard wedge, HID-POS), the thresholds that tell a
 * scanner from a person, a live test area, and a set-up guide for common scanners.
 */
export function ScannerSettingsPage() {
  const { t } = useTranslation();
  const settings = useScannerSettings();
  return (
    <>
      <PageHeader title={t('scanner.title')} subtitle={t('scanner.subtitle')} />
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card title={t('scanner.settings.title')} className={styles.card}>
            <ScannerSettingsForm settings={settings} />
          </Card>
          <Card title={t('scanner.devices.title')} className={styles.card}>
            <HidScannerList mode={settings.mode} />
          </Card>
        </div>
        <div className={styles.column}>
          <Card title={t('scanner.test.title')} className={styles.card}>
            <ScanTestArea />
          </Card>
          <Card title={t('scanner.guide.title')} className={styles.card}>
            <ScannerGuide />
          </Card>
        </div>
      </div>
    </>
  );
}
