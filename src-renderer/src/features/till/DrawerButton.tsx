import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useOpenDrawer } from './till-queries';

/** 开钱箱 without a sale: asks why (the audit log keeps who and why), then pulses the drawer. */
export function DrawerButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const openDrawer = useOpenDrawer();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await openDrawer.mutateAsync({ reason });
      message.success(t('till.drawerOpened'));
      setAsking(false);
      setReason('');
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <>
      <Button size="large" icon={<InboxOutlined />} onClick={() => setAsking(true)}>
        {t('till.openDrawer')}
      </Button>
      <Modal
        open={asking}
        title={t('till.openDrawer')}
        okText={t('till.openDrawer')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={openDrawer.isPending}
        onOk={() => void submit()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={reason}
          maxLength={100}
          placeholder={t('till.drawerReasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
          onPressEnter={() => reason.trim() && void submit()}
          aria-label={t('till.drawerReason')}
        />
      </Modal>
    </>
  );
}
