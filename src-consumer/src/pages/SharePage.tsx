import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { messages } from '../../../src-shared/consumer/messages';
import { ruleText } from '../../../src-shared/consumer/rule-text';
import { call } from '../api/client';
import { CouponCard } from '../components/CouponCard';
import { SignInGate } from '../components/SignInGate';
import { formatDay } from '../format';
import { navigate, pathOf } from '../route';
import type { SessionControl } from '../session/session';

const t = messages.share;
type Offer = EndpointOutput<'consumers.shareOffer'>;
type Accepted = EndpointOutput<'consumers.acceptShare'>;

/**
 * A share link opened on the receiver's phone: the coupon a friend gives (never their number),
 * 领取; signing in comes in between when needed, then the coupon is in the wallet.
 */
export function SharePage({
  merchantCode,
  token,
  control,
}: {
  merchantCode: string;
  token: string;
  control: SessionControl;
}) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [wants, setWants] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('consumers.shareOffer', { merchantCode, token }).then(
      (answer) => live && setOffer(answer),
      (error: Error) => live && setLoadError(error.message),
    );
    return () => {
      live = false;
    };
  }, [merchantCode, token]);

  const ready =
    control.session.status === 'signedIn' &&
    control.session.me.consents.marketing !== null &&
    control.session.me.consents.location !== null;

  useEffect(() => {
    if (!wants || !ready || accepted) return;
    let live = true;
    call('consumers.acceptShare', { merchantCode, token }).then(
      (answer) => live && setAccepted(answer),
      (error: Error) => {
        if (!live) return;
        setRefusal(error.message);
        setWants(false);
      },
    );
    return () => {
      live = false;
    };
  }, [wants, ready, accepted, merchantCode, token]);

  if (loadError)
    return (
      <main className="page">
        <p className="error" role="alert">
          {loadError}
        </p>
      </main>
    );
  if (!offer)
    return (
      <main className="page center" aria-busy="true">
        <DotLoading color="primary" />
      </main>
    );
  const closed = offer.status !== 'open' ? t.status[offer.status] : null;
  return (
    <main className="page">
      <section className="offer" aria-label={offer.name}>
        <div className="offer-merchant">{offer.merchantName}</div>
        <h1 className="offer-title">{offer.mode === 'transfer' ? t.offerTransfer : t.offerCopy}</h1>
        <div className="offer-rule">{ruleText(offer.rule, {})}</div>
        <div className="offer-name">{offer.name}</div>
        <div className="small">
          {messages.wallet.validUntil(formatDay(offer.validUntil, offer.timezone))}
        </div>
        {offer.allowanceLeft !== null && offer.status === 'open' && (
          <div className="offer-remaining">{t.left(offer.allowanceLeft)}</div>
        )}
      </section>
      {accepted ? (
        <section className="panel">
          <p className="success" role="status">
            {t.accepted}
          </p>
          <CouponCard coupon={accepted.coupon} now={accepted.coupon.claimedAt} />
          <Button
            block
            color="primary"
            size="large"
            onClick={() => navigate(pathOf.coupon(merchantCode, accepted.coupon.code))}
          >
            {messages.offer.show}
          </Button>
        </section>
      ) : wants && !ready ? (
        <SignInGate merchantCode={merchantCode} control={control}>
          {null}
        </SignInGate>
      ) : (
        <section className="panel">
          {(closed || refusal) && (
            <p className="error" role="alert">
              {refusal ?? closed}
            </p>
          )}
          <Button
            block
            color="primary"
            size="large"
            disabled={closed !== null}
            loading={wants}
            onClick={() => {
              setRefusal(null);
              setWants(true);
            }}
          >
            {wants ? t.accepting : t.accept}
          </Button>
          <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
            {messages.offer.toWallet}
          </Button>
        </section>
      )}
    </main>
  );
}
