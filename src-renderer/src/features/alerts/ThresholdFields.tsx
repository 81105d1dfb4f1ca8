import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ThresholdFormValues {
  lowLevel: number | null;
  highLevel: number | null;
  slowDays: number | null;
}

/** The three numbers of a threshold; any may be left empty. */
export function ThresholdFields() {
  const { t } = useTranslation();
  const count = (name: keyof ThresholdFormValues, label: string, help: string, suffix: string) => (
    <Form.Item name={name} label={label} extra={help}>
      <InputNumber
        min={name === 'slowDays' ? 1 : 0}
        max={name === 'slowDays' ? 365 : 1_000_000}
        precision={0}
        suffix={suffix}
        placeholder={t('alerts.thresholds.notSet')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
  return (
    <Row gutter={16}>
      <Col span={8}>
        {count(
          'lowLevel',
          t('alerts.thresholds.lowLevel'),
          t('alerts.thresholds.lowHelp'),
          t('alerts.thresholds.units'),
        )}
      </Col>
      <Col span={8}>
        {count(
          'highLevel',
          t('alerts.thresholds.highLevel'),
          t('alerts.thresholds.highHelp'),
          t('alerts.thresholds.units'),
        )}
      </Col>
      <Col span={8}>
        {count(
          'slowDays',
          t('alerts.thresholds.slowDays'),
          t('alerts.thresholds.slowHelp'),
          t('alerts.thresholds.days'),
        )}
      </Col>
    </Row>
  );
}

/** Empty fields are sent as null ("not set"). */
export const toThresholdValues = (values: ThresholdFormValues): ThresholdFormValues => ({
  lowLevel: values.lowLevel ?? null,
  highLevel: values.highLevel ?? null,
  slowDays: values.slowDays ?? null,
});
