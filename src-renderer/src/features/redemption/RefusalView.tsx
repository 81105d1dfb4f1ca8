import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARMING_REASONS, type Refusal } from './refusal';
import { refusalText } from './refusal-text';
import styles from './RedemptionPage.module.css';

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
  const { title, sentence, facts, advice } = refusalText(t, refusal);

  return (
    <div
      className={forged ? styles.forged : alarming ? styles.refusedRed : styles.refusedOrange}
      role="alert"
      data-testid="refusal"
      data-reason={reason}
    >
      <div className={styles.refusalTitle}>
        {forged ? <WarningFilled /> : <ExclamationCircleFilled />}
        <span>{title}</span>
      </div>
      {/* A cool-down counts its seconds down on screen rather than saying them once. */}
      {reason === 'COOLING_DOWN' ? (
        <Typography.Paragraph className={styles.refusalText}>
          {t('redemption.coolingDownBefore')}
          <SecondsLeft seconds={Number(details.seconds) || 0} />
          {t('redemption.coolingDownAfter')}
        </Typography.Paragraph>
      ) : (
        sentence && (
          <Typography.Paragraph className={styles.refusalText}>{sentence}</Typography.Paragraph>
        )
      )}
      {refusal.display && <div className={styles.refusalCode}>{refusal.display}</div>}
      {facts.length > 0 && (
        <Descriptions
          column={1}
          size="small"
          className={styles.facts}
          items={facts.map((item) => ({
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
