import Tag from 'antd-mobile/es/components/tag';
import { formatDay, formatMinute } from '../format';
import { messages } from '../../../src-shared/consumer/messages';
import { ruleText } from '../../../src-shared/consumer/rule-text';
import { isExpiringSoon, type WalletCoupon } from '../wallet-data';

const t = messages.wallet;

/** One coupon of the wallet: rule, validity in its store's zone, where it works. */
export function CouponCard({
  coupon,
  now,
  onOpen,
}: {
  coupon: WalletCoupon;
  now: number;
  onOpen?: () => void;
}) {
  const expiringSoon = isExpiringSoon(coupon, now);
  return (
    <article
      className={`coupon-card coupon-${coupon.status}`}
      aria-label={coupon.name}
      data-code={coupon.code}
      onClick={onOpen}
      role={onOpen ? 'button' : undefined}
    >
      <div className="coupon-rule">{ruleText(coupon.rule, coupon.productNames)}</div>
      <div className="coupon-body">
        <div className="coupon-name">
          {coupon.name}
          {expiringSoon && (
            <Tag color="danger" fill="outline" className="coupon-tag">
              {t.expiringSoon}
            </Tag>
          )}
        </div>
        <div className="small muted">
          {coupon.status === 'used' && coupon.usedAt !== null
            ? t.usedAt(formatMinute(coupon.usedAt, coupon.timezone), coupon.usedStoreName)
            : t.validUntil(formatDay(coupon.validUntil, coupon.timezone))}
        </div>
        <div className="small muted coupon-stores">
          {coupon.stores.length === 0
            ? t.allStores
            : coupon.stores
                .map((store) =>
                  store.distanceM !== null
                    ? `${store.name} ${t.distance(store.distanceM)}`
                    : store.name,
                )
                .join('、')}
        </div>
      </div>
    </article>
  );
}
