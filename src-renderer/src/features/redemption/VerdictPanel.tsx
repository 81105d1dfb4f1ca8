import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  GiftOutlined,
  InfoCircleFilled,
  ScanOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Redemption } from '../../../../src-shared/contract/redemption';
import { Money } from '../../ui/Money';
import { useNow } from '../../ui/use-now';
import { orderTotals } from './order';
import { RefusalView } from './RefusalView';
import type { DeskCheck, DeskResult, RedemptionDesk } from './use-redemption-desk';
import styles from './RedemptionPage.module.css';

function CheckView({ check }: { check: DeskCheck }) {
  const { t } = useTranslation();
  if (check.kind === 'checking')
    return (
      <div className={styles.checking}>
        <Spin size="large" description={t('redemption.checking')} />
      </div>
    );
  if (check.kind === 'refused') return <RefusalView refusal={check.refusal} />;
  if (check.kind === 'message')
    return (
      <div className={styles.notice} role="alert">
        <InfoCircleFilled /> {check.text}
      </div>
    );
  return null;
}

/** The order with its coupons applied: what comes off, what the customer pays, and confirm. */
function OrderSummary({ desk }: { desk: RedemptionDesk }) {
  const { t } = useTranslation();
  const { coupons } = desk;
  // In the order they apply, as the list of coupons shows them.
  const valid = coupons
    .filter((coupon) => coupon.verdict.valid)
    .sort((a, b) => (a.verdict.step ?? 0) - (b.verdict.step ?? 0));
  const { subtotalFen, discountFen, payableFen } = orderTotals(
    coupons[0]!.verdict.subtotalFen,
    valid.map((coupon) => coupon.verdict),
  );
  const gifts = valid.flatMap((coupon) => (coupon.verdict.gift ? [coupon.verdict.gift] : []));
  const allValid = valid.length === coupons.length;
  return (
    <div className={styles.summary} data-testid="order-summary">
      <div className={allValid ? styles.validTitle : styles.pendingTitle}>
        {allValid ? <CheckCircleFilled /> : <InfoCircleFilled />}
        <span>{allValid ? t('redemption.valid') : t('redemption.pending')}</span>
      </div>
      <dl className={styles.totals}>
        <dt>{t('redemption.subtotal')}</dt>
        <dd>
          <Money fen={subtotalFen} />
        </dd>
        {valid.map((coupon) => (
          <div key={coupon.input} className={styles.totalsRow}>
            <dt>{coupon.verdict.template?.name}</dt>
            <dd>
              <Money fen={coupon.verdict.discountFen} negative className={styles.discountText} />
            </dd>
          </div>
        ))}
        <dt className={styles.totalLabel}>{t('redemption.discount')}</dt>
        <dd className={styles.discountTotal} data-testid="verdict-discount">
          <Money fen={discountFen} />
        </dd>
      </dl>
      {gifts.map((gift) => (
        <div key={gift.productId} className={styles.gift}>
          <GiftOutlined /> {t('redemption.gift', { name: gift.name, qty: gift.qty })}
        </div>
      ))}
      <div className={styles.payable} data-testid="verdict-payable">
        <span>{t('redemption.payable')}</span>
        <Money fen={payableFen} className={styles.payableAmount} />
      </div>
      <Button
        type="primary"
        size="large"
        block
        className={styles.confirm}
        disabled={!desk.mayConfirm}
        loading={desk.redeeming}
        onClick={() => void desk.confirm()}
      >
        {t('redemption.confirm', { count: coupons.length })}
      </Button>
    </div>
  );
}

function SuccessView({
  result,
  timeZone,
  onVoid,
  onNext,
}: {
  result: DeskResult;
  timeZone: string;
  onVoid: (redemption: Redemption) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  // After a void the panel tells the truth: which coupons stand and the payable without the rest.
  const voided = result.redemptions.filter((redemption) => redemption.status === 'voided');
  const allVoided = voided.length === result.redemptions.length;
  return (
    <div className={styles.success} data-testid="redemption-success">
      {allVoided ? (
        <div className={styles.voidedTitle}>
          <ExclamationCircleFilled />
          <span>{t('redemption.allVoided')}</span>
        </div>
      ) : (
        <div className={styles.validTitle}>
          <CheckCircleFilled />
          <span>
            {voided.length
              ? t('redemption.successSomeVoided', { count: voided.length })
              : t('redemption.success')}
          </span>
        </div>
      )}
      <ul className={styles.receipts}>
        {result.redemptions.map((redemption) => (
          <li key={redemption.id} className={styles.receipt}>
            <div className={styles.receiptHead}>
              <Typography.Text strong>{redemption.templateName}</Typography.Text>
              {redemption.status === 'voided' ? (
                <Tag color="default">{t('redemption.voidedTag')}</Tag>
              ) : (
                <Money fen={redemption.discountFen} negative className={styles.discountText} />
              )}
            </div>
            <Typography.Text type="secondary" className={styles.receiptLine}>
              {redemption.display}
            </Typography.Text>
            <Typography.Text type="secondary" className={styles.receiptLine}>
              {t('redemption.receiptAt', {
                at: dayjs(redemption.createdAt).tz(timeZone).format(t('formats.dateTime')),
              })}
            </Typography.Text>
            {redemption.voidableUntil !== null && now < redemption.voidableUntil && (
              <Button
                size="small"
                icon={<UndoOutlined />}
                className={styles.voidButton}
                onClick={() => onVoid(redemption)}
              >
                {t('redemption.voidWithTimeLeft', {
                  minutes: Math.max(1, Math.ceil((redemption.voidableUntil - now) / 60_000)),
                })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.payable} data-testid="success-payable">
        <span>{voided.length ? t('redemption.payableAfterVoid') : t('redemption.payable')}</span>
        <Money fen={result.payableFen} className={styles.payableAmount} />
      </div>
      <Button type="primary" size="large" block className={styles.confirm} onClick={onNext}>
        {t('redemption.nextOrder')}
      </Button>
    </div>
  );
}

/** The right-hand side of the till: the verdict in large type, then the one confirm button. */
export function VerdictPanel({
  desk,
  timeZone,
  onVoid,
}: {
  desk: RedemptionDesk;
  timeZone: string;
  onVoid: (redemption: Redemption) => void;
}) {
  const { t } = useTranslation();
  if (desk.result)
    return (
      <SuccessView
        result={desk.result}
        timeZone={timeZone}
        onVoid={onVoid}
        onNext={desk.newOrder}
      />
    );
  const idle = desk.check.kind === 'idle' && desk.coupons.length === 0;
  return (
    <div className={styles.verdict} data-testid="verdict">
      <CheckView check={desk.check} />
      {desk.coupons.length > 0 && <OrderSummary desk={desk} />}
      {idle && (
        <div className={styles.idle}>
          <ScanOutlined className={styles.idleIcon} />
          <Typography.Title level={3} className={styles.idleTitle}>
            {t('redemption.idleTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('redemption.idleText')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
