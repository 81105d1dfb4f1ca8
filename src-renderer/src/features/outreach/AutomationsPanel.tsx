import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Automation } from '../../../../src-shared/contract/outreach';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { MessageEditor } from './MessageEditor';
import { NO_OFFER, OfferSelect } from './OfferSelect';
import { useAutomations, useSaveAutomation, useSmsCheck } from './outreach-queries';
import { outreachErrorText } from './outreach-text';
import { SmsChecker } from './SmsChecker';
import styles from './Outreach.module.css';

interface AutomationValues {
  enabled: boolean;
  templateId: string;
  days: number | null;
  holdoutPct: number | null;
  text: string;
}

/**
 * 自动营销: the expiry reminder, the birthday greeting and win-back, each a daily campaign with
 * the same checker, caps and holdout as a manual one.
 */
export function AutomationsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const automations = useAutomations();
  return (
    <div className={styles.stack}>
      <Typography.Text type="secondary">{t('outreach.automations.note')}</Typography.Text>
      {automations.isError && <Alert type="error" showIcon title={errorText(automations.error)} />}
      {automations.isPending && (
        <div className={styles.waiting}>
          <Spin />
        </div>
      )}
      {automations.data?.automations.map((automation) => (
        <AutomationCard key={automation.kind} automation={automation} />
      ))}
    </div>
  );
}

function AutomationCard({ automation }: { automation: Automation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AutomationValues>();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const save = useSaveAutomation();
  const { kind } = automation;
  const text = Form.useWatch('text', form) ?? automation.text;
  const check = useSmsCheck(text, null);
  const title = t(`outreach.automations.kinds.${kind}.title`);
  const required = { required: true, message: t('validation.required') };

  const submit = async (values: AutomationValues) => {
    try {
      await save.mutateAsync({
        kind,
        enabled: values.enabled,
        templateId:
          kind === 'expiryReminder' || values.templateId === NO_OFFER ? null : values.templateId,
        text: values.text,
        days: values.days ?? automation.days,
        holdoutPct: values.holdoutPct ?? 0,
      });
      message.success(t('outreach.automations.saved', { name: title }));
    } catch (error) {
      if (!showErrorOnFields(form, t, error)) message.error(outreachErrorText(t, error));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        enabled: automation.enabled,
        templateId: automation.templateId ?? NO_OFFER,
        days: automation.days,
        holdoutPct: automation.holdoutPct,
        text: automation.text,
      }}
      onFinish={(values) => void submit(values)}
      data-testid={`automation-${kind}`}
    >
      <Card
        title={
          <div className={styles.cardTitle}>
            <span>{title}</span>
            <span className={styles.cardNote}>{t(`outreach.automations.kinds.${kind}.help`)}</span>
          </div>
        }
        extra={
          <span className={styles.switchLabel}>
            {t('outreach.automations.enabled')}
            <Form.Item name="enabled" valuePropName="checked" noStyle>
              <Switch aria-label={`${title} ${t('outreach.automations.enabled')}`} />
            </Form.Item>
          </span>
        }
      >
        <div className={styles.automation}>
          <div className={styles.automationSettings}>
            {kind === 'expiryReminder' ? (
              <Form.Item label={t('outreach.automations.offer')}>
                <Typography.Text type="secondary">
                  {t('outreach.automations.expiryNoOffer')}
                </Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="templateId" label={t('outreach.automations.offer')}>
                <OfferSelect noOfferLabel={t('outreach.automations.noOffer')} />
              </Form.Item>
            )}
            <div className={styles.formRow}>
              {kind !== 'birthday' && (
                <Form.Item
                  name="days"
                  label={t(`outreach.automations.kinds.${kind}.days`)}
                  rules={[required]}
                >
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    suffix={t('outreach.days')}
                    className={styles.full}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="holdoutPct"
                label={t('outreach.automations.holdout')}
                tooltip={t('outreach.compose.holdoutHelp')}
                rules={[required]}
              >
                <InputNumber min={0} max={50} precision={0} suffix="%" className={styles.full} />
              </Form.Item>
            </div>
            <div className={styles.automationFoot}>
              <Typography.Text type="secondary" className={styles.small}>
                {automation.lastRunDay
                  ? t('outreach.automations.lastRun', { day: automation.lastRunDay })
                  : t('outreach.automations.neverRun')}
              </Typography.Text>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
              >
                {t('outreach.automations.save')}
              </Button>
            </div>
          </div>
          <div className={styles.automationText}>
            <Form.Item
              name="text"
              label={t('outreach.automations.text')}
              rules={[{ ...required, whitespace: true }]}
            >
              <MessageEditor placeholder={t('outreach.compose.messagePlaceholder')} />
            </Form.Item>
            <SmsChecker check={check} sendAt={null} timeZone={timeZone} showWindow={false} />
          </div>
        </div>
      </Card>
    </Form>
  );
}
