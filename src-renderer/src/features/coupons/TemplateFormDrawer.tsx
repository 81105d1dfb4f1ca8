import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  templateFieldsSchema,
  type CouponTemplate,
  type TemplateChangeRefusal,
} from '../../../../src-shared/contract/coupons';
import { isApiError } from '../../api/api-error';
import { yuanSchema } from '../../forms/money';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { useStores } from '../../shop-data/stores';
import { useCreateTemplate, useUpdateTemplate } from './coupons-queries';
import { RuleFields } from './RuleFields';
import { ScopeFields } from './ScopeFields';
import {
  emptyTemplateForm,
  templateFormField,
  toTemplateFields,
  toTemplateForm,
  type TemplateFormValues,
  type TemplateValues,
} from './template-form';
import { TypeChooser } from './TypeChooser';
import styles from './CouponsPage.module.css';

interface TemplateFormDrawerProps {
  /** null: set up a new coupon. */
  editing: CouponTemplate | null;
  /** For a new coupon: a suggested template to start from (a slow-moving alert's discount). */
  prefill?: TemplateValues;
  /** Told of a newly created template before the drawer closes. */
  onCreated?: (template: CouponTemplate) => void;
  onClose: () => void;
}

/** Set up a coupon, or change one: only the chosen type's fields are shown. */
export function TemplateFormDrawer({
  editing,
  prefill,
  onCreated,
  onClose,
}: TemplateFormDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<TemplateFormValues>();
  const stores = useStores();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const start = editing ?? prefill;
  const initialValues = start ? toTemplateForm(start) : emptyTemplateForm;
  const type = Form.useWatch('type', form) ?? initialValues.type;
  const validityKind = Form.useWatch(['validity', 'kind'], form);
  const shareMode = Form.useWatch(['share', 'mode'], form);
  // Once codes are out, what holders were promised may only grow (the app refuses the rest).
  const issued = (editing?.issuedCount ?? 0) > 0;
  const fields = templateFieldsSchema.shape;

  const save = async (values: TemplateFormValues) => {
    setRefusal(null);
    const template = toTemplateFields(values);
    try {
      if (!editing) {
        // Not `onCreated?.(await …)`: an optional call skips its arguments when there is no callback.
        const created = await create.mutateAsync(template);
        onCreated?.(created);
        message.success(t('coupons.form.created', { name: template.name }));
      } else {
        const saved = await update.mutateAsync({ id: editing.id, ...template });
        if (saved.version > editing.version)
          modal.info({
            title: t('coupons.form.newVersionTitle', { version: saved.version }),
            content: t('coupons.form.newVersionText', { issued: editing.issuedCount }),
            okText: t('common.confirm'),
          });
        else message.success(t('common.saved'));
      }
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'TEMPLATE_CHANGE_REFUSED')
        setRefusal(
          t('errors.TEMPLATE_CHANGE_REFUSED', {
            why: t(`templateChangeRefusals.${error.details.reason as TemplateChangeRefusal}`),
          }),
        );
      else if (!showErrorOnFields(form, t, error, {}, templateFormField))
        message.error(errorText(error));
    }
  };

  const count = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber
        min={1}
        precision={0}
        style={{ width: '100%' }}
        placeholder={t('coupons.form.noLimit')}
      />
    </Form.Item>
  );

  return (
    <Drawer
      open
      size={860}
      title={
        editing
          ? t('coupons.form.editTitle', { name: editing.name })
          : t('coupons.form.createTitle')
      }
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
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          className={styles.formAlert}
          data-testid="template-refusal"
        />
      )}
      {issued && (
        <Alert
          type="info"
          showIcon
          title={t('coupons.form.issuedNote', { count: editing?.issuedCount })}
          className={styles.formAlert}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={initialValues}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="name" label={t('coupons.form.name')} rules={[rule(fields.name)]}>
              <Input placeholder={t('coupons.form.namePlaceholder')} maxLength={40} autoFocus />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="description" label={t('coupons.form.description')}>
              <Input placeholder={t('coupons.form.descriptionPlaceholder')} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item name="type" label={t('coupons.form.type')}>
          <TypeChooser disabled={issued} />
        </Form.Item>

        <Divider titlePlacement="start" className={styles.section}>
          {t('coupons.form.ruleSection', { type: t(`coupons.types.${type}`) })}
        </Divider>
        <RuleFields type={type} />

        {type !== 'cashback' && (
          <>
            <Divider titlePlacement="start" className={styles.section}>
              {t('coupons.form.scopeSection')}
            </Divider>
            <ScopeFields
              productsLabel={t('coupons.form.scopeProducts')}
              help={t('coupons.form.scopeHelp')}
            />
          </>
        )}

        <Divider titlePlacement="start" className={styles.section}>
          {t('coupons.form.validitySection')}
        </Divider>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name={['validity', 'kind']} label={t('coupons.form.validityKind')}>
              <Radio.Group
                optionType="button"
                disabled={issued}
                options={[
                  { value: 'fixed', label: t('coupons.form.validityFixed') },
                  { value: 'relative', label: t('coupons.form.validityRelative') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            {validityKind === 'fixed' ? (
              <Form.Item
                name={['validity', 'range']}
                label={t('coupons.form.validityRange')}
                extra={t('coupons.form.validityRangeHelp')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item
                name={['validity', 'days']}
                label={t('coupons.form.validityDays')}
                extra={t('coupons.form.validityDaysHelp')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber
                  min={1}
                  max={3650}
                  precision={0}
                  suffix={t('coupons.form.daysUnit')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item
          name="storeIds"
          label={t('coupons.form.stores')}
          extra={t('coupons.form.storesHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder={t('coupons.form.allStores')}
            loading={stores.isPending}
            options={stores.data?.map((store) => ({ value: store.id, label: store.name }))}
          />
        </Form.Item>

        <Divider titlePlacement="start" className={styles.section}>
          {t('coupons.form.limitsSection')}
        </Divider>
        <Row gutter={16}>
          <Col span={6}>{count('perCustomerLimit', t('coupons.form.perCustomerLimit'))}</Col>
          <Col span={6}>{count('totalIssueLimit', t('coupons.form.totalIssueLimit'))}</Col>
          <Col span={6}>{count('budgetCount', t('coupons.form.budgetCount'))}</Col>
          <Col span={6}>
            <Form.Item
              name="budget"
              label={t('coupons.form.budget')}
              rules={[rule(yuanSchema({ optional: true, positive: true }))]}
            >
              <YuanInput placeholder={t('coupons.form.noLimit')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" className={styles.section}>
          {t('coupons.form.usageSection')}
        </Divider>
        <Form.Item
          name="stackable"
          label={t('coupons.form.stackable')}
          extra={t('coupons.form.stackableHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name={['share', 'mode']} label={t('coupons.form.share')}>
              <Radio.Group
                optionType="button"
                options={(['none', 'transfer', 'copy'] as const).map((mode) => ({
                  value: mode,
                  label: t(`coupons.form.shareModes.${mode}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            {shareMode && shareMode !== 'none' && (
              <Space size={12} align="start">
                {shareMode === 'copy' && (
                  <Form.Item name={['share', 'maxShares']} label={t('coupons.form.maxShares')}>
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      placeholder={t('coupons.form.noLimit')}
                    />
                  </Form.Item>
                )}
                <Form.Item
                  name={['share', 'maxHops']}
                  label={t('coupons.form.maxHops')}
                  tooltip={t('coupons.form.maxHopsHelp')}
                >
                  <InputNumber min={1} max={5} precision={0} />
                </Form.Item>
              </Space>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="issueOnSpend"
              label={t('coupons.form.issueOnSpend')}
              extra={t('coupons.form.issueOnSpendHelp')}
              rules={[rule(yuanSchema({ optional: true, positive: true }))]}
            >
              <YuanInput placeholder={t('coupons.form.issueOnSpendOff')} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="codeFormat" label={t('coupons.form.codeFormat')}>
              <Radio.Group
                options={(['numeric', 'base32'] as const).map((format) => ({
                  value: format,
                  label: t(`coupons.form.codeFormats.${format}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
