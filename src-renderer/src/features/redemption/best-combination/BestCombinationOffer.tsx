import { BulbOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../src-shared/money';
import { Money } from '../../../ui/Money';
import type { RedemptionDesk } from '../use-redemption-desk';
import { useBestOffer } from './use-best-offer';
import styles from './BestCombinationOffer.module.css';

/**
 * 自动选最优券 at the till: when the customer has shown several codes and another set of them
 * leaves less to pay, it is offered in one click ("用这 2 张，共减 ¥23.50").
 */
export function BestCombinationOffer({
  desk,
  storeId,
}: {
  desk: RedemptionDesk;
  storeId: string | undefined;
}) {
  const { t } = useTranslation();
  const best = useBestOffer(desk, storeId);
  if (!best) return null;
  const held = desk.coupons.length + desk.held.length;
  return (
    <section
      className={styles.offer}
      data-testid="best-combination"
      aria-label={t('redemption.best.title')}
    >
      <div className={styles.head}>
        <BulbOutlined /> {t('redemption.best.title')}
      </div>
      <Typography.Text type="secondary">{t('redemption.best.hint', { held })}</Typography.Text>
      <ol className={styles.list}>
        {best.coupons.map((coupon) => (
          <li key={coupon.code} className={styles.item}>
            <span>{coupon.templateName}</span>
            <Money fen={coupon.discountFen} negative className={styles.amount} />
          </li>
        ))}
      </ol>
      <div className={styles.payable}>
        <span>{t('redemption.best.payable')}</span>
        <Money fen={best.payableFen} />
      </div>
      <Button
        type="primary"
        size="large"
        block
        disabled={desk.repricing || desk.redeeming}
        onClick={() => void desk.applyCombination(best.codes)}
      >
        {t('redemption.best.use', {
          count: best.codes.length,
          amount: formatFen(best.discountFen),
        })}
      </Button>
    </section>
  );
}
