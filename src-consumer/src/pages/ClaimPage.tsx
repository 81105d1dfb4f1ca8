import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { call } from '../api/client';
import { AskPanel } from '../components/AskPanel';
import { CouponCard } from '../components/CouponCard';
import { OfferCard, type ClaimOffer } from '../components/OfferCard';
import { SignInGate } from '../components/SignInGate';
import { messages } from '../../../src-shared/consumer/messages';
import { navigate, pathOf } from '../route';
import type { SessionControl } from '../session/session';
import { takeEmbeddedOffer } from '../embedded-offer';
import { unavailableText } from '../unavailable';

const t = messages.offer;
type Claimed = EndpointOutput<'consumers.claimIssuance'>;

/** Which QR was scanned: an issuance QR (a count, dates) or a store's fixed poster. */
export type ClaimSource =
  { kind: 'issuance'; issuanceId: string } | { kind: 'store'; storeId: string };

const loadOffer = (merchantCode: string, source: ClaimSource) =>
  source.kind === 'issuance'
    ? call('consumers.issuanceOffer', { merchantCode, issuanceId: source.issuanceId })
    : call('consumers.storeOffer', { merchantCode, storeId: source.storeId });

const claim = (merchantCode: string, source: ClaimSource) =>
  source.kind === 'issuance'
    ? call('consumers.claimIssuance', { merchantCode, issuanceId: source.issuanceId })
    : call('consumers.claimStore', { merchantCode, storeId: source.storeId });

/**
 * The page a scanned QR opens: the offer, 领取; signing in and the consents come in between when
 * needed, then the claim; a refusal says why, a second claim shows the coupon already held.
 */
export function ClaimPage({
  merchantCode,
  source,
  control,
}: {
  merchantCode: string;
  source: ClaimSource;
  control: SessionControl;
}) {
  const sourceKey = source.kind === 'issuance' ? source.issuanceId : source.storeId;
  // The cloud wrote the offer into the page: shown at once, refreshed from the API below.
  const embedded = takeEmbeddedOffer(source.kind, sourceKey);
  const [offer, setOffer] = useState<ClaimOffer | null>(embedded);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [wantsClaim, setWantsClaim] = useState(false);
  const [claimed, setClaimed] = useState<Claimed | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadOffer(merchantCode, source).then(
      async (answer) => {
        if (!live) return;
        setOffer(answer);
        if (answer.unavailable) setUnavailable(await unavailableText(answer.unavailable));
      },
      // With the offer the page came with, a failed refresh leaves it shown (the claim will say).
      (error: Error) => live && !embedded && setLoadError(error.message),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the source is keyed by its id
  }, [merchantCode, source.kind, sourceKey]);

  const ready =
    control.session.status === 'signedIn' &&
    control.session.me.consents.marketing !== null &&
    control.session.me.consents.location !== null;

  // Once signed in (and the consents answered), the claim the consumer asked for goes ahead.
  useEffect(() => {
    if (!wantsClaim || !ready || claimed) return;
    let live = true;
    claim(merchantCode, source).then(
      (answer) => live && setClaimed(answer),
      (error: Error) => {
        if (!live) return;
        setRefusal(error.message);
        setWantsClaim(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the source is keyed by its id
  }, [wantsClaim, ready, claimed, merchantCode, source.kind, sourceKey]);

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
        <span className="muted">{t.loading}</span>
      </main>
    );

  return (
    <main className="page">
      <OfferCard offer={offer} />
      {claimed ? (
        <section className="panel" aria-label={claimed.already ? t.already : t.claimed}>
          <p className={claimed.already ? 'notice' : 'success'} role="status">
            {claimed.already ? t.already : t.claimed}
          </p>
          <CouponCard coupon={claimed.coupon} now={claimed.coupon.claimedAt} />
          <Button
            block
            color="primary"
            size="large"
            onClick={() => navigate(pathOf.coupon(merchantCode, claimed.coupon.code))}
          >
            {t.show}
          </Button>
          <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
            {t.toWallet}
          </Button>
        </section>
      ) : wantsClaim && !ready ? (
        <SignInGate merchantCode={merchantCode} control={control}>
          {null}
        </SignInGate>
      ) : (
        <section className="panel">
          {unavailable && (
            <p className="error" role="alert">
              {unavailable}
            </p>
          )}
          {refusal && (
            <p className="error" role="alert">
              {refusal}
            </p>
          )}
          <Button
            block
            color="primary"
            size="large"
            disabled={unavailable !== null}
            loading={wantsClaim}
            onClick={() => {
              setRefusal(null);
              setWantsClaim(true);
            }}
          >
            {wantsClaim ? t.claiming : t.claim}
          </Button>
          <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
            {t.toWallet}
          </Button>
        </section>
      )}
      {/* A store's page: a signed-in phone may ask nearby holders for one of its coupons. */}
      {source.kind === 'store' && ready && (
        <AskPanel merchantCode={merchantCode} storeId={source.storeId} />
      )}
    </main>
  );
}
