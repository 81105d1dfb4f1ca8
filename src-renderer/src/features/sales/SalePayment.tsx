import { Alert, Button, Card, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../../src-shared/contract/redemption';
import type { CashRounding } from '../../../../src-shared/till/tenders';
import { Money } from '../../ui/Money';
import { TenderPanel } from '../till/TenderPanel';
import type { TenderDraft } from '../till/tender-draft';
import styles from './SalePage.module.css';

/**
 * The payment column of the sale screen: the totals after coupons (and why a coupon does not
 * apply), the tenders being taken (points among them when a member is at the till) and the
 * button that records the sale.
 */
export function SalePayment({
  subtotalFen,
  couponFen,
  refused,
  payableFen,
  storeMissing,
  rounding,
  tender,
  onTender,
  onPay,
  canPay,
  checking,
  paying,
  tenderInput,
  pointsValueFen,
}: {
  subtotalFen: number;
  couponFen: number;
  refused: Verdict[];
  payableFen: number;
  storeMissing: boolean;
  rounding: CashRounding;
  tender: TenderDraft;
  onTender: (draft: TenderDraft) => void;
  onPay: () => void;
  /** Goods entered, a store chosen, not yet recorded. */
  canPay: boolean;
  /** The coupons are being checked: the total may still change. */
  checking: boolean;
  paying: boolean;
  tenderInput: Ref<InputRef>;
  pointsValueFen: number | null;
}) {
  const { t } = useTranslation();
  return (
    <Card className={styles.summary} title={t('sale.summary')}>
      <div className={styles.totalRow}>
        <span>{t('sale.subtotal')}</span>
        <span data-testid="sale-subtotal">
          <Money fen={subtotalFen} />
        </span>
      </div>
      {couponFen > 0 && (
        <div className={styles.totalRow}>
          <span>{t('till.couponDiscount')}</span>
          <span data-testid="sale-coupon-discount">
            <Money fen={couponFen} negative />
          </span>
        </div>
      )}
      {refused.map((verdict, i) => (
        <Alert
          key={i}
          type="warning"
          showIcon
          title={t('till.couponProblem', {
            code: verdict.display ?? '',
            reason: t(`redemption.reasonTitles.${verdict.reason ?? 'NOT_FOUND'}`),
          })}
        />
      ))}
      <div className={styles.totalRow}>
        <span>{t('till.payable')}</span>
        <span data-testid="sale-payable">
          <Money fen={payableFen} className={styles.total} />
        </span>
      </div>
      {storeMissing && <Alert type="warning" showIcon title={t('sale.pickStore')} />}
      <TenderPanel
        payableFen={payableFen}
        rounding={rounding}
        draft={tender}
        onChange={onTender}
        onEnter={onPay}
        disabled={!canPay}
        inputRef={tenderInput}
        pointsValueFen={pointsValueFen}
      />
      <Button
        type="primary"
        size="large"
        block
        disabled={!canPay || checking}
        loading={paying}
        onClick={onPay}
      >
        {t('till.pay')}
      </Button>
    </Card>
  );
}
