import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../src-shared/contract/sales';
import { Money } from '../../ui/Money';
import styles from './Till.module.css';

/** After a sale: how it was paid and, for cash, the change to hand back, in large type. */
export function SaleChange({ sale, changeFen }: { sale: Sale; changeFen: number }) {
  const { t } = useTranslation();
  const cash = sale.tenders.find((tender) => tender.kind === 'cash');
  return (
    <span className={styles.form}>
      {sale.tenders.map((tender, i) => (
        <span key={i} className={styles.row}>
          <span>{tender.label || t(`till.kinds.${tender.kind}`)}</span>
          <Money fen={tender.amountFen} />
        </span>
      ))}
      {cash?.givenFen != null && (
        <span className={styles.row}>
          <span>{t('till.given')}</span>
          <Money fen={cash.givenFen} />
        </span>
      )}
      {cash && (
        <span className={styles.row}>
          <span>{t('till.change')}</span>
          <span data-testid="sale-change">
            <Money fen={changeFen} className={styles.change} />
          </span>
        </span>
      )}
    </span>
  );
}
