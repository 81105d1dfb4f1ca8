import { App, Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_SCANNER_SETTINGS,
  scannerModeSchema,
  scannerSuffixSchema,
  type ScannerSettings,
} from '../../../../src-shared/contract/scanner';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useErrorText } from '../../i18n/error-text';
import { useSaveScannerSettings } from './scanner-queries';
import styles from './ScannerSettingsPage.module.css';

/** Mode, timing thresholds, prefix and suffix of this PC's scanners. */
export function ScannerSettingsForm({ settings }: { settings: ScannerSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ScannerSettings>();
  const save = useSaveScannerSettings();
  const suffix = Form.useWatch('suffix', form);

  // Saved here or in another window: the form shows what the decoder now uses.
  useEffect(() => form.setFieldsValue(settings), [form, settings]);

  const submit = async (values: ScannerSettings) => {
    try {
      await save.mutateAsync({ ...values, customSuffix: values.customSuffix ?? '' });
      void message.success(t('scanner.settings.saved'));
    } catch (error) {
      if (!showErrorOnFields(form, t, error)) void message.error(errorText(error));
    }
  };

  const ms = t('scanner.settings.ms');
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={settings}
      onFinish={(values) => void submit(values)}
      requiredMark={false}
    >
      <Form.Item
        name="mode"
        label={t('scanner.settings.mode')}
        extra={t('scanner.settings.modeHelp')}
      >
        <Radio.Group
          optionType="button"
          options={scannerModeSchema.options.map((mode) => ({
            value: mode,
            label: t(`scanner.settings.modes.${mode}`),
          }))}
        />
      </Form.Item>
      <div className={styles.thresholds}>
        <Form.Item
          name="maxAverageGapMs"
          label={t('scanner.settings.maxAverageGapMs')}
          extra={t('scanner.settings.maxAverageGapHelp')}
        >
          <InputNumber min={5} max={60} suffix={ms} className={styles.number} />
        </Form.Item>
        <Form.Item
          name="humanGapMs"
          label={t('scanner.settings.humanGapMs')}
          extra={t('scanner.settings.humanGapHelp')}
        >
          <InputNumber min={40} max={500} suffix={ms} className={styles.number} />
        </Form.Item>
        <Form.Item
          name="minLength"
          label={t('scanner.settings.minLength')}
          extra={t('scanner.settings.minLengthHelp')}
        >
          <InputNumber
            min={1}
            max={64}
            suffix={t('scanner.settings.chars')}
            className={styles.number}
          />
        </Form.Item>
      </div>
      <div className={styles.thresholds}>
        <Form.Item
          name="suffix"
          label={t('scanner.settings.suffix')}
          extra={t('scanner.settings.suffixHelp')}
        >
          <Select
            options={scannerSuffixSchema.options.map((value) => ({
              value,
              label: t(`scanner.settings.suffixes.${value}`),
            }))}
          />
        </Form.Item>
        {suffix === 'custom' && (
          <Form.Item name="customSuffix" label={t('scanner.settings.customSuffix')}>
            <Input maxLength={8} className={styles.mono} placeholder="#" />
          </Form.Item>
        )}
        <Form.Item
          name="prefix"
          label={t('scanner.settings.prefix')}
          extra={t('scanner.settings.prefixHelp')}
        >
          <Input
            maxLength={8}
            className={styles.mono}
            placeholder={t('scanner.settings.noPrefix')}
          />
        </Form.Item>
      </div>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('scanner.settings.save')}
        </Button>
        <Button onClick={() => form.setFieldsValue(DEFAULT_SCANNER_SETTINGS)}>
          {t('scanner.settings.defaults')}
        </Button>
      </Space>
    </Form>
  );
}
