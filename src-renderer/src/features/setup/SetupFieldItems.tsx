import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { setupInputSchema } from '../../../../src-shared/contract/setup';
import { personNameSchema } from '../../../../src-shared/validation';
import { PinFields } from '../../forms/PinFields';
import { useZodRule } from '../../forms/use-zod-rule';

const merchant = setupInputSchema.shape.merchant.shape;

export function MerchantFieldItems() {
  const { t } = useTranslation();
  const rule = useZodRule();
  return (
    <>
      <Form.Item
        name={['merchant', 'name']}
        label={t('setup.merchantName')}
        rules={[rule(merchant.name)]}
      >
        <Input placeholder={t('setup.merchantNamePlaceholder')} maxLength={40} autoFocus />
      </Form.Item>
      <Form.Item
        name={['merchant', 'code']}
        label={t('setup.merchantCode')}
        extra={t('setup.merchantCodeHelp')}
        rules={[rule(merchant.code)]}
      >
        <Input placeholder={t('setup.merchantCodePlaceholder')} maxLength={20} />
      </Form.Item>
    </>
  );
}

export function OwnerFieldItems() {
  const { t } = useTranslation();
  const rule = useZodRule();
  return (
    <>
      <Form.Item
        name={['owner', 'name']}
        label={t('setup.ownerName')}
        rules={[rule(personNameSchema)]}
      >
        <Input placeholder={t('setup.ownerNamePlaceholder')} maxLength={32} />
      </Form.Item>
      <PinFields name={['owner', 'pin']} confirmName={['owner', 'pinConfirm']} />
    </>
  );
}
