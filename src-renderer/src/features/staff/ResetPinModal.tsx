import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../src-shared/contract/staff';
import { PinFields } from '../../forms/PinFields';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useErrorText } from '../../i18n/error-text';
import { useZodRule } from '../../forms/use-zod-rule';
import { pinSchema } from '../../../../src-shared/validation';
import { useCurrentSession } from '../../session/session-context';
import { useResetPin } from './staff-queries';

/** A new PIN for someone who forgot theirs or got locked out. */
export function ResetPinModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ pin: string; pinConfirm: string; currentPin?: string }>();
  const resetPin = useResetPin();
  const rule = useZodRule();
  // One's own PIN changes only with the current one (the server insists too).
  const own = useCurrentSession().staff.id === staff.id;

  const save = async ({ pin, currentPin }: { pin: string; currentPin?: string }) => {
    try {
      await resetPin.mutateAsync({ id: staff.id, pin, ...(own ? { currentPin } : {}) });
      message.success(t('staff.pinReset', { name: staff.name }));
      onClose();
    } catch (error) {
      if (!showErrorOnFields(form, t, error)) message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('staff.resetPinTitle', { name: staff.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPin.isPending}
      width={480}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={t(own ? 'staff.changeOwnPinHint' : 'staff.resetPinHint')}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        {own && (
          <Form.Item name="currentPin" label={t('staff.currentPin')} rules={[rule(pinSchema)]}>
            <Input.Password
              maxLength={6}
              inputMode="numeric"
              autoComplete="current-password"
              placeholder={t('pin.placeholder')}
            />
          </Form.Item>
        )}
        <PinFields name={['pin']} confirmName={['pinConfirm']} />
      </Form>
    </Modal>
  );
}
