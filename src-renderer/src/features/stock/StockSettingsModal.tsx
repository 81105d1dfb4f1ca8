import { App, Col, Form, InputNumber, Modal, Row, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockSettings } from '../../../../src-shared/contract/stock';
import { useErrorText } from '../../i18n/error-text';
import { StoreSelect } from '../../ui/StoreSelect';
import { useSetStockSettings, useStockSettings } from './stock-queries';

type SettingsValues = Omit<StockSettings, 'storeId'>;

/** Per store: may it sell below zero, and how restock suggestions are sized. */
export function StockSettingsModal({
  storeId: initialStoreId,
  onClose,
}: {
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [storeId, setStoreId] = useState(initialStoreId);
  const settings = useStockSettings(storeId);
  const save = useSetStockSettings();
  const [form] = Form.useForm<SettingsValues>();

  const submit = async (values: SettingsValues) => {
    if (!storeId) return;
    try {
      await save.mutateAsync({ storeId, ...values });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const days = (name: keyof SettingsValues, min: number, max: number) => (
    <Form.Item
      name={name}
      label={t(`stock.settings.${name}`)}
      extra={t(`stock.settings.${name}Help`)}
    >
      <InputNumber
        min={min}
        max={max}
        precision={0}
        suffix={t('alerts.thresholds.days')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={640}
      title={t('stock.settings.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !settings.data }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('stock.settings.store')}>
          <StoreSelect value={storeId} onChange={setStoreId} />
        </Form.Item>
      </Form>
      {settings.data && (
        <Form
          key={storeId}
          form={form}
          layout="vertical"
          initialValues={settings.data}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="allowNegative"
            label={t('stock.settings.allowNegative')}
            extra={t('stock.settings.allowNegativeHelp')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>{days('leadTimeDays', 0, 90)}</Col>
            <Col span={8}>{days('coverDays', 1, 180)}</Col>
            <Col span={8}>{days('salesWindowDays', 1, 90)}</Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
