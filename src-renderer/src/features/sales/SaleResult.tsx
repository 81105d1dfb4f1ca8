import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../src-shared/contract/sales';
import { Money } from '../../ui/Money';
import { SaleChange } from '../till/SaleChange';
import styles from './SalePage.module.css';

/** The sale just recorded: its change, the coupons it earned, the totals; next sale or 补打. */
export function SaleResult({
  sale,
  replayed,
  changeFen,
  earned,
  onNext,
  onReprint,
}: {
  sale: Sale;
  replayed: boolean;
  changeFen: number;
  earned: string[];
  onNext: () => void;
  onReprint: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<CheckCircleFilled />}
      status="success"
      title={replayed ? t('sale.replayed') : t('sale.recorded')}
      subTitle={
        <>
          <div>{t('sale.recordedText', { lines: sale.lines.length })}</div>
          <SaleChange sale={sale} changeFen={changeFen} />
          {earned.length > 0 && <div>{t('till.earned', { list: earned.join('，') })}</div>}
          <div>{t('till.nextHint')}</div>
        </>
      }
      extra={
        <>
          <Button type="primary" size="large" onClick={onNext}>
            {t('sale.next')}
          </Button>
          <Button size="large" onClick={onReprint}>
            {t('till.reprint')}
          </Button>
        </>
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'subtotal',
            label: t('sale.subtotal'),
            children: <Money fen={sale.subtotalFen} />,
          },
          {
            key: 'discount',
            label: t('sale.discount'),
            children: <Money fen={sale.discountFen} negative />,
          },
          ...(sale.roundingFen
            ? [
                {
                  key: 'rounding',
                  label: t('till.rounding'),
                  children: <Money fen={sale.roundingFen} negative />,
                },
              ]
            : []),
          {
            key: 'total',
            label: t('sale.total'),
            children: <Money fen={sale.paidFen} className={styles.total} />,
          },
          ...sale.coupons.map((coupon) => ({
            key: coupon.redemptionId,
            label: coupon.templateName,
            children: (
              <span>
                {coupon.display} · <Money fen={coupon.discountFen} negative />
              </span>
            ),
          })),
        ]}
      />
    </Result>
  );
}
