import { Alert, App, Descriptions, Form, Input, Modal, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Redemption } from '../../../../src-shared/contract/redemption';
import { useApiQuery } from '../../api/queries';
import { useScanHandler } from '../../scanning/scanner-context';
import { Money } from '../../ui/Money';
import { PinEntry } from '../auth/PinEntry';
import { StaffPicker, type LoginOption } from '../auth/StaffPicker';
import { useVoidRedemption } from './redemption-queries';
import styles from './RedemptionPage.module.css';

interface VoidRedemptionDialogProps {
  redemption: Redemption;
  timeZone: string;
  /** Told of the voided redemption (lists refresh on their own). */
  onVoided?: (voided: Redemption) => void;
  onClose: () => void;
}

/**
 * Undoing a redemption needs a manager or owner on the spot: the reason, then they pick
 * themselves and type their PIN, as at the login screen. The coupon can be used again after.
 */
export function VoidRedemptionDialog({
  redemption,
  timeZone,
  onVoided,
  onClose,
}: VoidRedemptionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const options = useApiQuery('auth.loginOptions', {}, { staleTime: 0 });
  const voidRedemption = useVoidRedemption();
  const [manager, setManager] = useState<LoginOption | null>(null);
  const managers = options.data?.staff.filter((person) => person.role !== 'cashier') ?? [];
  // While a manager authorises, a stray scan checks nothing on the page underneath.
  useScanHandler(() => null);

  // The reason comes first; it is fixed while the manager types their PIN.
  const pickManager = (person: LoginOption) =>
    form.validateFields().then(
      () => setManager(person),
      () => undefined,
    );

  const submitPin = async (pin: string) => {
    const reason = (form.getFieldValue('reason') as string).trim();
    const voided = await voidRedemption.mutateAsync({
      redemptionId: redemption.id,
      managerId: manager!.id,
      managerPin: pin,
      reason,
    });
    message.success(t('voidDialog.done', { code: voided.display }));
    onVoided?.(voided);
    onClose();
  };

  return (
    <Modal
      open
      title={t('voidDialog.title')}
      onCancel={onClose}
      footer={null}
      width={920}
      destroyOnHidden
    >
      <div className={styles.voidLayout}>
        <div>
          <Descriptions
            size="small"
            column={1}
            bordered
            className={styles.voidSummary}
            items={[
              { key: 'code', label: t('voidDialog.code'), children: redemption.display },
              {
                key: 'template',
                label: t('voidDialog.template'),
                children: redemption.templateName,
              },
              {
                key: 'discount',
                label: t('voidDialog.discount'),
                children: <Money fen={redemption.discountFen} />,
              },
              {
                key: 'at',
                label: t('voidDialog.at'),
                children: dayjs(redemption.createdAt).tz(timeZone).format(t('formats.dateTime')),
              },
              {
                key: 'staff',
                label: t('voidDialog.staff'),
                children: redemption.staffName ?? redemption.terminalCode ?? t('common.empty'),
              },
            ]}
          />
          <Form form={form} layout="vertical">
            <Form.Item
              name="reason"
              label={t('voidDialog.reason')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input.TextArea
                disabled={manager !== null}
                rows={3}
                maxLength={200}
                showCount
                placeholder={t('voidDialog.reasonPlaceholder')}
                autoFocus
              />
            </Form.Item>
          </Form>
        </div>
        {manager ? (
          <PinEntry
            key={manager.id}
            person={manager}
            submitPin={submitPin}
            onBack={() => setManager(null)}
            onLocked={() => void options.refetch()}
          />
        ) : (
          <div className={styles.voidManagers}>
            <Typography.Text strong>{t('voidDialog.pickManager')}</Typography.Text>
            {options.isPending && <Spin />}
            {options.isError && <Alert type="error" showIcon title={t('voidDialog.noManagers')} />}
            {options.data && (
              <StaffPicker staff={managers} onPick={(person) => void pickManager(person)} />
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
