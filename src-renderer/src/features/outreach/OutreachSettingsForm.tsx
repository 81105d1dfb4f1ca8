import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachSettings } from '../../../../src-shared/contract/outreach';
import { maskPhone, normalizeMainlandMobile } from '../../../../src-shared/phone';
import { fenToYuanText, yuanSchema, yuanToFen } from '../../forms/money';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { useOutreachSettings, useSaveOutreachSettings } from './outreach-queries';
import styles from './Outreach.module.css';

interface SettingsValues {
  signature: string;
  capPer30Days: number | null;
  /** Yuan as typed: "0.05". */
  priceYuan: string;
  summaryPhones: string[];
}

/** 营销设置: the 【签名】, the cap per 30 days, the price per part, who gets the daily summary. */
export function OutreachSettingsForm() {
  const errorText = useErrorText();
  const settings = useOutreachSettings();
  if (settings.isError) return <Alert type="error" showIcon title={errorText(settings.error)} />;
  if (!settings.data)
    return (
      <div className={styles.waiting}>
        <Spin />
      </div>
    );
  return <SettingsForm settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: OutreachSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveOutreachSettings();
  const signature = Form.useWatch('signature', form) ?? settings.signature;

  const submit = async (values: SettingsValues) => {
    try {
      await save.mutateAsync({
        signature: values.signature.trim(),
        capPer30Days: values.capPer30Days ?? settings.capPer30Days,
        pricePerPartFen: yuanToFen(values.priceYuan),
        summaryPhones: values.summaryPhones,
      });
      message.success(t('outreach.settings.saved'));
    } catch (error) {
      const onField = showErrorOnFields(form, t, error, {}, (path) =>
        path[0] === 'pricePerPartFen' ? ['priceYuan'] : path.slice(0, 1),
      );
      if (!onField) message.error(errorText(error));
    }
  };

  return (
    <Card title={t('outreach.settings.title')} className={styles.settings}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          signature: settings.signature,
          capPer30Days: settings.capPer30Days,
          priceYuan: fenToYuanText(settings.pricePerPartFen),
          summaryPhones: settings.summaryPhones,
        }}
        onFinish={(values) => void submit(values)}
        data-testid="outreach-settings"
      >
        <Form.Item
          name="signature"
          label={t('outreach.settings.signature')}
          tooltip={t('outreach.settings.signatureHelp')}
          extra={
            signature.trim()
              ? t('outreach.settings.signatureShown', { signed: `【${signature.trim()}】` })
              : t('outreach.settings.signatureHelp')
          }
        >
          <Input
            prefix="【"
            suffix="】"
            maxLength={12}
            placeholder={t('outreach.settings.signaturePlaceholder')}
            className={styles.signature}
          />
        </Form.Item>
        <div className={styles.formRow}>
          <Form.Item
            name="capPer30Days"
            label={t('outreach.settings.cap')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber
              min={1}
              max={60}
              precision={0}
              suffix={t('outreach.settings.capSuffix')}
              className={styles.full}
            />
          </Form.Item>
          <Form.Item
            name="priceYuan"
            label={t('outreach.settings.price')}
            tooltip={t('outreach.settings.priceHelp')}
            rules={[rule(yuanSchema())]}
          >
            <YuanInput placeholder="0.05" suffix={t('outreach.settings.priceSuffix')} />
          </Form.Item>
        </div>
        <Form.Item
          name="summaryPhones"
          label={t('outreach.settings.summaryPhones')}
          extra={t('outreach.settings.summaryPhonesHelp')}
        >
          <PhoneList />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t('outreach.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Staff phones as masked tags, one added at a time (typed any common way, kept as E.164). */
function PhoneList({
  value = [],
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (phones: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const phone = normalizeMainlandMobile(typed);
    if (!phone) return setProblem(t('outreach.settings.phoneInvalid'));
    if (value.includes(phone)) return setProblem(t('outreach.settings.phoneDuplicate'));
    onChange?.([...value, phone]);
    setTyped('');
    setProblem(null);
  };

  return (
    <div className={styles.phones}>
      <div className={styles.phoneTags} data-testid="summary-phones">
        {value.length === 0 ? (
          <Typography.Text type="secondary">{t('outreach.settings.noPhones')}</Typography.Text>
        ) : (
          value.map((phone) => (
            <Tag
              key={phone}
              closable
              onClose={() => onChange?.(value.filter((one) => one !== phone))}
              className={styles.phone}
            >
              {maskPhone(phone)}
            </Tag>
          ))
        )}
      </div>
      <div className={styles.phoneAdd}>
        <Input
          id={id}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
          onPressEnter={(event) => {
            event.preventDefault();
            add();
          }}
          inputMode="tel"
          maxLength={20}
          placeholder={t('outreach.settings.phonePlaceholder')}
          status={problem ? 'error' : undefined}
          className={styles.phoneInput}
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={value.length >= 10}>
          {t('outreach.settings.addPhone')}
        </Button>
      </div>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </div>
  );
}
