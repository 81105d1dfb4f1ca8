import { CheckCircleFilled, EditOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../src-shared/contract/outreach';
import { isEveryone, type AudienceRules } from '../../../../src-shared/outreach/audience';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { EMPTY_RULES } from './audience-form';
import { MessageEditor } from './MessageEditor';
import { OfferSelect, NO_OFFER } from './OfferSelect';
import {
  useAudiencePreview,
  useAudiences,
  useCreateCampaign,
  useOutreachSettings,
  useSmsCheck,
} from './outreach-queries';
import { excludedTotal, exclusionList, outreachErrorText } from './outreach-text';
import { SendErrorAlert, useSendCampaignFlow } from './send-campaign';
import { SmsChecker, TIME_FORMAT } from './SmsChecker';
import styles from './Outreach.module.css';

interface ComposerValues {
  name: string;
  audienceSource: 'current' | 'saved';
  audienceId?: string;
  templateId: string;
  holdoutPct: number | null;
  sendMode: 'now' | 'at';
  sendAt: Dayjs | null;
  resultDays: number | null;
  text: string;
}

const INITIAL: ComposerValues = {
  name: '',
  audienceSource: 'current',
  templateId: NO_OFFER,
  holdoutPct: 10,
  sendMode: 'now',
  sendAt: null,
  resultDays: 14,
  text: '',
};

/** The picker's wall-clock time, read in the store's zone, as epoch ms. */
const fromZone = (value: Dayjs, timeZone: string) =>
  dayjs.tz(value.format('YYYY-MM-DD HH:mm:00'), timeZone).valueOf();

/**
 * 新建活动: who (the rules on 人群, or a saved audience), the offer, the holdout, when, how long
 * the results count, and the text with the live checker. 创建 freezes the recipients and splits
 * the holdout; 发送 then asks once more with the exact numbers and the cost.
 */
export function CampaignComposer({
  currentRules,
  currentName,
  onEditRules,
  onOpenResults,
  onAnother,
}: {
  currentRules: AudienceRules;
  /** The saved audience the rules came from, if any. */
  currentName: string | null;
  onEditRules: () => void;
  onOpenResults: (campaignId: string) => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComposerValues>();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const audiences = useAudiences();
  const settings = useOutreachSettings();
  const create = useCreateCampaign();
  const sendFlow = useSendCampaignFlow(timeZone);
  const [created, setCreated] = useState<Campaign | null>(null);
  const [sent, setSent] = useState<Campaign | null>(null);
  const [createError, setCreateError] = useState<unknown>(null);

  const source = Form.useWatch('audienceSource', form) ?? INITIAL.audienceSource;
  const audienceId = Form.useWatch('audienceId', form);
  const holdoutPct = Form.useWatch('holdoutPct', form) ?? INITIAL.holdoutPct ?? 0;
  const sendMode = Form.useWatch('sendMode', form) ?? INITIAL.sendMode;
  const sendAtValue = Form.useWatch('sendAt', form);
  const text = Form.useWatch('text', form) ?? '';

  const saved = audiences.data?.audiences.find((one) => one.id === audienceId);
  const rules = source === 'current' ? currentRules : (saved?.rules ?? null);
  const preview = useAudiencePreview(rules ?? EMPTY_RULES, rules !== null);
  const sendAt = sendMode === 'at' && sendAtValue ? fromZone(sendAtValue, timeZone) : null;
  const check = useSmsCheck(text, sendAt, created?.id);

  // Before the recipients are frozen, the treated share of who may be texted, as the holdout
  // will round it (per segment, so this is close, not exact).
  const reachable = preview.data?.reachable ?? 0;
  const estimate =
    !created && preview.data && settings.data
      ? {
          recipients: reachable - Math.round((reachable * (holdoutPct ?? 0)) / 100),
          pricePerPartFen: settings.data.pricePerPartFen,
        }
      : null;

  const submit = async (values: ComposerValues) => {
    if (!rules) return;
    setCreateError(null);
    try {
      const campaign = await create.mutateAsync({
        name: values.name.trim(),
        rules,
        templateId: values.templateId === NO_OFFER ? null : values.templateId,
        text: values.text,
        holdoutPct: values.holdoutPct ?? 0,
        sendAt:
          values.sendMode === 'at' && values.sendAt ? fromZone(values.sendAt, timeZone) : null,
        resultDays: values.resultDays ?? 14,
      });
      setCreated(campaign);
      message.success(t('outreach.compose.created', { name: campaign.name }));
    } catch (error) {
      if (!showErrorOnFields(form, t, error)) setCreateError(error);
    }
  };

  const locked = created !== null;
  const required = { required: true, message: t('validation.required') };

  return (
    <div className={styles.split}>
      <Card className={styles.main} title={t('outreach.compose.title')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={INITIAL}
          onFinish={(values) => void submit(values)}
          disabled={locked}
          className={styles.composer}
          data-testid="campaign-form"
        >
          <Form.Item
            name="name"
            label={t('outreach.compose.name')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input maxLength={60} placeholder={t('outreach.compose.namePlaceholder')} />
          </Form.Item>

          <Form.Item label={t('outreach.compose.audience')} required>
            <div className={styles.audiencePick}>
              <Form.Item name="audienceSource" noStyle>
                <Radio.Group optionType="button">
                  <Radio.Button value="current">
                    {currentName ?? t('outreach.compose.audienceCurrent')}
                  </Radio.Button>
                  <Radio.Button value="saved">{t('outreach.compose.audienceSaved')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
              {source === 'current' ? (
                <Button type="link" icon={<EditOutlined />} onClick={onEditRules}>
                  {t('outreach.compose.editRules')}
                </Button>
              ) : (
                <Form.Item name="audienceId" noStyle rules={[required]}>
                  <Select
                    placeholder={t('outreach.compose.pickAudience')}
                    loading={audiences.isPending}
                    notFoundContent={t('outreach.audience.saved.none')}
                    options={audiences.data?.audiences.map((one) => ({
                      value: one.id,
                      label: one.name,
                    }))}
                    className={styles.audienceSelect}
                    aria-label={t('outreach.compose.pickAudience')}
                  />
                </Form.Item>
              )}
            </div>
            {rules && preview.data && (
              <Typography.Text
                type="secondary"
                className={styles.audienceCount}
                data-testid="compose-audience-count"
              >
                {t('outreach.compose.audienceCount', {
                  total: preview.data.total,
                  reachable: preview.data.reachable,
                })}
                {isEveryone(rules) && ` · ${t('outreach.compose.audienceEveryone')}`}
              </Typography.Text>
            )}
          </Form.Item>

          <Form.Item
            name="templateId"
            label={t('outreach.compose.offer')}
            tooltip={t('outreach.compose.offerHelp')}
          >
            <OfferSelect noOfferLabel={t('outreach.compose.noOffer')} />
          </Form.Item>

          <div className={styles.formRow}>
            <Form.Item
              name="holdoutPct"
              label={t('outreach.compose.holdout')}
              tooltip={t('outreach.compose.holdoutHelp')}
              rules={[required]}
            >
              <InputNumber min={0} max={50} precision={0} suffix="%" className={styles.full} />
            </Form.Item>
            <Form.Item
              name="resultDays"
              label={t('outreach.compose.resultDays')}
              tooltip={t('outreach.compose.resultDaysHelp')}
              rules={[required]}
            >
              <InputNumber
                min={1}
                max={90}
                precision={0}
                suffix={t('outreach.days')}
                className={styles.full}
              />
            </Form.Item>
          </div>

          <Form.Item label={t('outreach.compose.sendTime')}>
            <div className={styles.sendTime}>
              <Form.Item name="sendMode" noStyle>
                <Radio.Group optionType="button">
                  <Radio.Button value="now">{t('outreach.compose.sendNow')}</Radio.Button>
                  <Radio.Button value="at">{t('outreach.compose.sendLater')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
              {sendMode === 'at' && (
                <Form.Item name="sendAt" noStyle rules={[required]}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={TIME_FORMAT}
                    placeholder={t('outreach.compose.sendAtPlaceholder')}
                    disabledDate={(day) => day.isBefore(dayjs().tz(timeZone), 'day')}
                    aria-label={t('outreach.compose.sendAtPlaceholder')}
                  />
                </Form.Item>
              )}
            </div>
          </Form.Item>

          <Form.Item
            name="text"
            label={t('outreach.compose.message')}
            rules={[{ ...required, whitespace: true }]}
          >
            <MessageEditor placeholder={t('outreach.compose.messagePlaceholder')} />
          </Form.Item>

          {createError !== null && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setCreateError(null) }}
              className={styles.block}
              data-testid="create-error"
              title={outreachErrorText(t, createError)}
            />
          )}
          {!locked && (
            <div className={styles.actions}>
              <Typography.Text type="secondary">{t('outreach.compose.createHint')}</Typography.Text>
              <Button
                type="primary"
                size="large"
                htmlType="submit"
                icon={<LockOutlined />}
                loading={create.isPending}
                disabled={!rules}
              >
                {t('outreach.compose.create')}
              </Button>
            </div>
          )}
        </Form>
      </Card>

      <div className={styles.side}>
        <Card className={styles.sticky}>
          <SmsChecker check={check} sendAt={sendAt} timeZone={timeZone} estimate={estimate} />
        </Card>
        {created && (
          <Card
            title={
              <span>
                <LockOutlined /> {t('outreach.compose.frozenTitle')}
              </span>
            }
            data-testid="campaign-frozen"
          >
            <FrozenCounts campaign={created} />
            {sendFlow.error !== null && (
              <SendErrorAlert error={sendFlow.error} onClose={sendFlow.clearError} />
            )}
            {sent ? (
              <div className={styles.sentBox} data-testid="campaign-sent">
                <Typography.Text type="success">
                  <CheckCircleFilled /> {t('outreach.compose.sentOk')}
                </Typography.Text>
                <Space wrap>
                  <Button type="primary" onClick={() => onOpenResults(sent.id)}>
                    {t('outreach.compose.viewResults')}
                  </Button>
                  <Button onClick={onAnother}>{t('outreach.compose.another')}</Button>
                </Space>
              </div>
            ) : (
              <Button
                type="primary"
                size="large"
                block
                icon={<SendOutlined />}
                loading={sendFlow.busy}
                onClick={() => sendFlow.start(created, setSent)}
                data-testid="campaign-send"
              >
                {t('outreach.compose.send')}
              </Button>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}

/** Treatment, holdout and who was left out (and why) of a created campaign. */
export function FrozenCounts({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { treatment, holdout, excluded } = campaign.recipients;
  const left = excludedTotal(excluded);
  return (
    <div className={styles.frozen}>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <span className={styles.figureLabel}>{t('outreach.compose.treatment')}</span>
          <span className={`${styles.figureValue} ${styles.good}`} data-testid="frozen-treatment">
            {treatment.toLocaleString()}
          </span>
        </div>
        <div className={styles.figure}>
          <span className={styles.figureLabel}>{t('outreach.compose.holdoutArm')}</span>
          <span className={styles.figureValue} data-testid="frozen-holdout">
            {holdout.toLocaleString()}
          </span>
        </div>
        <div className={styles.figure}>
          <span className={styles.figureLabel}>{t('outreach.compose.excluded')}</span>
          <span className={styles.figureValue} data-testid="frozen-excluded">
            {left.toLocaleString()}
          </span>
        </div>
      </div>
      {left > 0 && (
        <Typography.Text type="secondary" className={styles.small}>
          {t('outreach.compose.excludedBy', { list: exclusionList(t, excluded) })}
        </Typography.Text>
      )}
    </div>
  );
}
