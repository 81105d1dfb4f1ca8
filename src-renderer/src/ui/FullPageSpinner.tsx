import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import styles from './FullPageSpinner.module.css';

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className={styles.fullPage}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}
