import { CloseOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateType } from '../../../../src-shared/contract/coupons';
import { formatFen } from '../../../../src-shared/money';
import { Money } from '../../ui/Money';
import { TYPE_COLORS } from '../coupons/rule-summary';
import { refusalTitle } from './refusal-text';
import type { AppliedCoupon } from './use-redemption-desk';
import styles from './RedemptionPage.module.css';

interface CouponStackProps {
  coupons: AppliedCoupon[];
  onRemove: (index: number) => void;
  disabled: boolean;
}

/** The coupons on this order, in the order they apply, each with what it takes off. */
export function CouponStack({ coupons, onRemove, disabled }: CouponStackProps) {
  const { t } = useTranslation();
  if (coupons.length === 0) return null;
  // Shown by step, the order the app applies them in; removing goes by position on the order.
  const byStep = coupons
    .map((coupon, index) => ({ coupon, index }))
    .sort((a, b) => (a.coupon.verdict.step ?? 99) - (b.coupon.verdict.step ?? 99));
  return (
    <ol className={styles.stack} aria-label={t('redemption.couponsOnOrder')}>
      {byStep.map(({ coupon, index }) => {
        const { verdict } = coupon;
        const type = verdict.template?.type as TemplateType | undefined;
        return (
          <li
            key={coupon.input}
            className={verdict.valid ? styles.stackItem : styles.stackItemUnfit}
          >
            {/* A coupon that does not fit the order yet has no step in it. */}
            {verdict.step !== null && (
              <span className={styles.step}>
                {t('redemption.step', { step: verdict.step + 1 })}
              </span>
            )}
            <span className={styles.stackBody}>
              <span>
                {type && (
                  <Tag color={TYPE_COLORS[type]} variant="filled">
                    {t(`coupons.types.${type}`)}
                  </Tag>
                )}
                <Typography.Text strong>{verdict.template?.name}</Typography.Text>
                {verdict.template?.stackable && <Tag>{t('redemption.stackable')}</Tag>}
              </span>
              <Typography.Text type="secondary" className={styles.stackCode}>
                {verdict.display}
              </Typography.Text>
            </span>
            <span className={styles.stackAmount}>
              {coupon.redemption?.status === 'voided' ? (
                <Tag>{t('redemption.voidedTag')}</Tag>
              ) : coupon.redemption ? (
                <Tag color="green">{t('redemption.redeemedTag')}</Tag>
              ) : verdict.valid ? (
                <Money fen={verdict.discountFen} negative />
              ) : (
                <Typography.Text type="warning">
                  {refusalTitle(t, verdict.reason ?? 'NOT_FOUND')}
                  {/* How much more to buy, where that is the reason. */}
                  {verdict.reason === 'MIN_SPEND_NOT_MET' &&
                    typeof verdict.details.shortFen === 'number' &&
                    t('redemption.shortBy', { amount: formatFen(verdict.details.shortFen) })}
                </Typography.Text>
              )}
            </span>
            {!coupon.redemption && (
              <Tooltip title={t('redemption.removeCoupon')}>
                <Button
                  type="text"
                  icon={<CloseOutlined />}
                  disabled={disabled}
                  aria-label={t('redemption.removeCoupon')}
                  onClick={() => onRemove(index)}
                />
              </Tooltip>
            )}
          </li>
        );
      })}
    </ol>
  );
}
