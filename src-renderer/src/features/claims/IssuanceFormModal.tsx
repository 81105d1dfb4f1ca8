import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ISSUANCE_COUNT } from '../../../../src-shared/contract/claims';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { DayRangePicker } from '../../ui/DayRangePicker';
import { StoreSelect } from '../../ui/StoreSelect';
import { useCreateIssuance, useOfferableTemplates } from './claims-queries';

interface IssuanceFormValues {
  templateId: string;
  title: string;
  count: number;
  perPerson: number;
  storeId?: string;
}

/** A new issuance QR: which coupon, how many in all and per phone, when, and where. */
export function IssuanceFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<IssuanceFormValues>();
  const templates = useOfferableTemplates();
  const create = useCreateIssuance();
  const storeId = Form.useWatch('storeId', form);
  const { storeId: sessionStoreId } = useCurrentSession();
  // Claim days are the store's days (the chosen store's, else this till's).
  const timeZone = useStoreTimeZone(storeId ?? sessionStoreId);
  const [dates, setDates] = useState<{ from: number | undefined; to: number | undefined }>({
    from: undefined,
    to: undefined,
  });

  const submit = async (values: IssuanceFormValues) => {
    try {
      const issuance = await create.mutateAsync({
        ...values,
        storeId: values.storeId ?? null,
        startsAt: dates.from ?? null,
        endsAt: dates.to ?? null,
      });
      message.success(t('claimQr.form.created', { title: issuance.title }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('claimQr.form.title')}
      okText={t('claimQr.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ count: 100, perPerson: 1 }}
        onFinish={(values) => void submit(values)}
        data-testid="issuance-form"
      >
        <Form.Item
          name="templateId"
          label={t('claimQr.form.template')}
          extra={t('claimQr.form.templateHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            loading={templates.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={templates.data?.map((template) => ({
              value: template.id,
              label: template.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('claimQr.form.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} placeholder={t('claimQr.form.namePlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="count"
            label={t('claimQr.form.count')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ flex: 1 }}
          >
            <InputNumber
              min={1}
              max={MAX_ISSUANCE_COUNT}
              precision={0}
              suffix={t('claimQr.form.unit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="perPerson"
            label={t('claimQr.form.perPerson')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ flex: 1 }}
          >
            <InputNumber
              min={1}
              max={100}
              precision={0}
              suffix={t('claimQr.form.unit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        <Form.Item label={t('claimQr.form.dates')} extra={t('claimQr.form.datesHint')}>
          <DayRangePicker
            from={dates.from}
            to={dates.to}
            onChange={setDates}
            timeZone={timeZone}
            aria-label={t('claimQr.form.dates')}
          />
        </Form.Item>
        <Form.Item
          name="storeId"
          label={t('claimQr.form.store')}
          extra={t('claimQr.form.storeHint')}
        >
          <StoreSelect allowAll placeholder={t('claimQr.allStores')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
