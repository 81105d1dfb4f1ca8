import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberLevel } from '../../../../src-shared/contract/members';
import { useTranslation } from 'react-i18next';
import type { MemberSettings } from '../../../../src-shared/contract/members';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import {
  useLevels,
  useMemberSettings,
  useSaveLevels,
  useSaveMemberSettings,
} from './members-queries';
import styles from './Members.module.css';

interface LevelRow {
  id?: string;
  name: string;
  thresholdYuan: number;
  multiplierPct: number;
  monthlyTemplateId: string;
}

/** The settings of points (earn, value, expiry, pending days, coupons) and the levels. */
export function MemberSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useMemberSettings();
  const levels = useLevels();
  const templates = useApiQuery('coupons.listTemplates', { status: 'active' });
  const save = useSaveMemberSettings();
  const [form] = Form.useForm<MemberSettings>();
  const expiryKind = Form.useWatch(['expiry', 'kind'], form);

  useEffect(() => {
    // No coupon is the '' option of the selects (null would show an empty box).
    if (settings.data)
      form.setFieldsValue({
        ...settings.data,
        welcomeTemplateId: settings.data.welcomeTemplateId ?? '',
        birthdayTemplateId: settings.data.birthdayTemplateId ?? '',
      });
  }, [settings.data, form]);

  const couponOptions = [
    { value: '', label: t('members.settings.none') },
    ...(templates.data ?? []).map((template) => ({ value: template.id, label: template.name })),
  ];

  const submit = async (values: MemberSettings) => {
    try {
      await save.mutateAsync({
        ...values,
        welcomeTemplateId: values.welcomeTemplateId || null,
        birthdayTemplateId: values.birthdayTemplateId || null,
        expiry:
          values.expiry.kind === 'days'
            ? { kind: 'days', days: (values.expiry as { days?: number }).days ?? 365 }
            : { kind: values.expiry.kind },
      });
      message.success(t('members.settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('members.settings.points')}>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Space wrap size="large">
            <Form.Item name="earnPointsPerYuan" label={t('members.settings.earn')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="pointsPerYuan" label={t('members.settings.value')}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
            <Form.Item name="dailyBurnCap" label={t('members.settings.dailyBurnCap')}>
              <InputNumber min={0} max={10_000_000} precision={0} />
            </Form.Item>
            <Form.Item name="pendingDays" label={t('members.settings.pending')}>
              <InputNumber min={0} max={90} precision={0} />
            </Form.Item>
            <Form.Item name={['expiry', 'kind']} label={t('members.settings.expiry')}>
              <Select
                style={{ width: 180 }}
                options={(['endOfNextYear', 'days', 'never'] as const).map((kind) => ({
                  value: kind,
                  label: t(`members.settings.expiryKinds.${kind}`),
                }))}
              />
            </Form.Item>
            {expiryKind === 'days' && (
              <Form.Item name={['expiry', 'days']} label={t('members.settings.expiryDays')}>
                <InputNumber min={1} max={3660} precision={0} />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="excludedCategories" label={t('members.settings.excluded')}>
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="welcomeTemplateId" label={t('members.settings.welcome')}>
              <Select style={{ width: 220 }} options={couponOptions} />
            </Form.Item>
            <Form.Item name="birthdayTemplateId" label={t('members.settings.birthday')}>
              <Select style={{ width: 220 }} options={couponOptions} />
            </Form.Item>
            <Form.Item name="birthdayDaysBefore" label={t('members.settings.birthdayDays')}>
              <InputNumber min={0} max={60} precision={0} />
            </Form.Item>
          </Space>
          {(['marketingSms', 'location', 'profiling'] as const).map((purpose) => (
            <Form.Item
              key={purpose}
              name={['consentTexts', purpose]}
              label={t(`members.purposes.${purpose}`)}
            >
              <Input.TextArea autoSize maxLength={1000} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('members.settings.save')}
          </Button>
        </Form>
      </Card>
      {levels.data && (
        <LevelsEditor
          key={JSON.stringify(levels.data)}
          levels={levels.data}
          couponOptions={couponOptions}
        />
      )}
    </Space>
  );
}

/**
 * The levels, lowest first: name, 12-month spend threshold, points multiplier, and the coupon
 * its members get each month.
 */
function LevelsEditor({
  levels,
  couponOptions,
}: {
  levels: MemberLevel[];
  couponOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const saveLevels = useSaveLevels();
  const [rows, setRows] = useState<LevelRow[]>(() =>
    levels.map((level) => ({
      id: level.id,
      name: level.name,
      thresholdYuan: level.thresholdFen / 100,
      multiplierPct: level.multiplierPct,
      monthlyTemplateId: level.monthlyTemplateId ?? '',
    })),
  );
  const submitLevels = async () => {
    try {
      await saveLevels.mutateAsync({
        levels: rows.map((row) => ({
          ...(row.id ? { id: row.id } : {}),
          name: row.name,
          thresholdFen: Math.round(row.thresholdYuan * 100),
          multiplierPct: row.multiplierPct,
          monthlyTemplateId: row.monthlyTemplateId || null,
        })),
      });
      message.success(t('members.settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const setRow = (i: number, next: Partial<LevelRow>) =>
    setRows(rows.map((row, j) => (i === j ? { ...row, ...next } : row)));

  return (
    <Card title={t('members.settings.levels')}>
      {/* Column names over the rows (the inputs carry them as labels too). */}
      <div className={styles.levelRow} aria-hidden>
        <Typography.Text type="secondary" style={{ width: 160 }}>
          {t('members.settings.levelName')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ width: 192 }}>
          {t('members.settings.threshold')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ width: 187 }}>
          {t('members.settings.multiplier')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ width: 200 }}>
          {t('members.settings.monthlyCoupon')}
        </Typography.Text>
      </div>
      {rows.map((row, i) => (
        <div key={row.id ?? `new-${i}`} className={styles.levelRow}>
          <Input
            style={{ width: 160 }}
            value={row.name}
            placeholder={t('members.settings.levelName')}
            onChange={(event) => setRow(i, { name: event.target.value })}
            aria-label={t('members.settings.levelName')}
          />
          <InputNumber
            style={{ width: 160 }}
            min={0}
            precision={2}
            value={row.thresholdYuan}
            addonBefore="¥"
            onChange={(value) => setRow(i, { thresholdYuan: value ?? 0 })}
            aria-label={t('members.settings.threshold')}
          />
          <InputNumber
            style={{ width: 150 }}
            min={0}
            max={1000}
            precision={0}
            value={row.multiplierPct}
            addonAfter="%"
            onChange={(value) => setRow(i, { multiplierPct: value ?? 100 })}
            aria-label={t('members.settings.multiplier')}
          />
          <Select
            style={{ width: 200 }}
            value={row.monthlyTemplateId}
            options={couponOptions}
            onChange={(value) => setRow(i, { monthlyTemplateId: value })}
            aria-label={t('members.settings.monthlyCoupon')}
            title={t('members.settings.monthlyCoupon')}
          />
          <Button
            icon={<DeleteOutlined />}
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
            aria-label="delete"
          />
        </div>
      ))}
      <Space>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRows([
              ...rows,
              {
                name: '',
                thresholdYuan: rows.length ? rows[rows.length - 1]!.thresholdYuan + 1000 : 0,
                multiplierPct: 100,
                monthlyTemplateId: '',
              },
            ])
          }
        >
          {t('members.settings.addLevel')}
        </Button>
        <Button type="primary" loading={saveLevels.isPending} onClick={() => void submitLevels()}>
          {t('members.settings.saveLevels')}
        </Button>
      </Space>
    </Card>
  );
}
