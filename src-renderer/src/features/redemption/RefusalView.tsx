import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-shared/money';
import { ALARMING_REASONS, type Refusal } from './refusal';
import styles from './RedemptionPage.module.css';

const text = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : String(value);
const fen = (value: unknown) => (typeof value === 'number' ? formatFen(value) : null);

/** Seconds left of a cool-down, counting down on screen. */
function SecondsLeft({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = window.setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return <span className={styles.countdown}>{left}</span>;
}

/** Why the code cannot be used, in large type, with the particulars the cashier needs. */
export function RefusalView({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  const { reason, details } = refusal;
  const forged = reason === 'FORGED';
  const alarming = ALARMING_REASONS.includes(reason);

  const facts: { label: string; value: string | null }[] = [];
  const fact = (label: string, value: string | null) => facts.push({ label, value });
  switch (reason) {
    case 'ALREADY_REDEEMED':
      fact(t('redemption.facts.redeemedAt'), text(details.atText));
      fact(t('redemption.facts.store'), text(details.storeName));
      fact(t('redemption.facts.terminal'), text(details.terminalCode));
      fact(t('redemption.facts.staff'), text(details.staffName));
      break;
    case 'MIN_SPEND_NOT_MET':
      fact(t('redemption.facts.required'), fen(details.requiredFen));
      fact(t('redemption.facts.eligible'), fen(details.eligibleFen));
      fact(t('redemption.facts.short'), fen(details.shortFen));
      break;
    case 'EXPIRED':
      fact(t('redemption.facts.expiredAt'), text(details.validUntilText));
      break;
    case 'NOT_YET_VALID':
      fact(t('redemption.facts.validFrom'), text(details.validFromText));
      break;
    case 'STORE_NOT_ELIGIBLE':
      fact(t('redemption.facts.thisStore'), text(details.storeName));
      break;
    case 'CUSTOMER_LIMIT_REACHED':
      fact(t('redemption.facts.limit'), text(details.limit));
      break;
    case 'VOIDED':
      fact(t('redemption.facts.cancelReason'), text(details.cancelReason));
      break;
    case 'NOT_FOUND':
      if (details.genuine) fact(t('redemption.facts.validUntil'), text(details.validUntilText));
      break;
  }
  const shown = facts.filter((item): item is { label: string; value: string } => !!item.value);

  // What the cashier should do about it, where there is something particular to say.
  const advice =
    reason === 'BAD_CHECK'
      ? t(
          `redemption.advice.badCheck.${(details.problem as 'length' | 'characters' | 'check') ?? 'check'}`,
        )
      : reason === 'FORGED'
        ? t('redemption.advice.forged')
        : reason === 'NOT_FOUND' && details.genuine
          ? t('redemption.advice.notSynced')
          : reason === 'ITEM_NOT_IN_ORDER' && details.needsLines
            ? t('redemption.advice.needsLines')
            : null;

  return (
    <div
      className={forged ? styles.forged : alarming ? styles.refusedRed : styles.refusedOrange}
      role="alert"
      data-testid="refusal"
      data-reason={reason}
    >
      <div className={styles.refusalTitle}>
        {forged ? <WarningFilled /> : <ExclamationCircleFilled />}
        <span>{t(`redemption.reasonTitles.${reason}`)}</span>
      </div>
      <Typography.Paragraph className={styles.refusalText}>
        {reason === 'COOLING_DOWN' ? (
          <>
            {t('redemption.coolingDownBefore')}
            <SecondsLeft seconds={Number(details.seconds) || 0} />
            {t('redemption.coolingDownAfter')}
          </>
        ) : (
          t(`refusals.${reason}`, details)
        )}
      </Typography.Paragraph>
      {refusal.display && <div className={styles.refusalCode}>{refusal.display}</div>}
      {shown.length > 0 && (
        <Descriptions
          column={1}
          size="small"
          className={styles.facts}
          items={shown.map((item) => ({
            key: item.label,
            label: item.label,
            children: item.value,
          }))}
        />
      )}
      {advice && <Typography.Paragraph className={styles.advice}>{advice}</Typography.Paragraph>}
    </div>
  );
}
