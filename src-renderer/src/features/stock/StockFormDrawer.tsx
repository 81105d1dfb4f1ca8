import { App, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import styles from './StockPage.module.css';

/**
 * The frame of the receive, stocktake and transfer forms: a title, the form, save or cancel.
 * Saving says what was done and closes; a refusal is shown and the form stays as typed.
 */
export function StockFormDrawer({
  title,
  submitText,
  submitting,
  canSubmit,
  save,
  confirm,
  onClose,
  children,
}: {
  title: string;
  submitText: string;
  submitting: boolean;
  canSubmit: boolean;
  /** Writes the form; resolves to the notice that says what was done. */
  save: () => Promise<string>;
  /** Asks first (the stocktake's differences), then calls `run`. */
  confirm?: (run: () => Promise<void>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const run = async () => {
    try {
      message.success(await save());
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };
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
            onClick={() => (confirm ? confirm(run) : void run())}
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
