import { CheckCircleFilled, ExclamationCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import { maskPhone } from '../../../../src-shared/phone';
import { useApiMutation } from '../../api/queries';
import { optionalPhoneSchema } from '../../forms/phone';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import { useScanHandler } from '../../scanning/scanner-context';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { typoIn } from '../redemption/refusal';
import { CashbackSlipDialog } from './CashbackSlipDialog';
import styles from './CashbackPage.module.css';

type Payout = OutputOf<'cashback.redeem'>;

interface CashbackFormValues {
  code: string;
  phone: string;
}

/** 返现兑付 at the counter: the code from the slip and the customer's mobile number. */
export function CashbackPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rule = useZodRule();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const [form] = Form.useForm<CashbackFormValues>();
  const redeem = useApiMutation('cashback.redeem', { invalidates: ['audit.list'] });
  const [outcome, setOutcome] = useState<
    { ok: true; payout: Payout } | { ok: false; text: string } | null
  >(null);
  const [payouts, setPayouts] = useState<Payout[]>([]);
  const phoneInput = useRef<InputRef>(null);
  const [printingSlip, setPrintingSlip] = useState(false);

  // A scanned slip fills the code; the phone is asked next.
  useScanHandler((code) => {
    form.setFieldValue('code', code);
    setOutcome(null);
    phoneInput.current?.focus();
    return { ok: true, message: t('cashback.scanned') };
  });

  const submit = async ({ code, phone }: CashbackFormValues) => {
    const typo = typoIn(code);
    if (typo) return setOutcome({ ok: false, text: t('refusals.BAD_CHECK') });
    try {
      const payout = await redeem.mutateAsync({ code: code.trim(), phone });
      setOutcome({ ok: true, payout });
      setPayouts((earlier) => [payout, ...earlier].slice(0, 10));
      form.resetFields();
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    }
  };

  return (
    <>
      <PageHeader
        title={t('cashback.title')}
        subtitle={t('cashback.subtitle')}
        extra={
          <Button size="large" icon={<PrinterOutlined />} onClick={() => setPrintingSlip(true)}>
            {t('cashbackSlip.title')}
          </Button>
        }
      />
      {printingSlip && <CashbackSlipDialog onClose={() => setPrintingSlip(false)} />}
      <div className={styles.layout}>
        <Card className={styles.card}>
          <Form
            form={form}
            layout="vertical"
            size="large"
            onFinish={(values) => void submit(values)}
            onValuesChange={() => setOutcome(null)}
          >
            <Form.Item
              name="code"
              label={t('cashback.code')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input
                className={styles.codeInput}
                placeholder={t('cashback.codePlaceholder')}
                autoComplete="off"
                autoFocus
              />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('cashback.phone')}
              extra={t('cashback.phoneHelp')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                rule(optionalPhoneSchema),
              ]}
            >
              <Input
                ref={phoneInput}
                className={styles.phoneInput}
                inputMode="tel"
                placeholder={t('cashback.phonePlaceholder')}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              className={styles.submit}
              loading={redeem.isPending}
            >
              {t('cashback.submit')}
            </Button>
          </Form>
        </Card>
        <div className={styles.side}>
          <Card className={styles.card}>
            {outcome === null && (
              <div className={styles.idle}>
                <Typography.Title level={4}>{t('cashback.idleTitle')}</Typography.Title>
                <Typography.Text type="secondary">{t('cashback.idleText')}</Typography.Text>
              </div>
            )}
            {outcome?.ok === true && (
              <div className={styles.paid} data-testid="cashback-paid">
                <div className={styles.paidTitle}>
                  <CheckCircleFilled /> {t('cashback.paid')}
                </div>
                <Money fen={outcome.payout.rewardFen} className={styles.reward} />
                <Typography.Text className={styles.paidLine}>
                  {t('cashback.paidDetail', {
                    product: outcome.payout.productName,
                    phone: maskPhone(outcome.payout.phone),
                  })}
                </Typography.Text>
              </div>
            )}
            {outcome?.ok === false && (
              <div className={styles.refused} role="alert" data-testid="cashback-refused">
                <ExclamationCircleFilled /> {outcome.text}
              </div>
            )}
          </Card>
          {payouts.length > 0 && (
            <Card size="small" title={t('cashback.recent')} className={styles.card}>
              <ul className={styles.recent}>
                {payouts.map((payout) => (
                  <li key={payout.code}>
                    <span>{dayjs(payout.redeemedAt).tz(timeZone).format('HH:mm:ss')}</span>
                    <span>{payout.productName}</span>
                    <span>{maskPhone(payout.phone)}</span>
                    <Money fen={payout.rewardFen} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
