import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './StockPage.module.css';

/** The frame of the receive, stocktake and transfer forms: a title, the form, save or cancel. */
export function StockFormDrawer({
  title,
  submitText,
  submitting,
  canSubmit,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitText: string;
  submitting: boolean;
  canSubmit: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      size={820}
      title={title}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className={styles.drawerFooter}>
          <Button size="large" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="large"
            type="primary"
            disabled={!canSubmit}
            loading={submitting}
            onClick={onSubmit}
          >
            {submitText}
          </Button>
        </Space>
      }
    >
      <div className={styles.drawerBody}>{children}</div>
    </Drawer>
  );
}
