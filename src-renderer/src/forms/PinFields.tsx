import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { pinSchema } from '../../../src-shared/validation';
import { useZodRule } from './use-zod-rule';

type FieldPath = (string | number)[];

/** A new PIN typed twice; the second must match. `name` is where the PIN goes in the form values. */
export function PinFields({ name, confirmName }: { name: FieldPath; confirmName: FieldPath }) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const pinInput = (
    <Input.Password
      maxLength={6}
      inputMode="numeric"
      autoComplete="new-password"
      placeholder={t('pin.placeholder')}
    />
  );
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item
          name={name}
          label={t('pin.label')}
          extra={t('pin.help')}
          rules={[rule(pinSchema)]}
        >
          {pinInput}
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={confirmName}
          label={t('pin.confirm')}
          dependencies={[name]}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value !== getFieldValue(name)) throw new Error(t('pin.mismatch'));
              },
            }),
          ]}
        >
          {pinInput}
        </Form.Item>
      </Col>
    </Row>
  );
}
