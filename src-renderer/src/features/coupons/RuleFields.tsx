import { Col, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateType } from '../../../../src-shared/contract/coupons';
import { yuanSchema, zheSchema } from '../../forms/money';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { ProductSelect } from '../../ui/ProductSelect';
import { ScopeFields } from './ScopeFields';

/** The fields of one coupon type only: what it takes off, and when. */
export function RuleFields({ type }: { type: TemplateType }) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const required = { required: true, message: t('validation.required') };
  const amount = (name: string, label: string, extra?: string) => (
    <Form.Item
      name={['rule', name]}
      label={label}
      extra={extra}
      rules={[rule(yuanSchema({ positive: true }))]}
    >
      <YuanInput placeholder="0.00" />
    </Form.Item>
  );
  const optionalAmount = (name: string, label: string, extra?: string) => (
    <Form.Item
      name={['rule', name]}
      label={label}
      extra={extra}
      rules={[rule(yuanSchema({ optional: true, positive: true }))]}
    >
      <YuanInput placeholder={t('coupons.form.noLimit')} />
    </Form.Item>
  );
  const zhe = (
    <Form.Item
      name={['rule', 'zhe']}
      label={t('coupons.form.zhe')}
      extra={t('coupons.form.zheHelp')}
      rules={[rule(zheSchema())]}
    >
      <Input suffix={t('coupons.form.zheUnit')} inputMode="decimal" placeholder="8.5" />
    </Form.Item>
  );
  const units = (name: string, label: string) => (
    <Form.Item name={['rule', name]} label={label} rules={[required]}>
      <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  switch (type) {
    case 'threshold':
      return (
        <>
          <Row gutter={16}>
            <Col span={12}>{amount('threshold', t('coupons.form.threshold'))}</Col>
            <Col span={12}>{amount('amount', t('coupons.form.thresholdAmount'))}</Col>
          </Row>
          <Row gutter={16} align="middle">
            <Col span={12}>
              <Form.Item
                name={['rule', 'repeat']}
                label={t('coupons.form.repeat')}
                extra={t('coupons.form.repeatHelp')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item noStyle dependencies={[['rule', 'repeat']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['rule', 'repeat'])
                    ? optionalAmount('cap', t('coupons.form.cap'))
                    : null
                }
              </Form.Item>
            </Col>
          </Row>
        </>
      );
    case 'percent':
      return (
        <Row gutter={16}>
          <Col span={8}>{zhe}</Col>
          <Col span={8}>{optionalAmount('maxDiscount', t('coupons.form.maxDiscount'))}</Col>
          <Col span={8}>{optionalAmount('minSpend', t('coupons.form.minSpend'))}</Col>
        </Row>
      );
    case 'voucher':
      return (
        <Row gutter={16}>
          <Col span={12}>{amount('amount', t('coupons.form.voucherAmount'))}</Col>
          <Col span={12}>{optionalAmount('minSpend', t('coupons.form.minSpend'))}</Col>
        </Row>
      );
    case 'item':
      return (
        <>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item
                name={['rule', 'productId']}
                label={t('coupons.form.itemProduct')}
                rules={[required]}
              >
                <ProductSelect />
              </Form.Item>
            </Col>
            <Col span={8}>{units('maxUnits', t('coupons.form.maxUnits'))}</Col>
          </Row>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name={['rule', 'mode']} label={t('coupons.form.itemMode')}>
                <Radio.Group
                  optionType="button"
                  options={(['free', 'price', 'percent'] as const).map((mode) => ({
                    value: mode,
                    label: t(`coupons.form.itemModes.${mode}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item noStyle dependencies={[['rule', 'mode']]}>
                {({ getFieldValue }) => {
                  const mode = getFieldValue(['rule', 'mode']) as string;
                  if (mode === 'price') return amount('price', t('coupons.form.itemPrice'));
                  if (mode === 'percent') return zhe;
                  return null;
                }}
              </Form.Item>
            </Col>
          </Row>
        </>
      );
    case 'gift':
      return (
        <Row gutter={16}>
          <Col span={8}>{amount('threshold', t('coupons.form.threshold'))}</Col>
          <Col span={10}>
            <Form.Item
              name={['rule', 'giftProductId']}
              label={t('coupons.form.giftProduct')}
              rules={[required]}
            >
              <ProductSelect />
            </Form.Item>
          </Col>
          <Col span={6}>{units('giftQty', t('coupons.form.giftQty'))}</Col>
        </Row>
      );
    case 'cashback':
      return (
        <>
          <Row gutter={16}>
            <Col span={12}>
              {amount('reward', t('coupons.form.reward'), t('coupons.form.rewardHelp'))}
            </Col>
          </Row>
          <ScopeFields
            productsLabel={t('coupons.form.cashbackProducts')}
            help={t('coupons.form.cashbackScopeHelp')}
          />
        </>
      );
  }
}
