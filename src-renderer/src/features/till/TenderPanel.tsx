import { CloseOutlined } from '@ant-design/icons';
import { Button, Input, Typography, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { roundingOf, type CashRounding } from '../../../../src-shared/till/tenders';
import { Money } from '../../ui/Money';
import { TENDER_KEYS, takenFen, type TenderDraft } from './tender-draft';
import styles from './Till.module.css';

/**
 * The tenders of the sale on the sale screen: the kinds with their keys, what is already paid (a
 * split), the amount being typed, 抹零 for cash, and what is left. Enter in the amount pays.
 */
export function TenderPanel({
  payableFen,
  rounding,
  draft,
  onChange,
  onEnter,
  disabled,
  inputRef,
  pointsValueFen = null,
}: {
  payableFen: number;
  rounding: CashRounding;
  draft: TenderDraft;
  onChange: (draft: TenderDraft) => void;
  onEnter: () => void;
  disabled: boolean;
  inputRef: Ref<InputRef>;
  /** What the sale's member's points are worth (null: no member, points cannot pay). */
  pointsValueFen?: number | null;
}) {
  const { t } = useTranslation();
  const left = payableFen - takenFen(draft);
  const cashRounding = draft.kind === 'cash' ? roundingOf(Math.max(left, 0), rounding) : 0;
  const name = t(`till.kinds.${draft.kind}`);
  return (
    <div className={styles.tenders} data-testid="tender-panel">
      <div className={styles.kinds} role="radiogroup" aria-label={t('till.tenders')}>
        {TENDER_KEYS.map(({ key, kind }) => (
          <Button
            key={kind}
            role="radio"
            aria-checked={draft.kind === kind}
            type={draft.kind === kind ? 'primary' : 'default'}
            disabled={disabled}
            onClick={() => onChange({ ...draft, kind, text: '' })}
            className={styles.tenderKind}
          >
            {t(`till.kinds.${kind}`)}
            <kbd>{key}</kbd>
          </Button>
        ))}
      </div>
      {draft.taken.map((tender, i) => (
        <div key={i} className={styles.row}>
          <span>{t(`till.kinds.${tender.kind}`)}</span>
          <span>
            <Money fen={tender.amountFen} />
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('till.removeTender', { name: t(`till.kinds.${tender.kind}`) })}
              onClick={() => onChange({ ...draft, taken: draft.taken.filter((_, j) => j !== i) })}
            />
          </span>
        </div>
      ))}
      {cashRounding > 0 && (
        <div className={styles.row} data-testid="tender-rounding">
          <span>{t('till.rounding')}</span>
          <Money fen={cashRounding} negative />
        </div>
      )}
      <div className={styles.row}>
        <span>{draft.kind === 'cash' ? t('till.cashDue') : t('till.remaining')}</span>
        <span data-testid="tender-due">
          <Money fen={left - cashRounding} className={styles.due} />
        </span>
      </div>
      {draft.kind === 'points' && (
        <div className={styles.row} data-testid="tender-points">
          <span>{t('till.pointsWorth')}</span>
          {pointsValueFen === null ? (
            <Typography.Text type="warning">{t('till.pointsNeedMember')}</Typography.Text>
          ) : (
            <Money fen={pointsValueFen} />
          )}
        </div>
      )}
      <Input
        ref={inputRef}
        size="large"
        inputMode="decimal"
        prefix="¥"
        disabled={disabled}
        value={draft.text}
        placeholder={
          draft.kind === 'cash' ? t('till.givenPlaceholder') : t('till.amountPlaceholder')
        }
        onChange={(event) => onChange({ ...draft, text: event.target.value })}
        onPressEnter={(event) => {
          event.preventDefault();
          onEnter();
        }}
        aria-label={t('till.amount', { name })}
      />
      <Typography.Text type="secondary" className={styles.keys}>
        {t('till.keys')}
      </Typography.Text>
    </div>
  );
}
