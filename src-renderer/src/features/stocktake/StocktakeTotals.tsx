import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StocktakeSheet } from '../../../../src-shared/contract/stocktake';
import { Money } from '../../ui/Money';
import styles from './StocktakePage.module.css';

/** 盘盈, 盘亏 and the net of a sheet, and what the amounts are priced at. */
export function StocktakeTotals({ totals }: { totals: StocktakeSheet['totals'] }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className={styles.totals} data-testid="stocktake-totals">
        <div className={styles.total}>
          <Typography.Text type="secondary">{t('stocktake.totals.gain')}</Typography.Text>
          <Money fen={totals.gainFen} className={`${styles.totalValue} ${styles.gain}`} />
          <Typography.Text type="secondary">
            {t('stocktake.totals.units', { qty: totals.gainQty })}
          </Typography.Text>
        </div>
        <div className={styles.total}>
          <Typography.Text type="secondary">{t('stocktake.totals.loss')}</Typography.Text>
          <Money fen={totals.lossFen} className={`${styles.totalValue} ${styles.loss}`} />
          <Typography.Text type="secondary">
            {t('stocktake.totals.units', { qty: totals.lossQty })}
          </Typography.Text>
        </div>
        <div className={styles.total}>
          <Typography.Text type="secondary">{t('stocktake.totals.net')}</Typography.Text>
          <Money
            fen={totals.netFen}
            className={`${styles.totalValue} ${totals.netFen < 0 ? styles.loss : styles.gain}`}
          />
        </div>
      </div>
      <Typography.Text type="secondary">
        {t('stocktake.totals.basis', { cost: totals.costLines, retail: totals.retailLines })}
      </Typography.Text>
    </div>
  );
}
