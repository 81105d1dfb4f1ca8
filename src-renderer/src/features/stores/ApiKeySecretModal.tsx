import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import styles from './StoresPage.module.css';

/**
 * The only time a terminal key is shown in full: the app keeps its hash alone. Closing this
 * drops the key from memory too.
 */
export function ApiKeySecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={
        <span>
          <KeyOutlined /> {t('apiKeys.secretTitle')}
        </span>
      }
      onCancel={onClose}
      maskClosable={false}
      width={600}
      footer={
        <Button type="primary" size="large" onClick={onClose}>
          {t('apiKeys.secretSaved')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t('apiKeys.secretWarning')}
        className={styles.secretWarning}
      />
      <Typography.Paragraph
        className={styles.secret}
        copyable={{ text: secret, tooltips: [t('apiKeys.copy'), t('common.copied')] }}
        data-testid="api-key-secret"
      >
        <code>{secret}</code>
      </Typography.Paragraph>
    </Modal>
  );
}
