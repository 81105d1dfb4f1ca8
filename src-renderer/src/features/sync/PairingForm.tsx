import { Button, Card, Form, Input } from 'antd';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { usePair } from './sync-queries';

interface PairingValues {
  cloudUrl: string;
  pairingCode: string;
  deviceName: string;
}

/** A manager pairs this PC: the cloud address and the code the operator gave. */
export function PairingForm({ defaultUrl }: { defaultUrl: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const pair = usePair();
  const [form] = Form.useForm<PairingValues>();

  const submit = async (values: PairingValues) => {
    try {
      await pair.mutateAsync(values);
      message.success(t('sync.pairing.done'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card title={t('sync.pairing.title')} data-testid="sync-pairing">
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ cloudUrl: defaultUrl ?? 'https://', deviceName: '' }}
        style={{ maxWidth: 480 }}
      >
        <Form.Item
          name="cloudUrl"
          label={t('sync.pairing.cloudUrl')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('sync.pairing.cloudUrlHelp')}
        >
          <Input placeholder="https://cloud.example.com" data-testid="sync-cloud-url" />
        </Form.Item>
        <Form.Item
          name="pairingCode"
          label={t('sync.pairing.code')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('sync.pairing.codeHelp')}
        >
          <Input placeholder="ABCD-EFGH" maxLength={9} data-testid="sync-pairing-code" />
        </Form.Item>
        <Form.Item
          name="deviceName"
          label={t('sync.pairing.deviceName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input
            placeholder={t('sync.pairing.deviceNamePlaceholder')}
            data-testid="sync-device-name"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pair.isPending} data-testid="sync-pair">
          {t('sync.pairing.submit')}
        </Button>
      </Form>
    </Card>
  );
}
