import { useEffect, useRef } from 'react';
import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';
import JsBarcode from 'jsbarcode';
import { Pending } from '../components/Pending';
import { QrCanvas } from '../components/QrCanvas';
import { SharePanel } from '../components/SharePanel';
import { SignInGate } from '../components/SignInGate';
import { usePolled } from '../hooks/use-polled';
import { formatDay, formatMinute, groupInFours } from '../format';
import { messages } from '../../../src-shared/consumer/messages';
import { ruleText } from '../../../src-shared/consumer/rule-text';
import { navigate, pathOf } from '../route';
import type { SessionControl } from '../session/session';
import { loadWallet, type WalletCoupon } from '../wallet-data';

const t = messages.coupon;
/** Without the live stream, a till's redemption reaches the phone within this (5 s asked). */
const POLL_MS = 3000;

/**
 * The coupon shown at the till (lazy-loaded: the QR and barcode code stays off the claim page):
 * a big QR of the signed token, CODE128 of the code, the digits in fours. It turns to 已使用 as
 * soon as the cloud's live stream says a till redeemed it (every 3 s it asks when that is down).
 */
export default function CouponPage({
  merchantCode,
  code,
  control,
}: {
  merchantCode: string;
  code: string;
  control: SessionControl;
}) {
  return (
    <main className="page">
      <SignInGate merchantCode={merchantCode} control={control}>
        <LiveCoupon merchantCode={merchantCode} code={code} />
      </SignInGate>
    </main>
  );
}

function LiveCoupon({ merchantCode, code }: { merchantCode: string; code: string }) {
  const { value: wallet, error } = usePolled(
    () => loadWallet(merchantCode, false),
    POLL_MS,
    `${merchantCode}/${code}`,
    { merchantCode, topic: 'wallet' },
  );
  // undefined: not asked yet; null: not in the wallet.
  const coupon: WalletCoupon | null | undefined = wallet
    ? (wallet.coupons.find((held) => held.code === code) ?? null)
    : undefined;

  const back = (
    <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
      {t.back}
    </Button>
  );
  if (coupon === undefined) return <Pending error={error} />;
  if (coupon === null)
    return (
      <>
        <Result status="warning" title={t.notFound} />
        {back}
      </>
    );
  return (
    <>
      <section className="coupon-show" aria-label={t.title}>
        <div className="coupon-show-rule">{ruleText(coupon.rule, coupon.productNames)}</div>
        <div className="coupon-show-name">{coupon.name}</div>
        {coupon.status === 'available' ? (
          <Codes coupon={coupon} />
        ) : coupon.status === 'used' ? (
          <Result
            status="success"
            title={t.used}
            description={
              coupon.usedAt !== null
                ? t.usedDetail(formatMinute(coupon.usedAt, coupon.timezone), coupon.usedStoreName)
                : undefined
            }
            className="coupon-used"
          />
        ) : (
          <Result status="info" title={t.expired} className="coupon-expired" />
        )}
        <div className="small muted">
          {messages.wallet.validUntil(formatDay(coupon.validUntil, coupon.timezone))}
        </div>
        {error && <p className="error small">{error}</p>}
      </section>
      {coupon.status === 'available' && coupon.share && (
        <SharePanel merchantCode={merchantCode} coupon={{ ...coupon, share: coupon.share }} />
      )}
      {back}
    </>
  );
}

/** QR and barcode on canvases: no image URLs, nothing the page's CSP must allow. */
function Codes({ coupon }: { coupon: WalletCoupon }) {
  const barcode = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (barcode.current)
      JsBarcode(barcode.current, coupon.code, {
        format: 'CODE128',
        displayValue: false,
        height: 70,
        margin: 0,
        width: 2,
      });
  }, [coupon.code]);
  return (
    <div className="codes">
      <p className="hint">{t.brightness}</p>
      <QrCanvas payload={coupon.token} />
      <canvas ref={barcode} className="barcode" aria-label="CODE128" />
      <div className="code-digits" aria-label={t.code}>
        {groupInFours(coupon.code)}
      </div>
    </div>
  );
}
