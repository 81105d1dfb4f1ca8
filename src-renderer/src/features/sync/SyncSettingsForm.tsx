import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../../../src-shared/contract/sync';
import { useErrorText } from '../../i18n/error-text';
import { useSaveSyncSettings, useSyncSettings } from './sync-queries';

interface SettingsValues {
  intervalSeconds: number;
  offlineMaxCountPerDay: number;
  offlineMaxYuan: number;
  onlineClaimTimeoutMs: number;
}

const toValues = (s: SyncSettings): SettingsValues => ({
  intervalSeconds: s.intervalSeconds,
  offlineMaxCountPerDay: s.offlineMaxCountPerDay,
  offlineMaxYuan: s.offlineMaxFenPerDay / 100,
  onlineClaimTimeoutMs: s.onlineClaimTimeoutMs,
});

/**
 * How often to sync, how long a redemption waits for the cloud's answer before deciding
 * offline, and how much may be redeemed offline of codes this till never saw.
 */
export function SyncSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useSyncSettings();
  const save = useSaveSyncSettings();
  const [form] = Form.useForm<SettingsValues>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data));
  }, [settings.data, form]);

  const submit = async (values: SettingsValues) => {
    try {
      await save.mutateAsync({
        intervalSeconds: values.intervalSeconds,
        offlineMaxCountPerDay: values.offlineMaxCountPerDay,
        offlineMaxFenPerDay: Math.round(values.offlineMaxYuan * 100),
        onlineClaimTimeoutMs: values.onlineClaimTimeoutMs,
      });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card title={t('sync.settings.title')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 480 }}
      >
        <Form.Item
          name="intervalSeconds"
          label={t('sync.settings.interval')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={10}
            max={3600}
            suffix={t('sync.settings.seconds')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="onlineClaimTimeoutMs"
          label={t('sync.settings.onlineClaim')}
          extra={t('sync.settings.onlineClaimHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={0}
            max={5000}
            step={100}
            suffix={t('sync.settings.milliseconds')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="offlineMaxCountPerDay"
          label={t('sync.settings.offlineCount')}
          extra={t('sync.settings.offlineHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={0}
            max={1000}
            suffix={t('sync.settings.coupons')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="offlineMaxYuan"
          label={t('sync.settings.offlineValue')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
