import { IncomingAsks } from '../components/IncomingAsks';
import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import Tabs from 'antd-mobile/es/components/tabs';
import type { WalletCouponStatus } from '../../../src-shared/sync/wallet';
import { call } from '../api/client';
import { Consents } from '../components/Consents';
import { CouponCard } from '../components/CouponCard';
import { MemberCard } from '../components/MemberCard';
import { SignInGate } from '../components/SignInGate';
import { usePolled } from '../hooks/use-polled';
import { messages } from '../../../src-shared/consumer/messages';
import { navigate, pathOf } from '../route';
import type { ConsumerMe, SessionControl } from '../session/session';
import { couponsOf, loadWallet } from '../wallet-data';

const t = messages.wallet;
const TABS: WalletCouponStatus[] = ['available', 'used', 'expired'];

/** The wallet's home: member card, coupons by status, sign-out. Signs in first when needed. */
export function WalletPage({
  merchantCode,
  control,
}: {
  merchantCode: string;
  control: SessionControl;
}) {
  return (
    <main className="page">
      <SignInGate merchantCode={merchantCode} control={control}>
        {control.session.status === 'signedIn' && (
          <Wallet merchantCode={merchantCode} me={control.session.me} control={control} />
        )}
      </SignInGate>
    </main>
  );
}

function Wallet({
  merchantCode,
  me,
  control,
}: {
  merchantCode: string;
  me: ConsumerMe;
  control: SessionControl;
}) {
  const [tab, setTab] = useState<WalletCouponStatus>('available');
  // The consents given on first use can be changed (or withdrawn) here at any time.
  const [editingConsents, setEditingConsents] = useState(false);
  // 即将过期 is judged from when the page opened; a wallet is not kept open for days.
  const [now] = useState(() => Date.now());
  const withLocation = me.consents.location === true;

  // Asked again when the live stream says the coupons changed (used at a till, received).
  const { value: wallet, error } = usePolled(
    () => loadWallet(merchantCode, withLocation),
    null,
    `${merchantCode}/${withLocation}`,
    { merchantCode, topic: 'wallet' },
  );

  async function signOut() {
    try {
      await call('consumers.signOut', { merchantCode });
    } finally {
      control.signedOut();
    }
  }

  const shown = wallet ? couponsOf(wallet.coupons, tab) : [];
  return (
    <>
      <header className="wallet-head">
        <h1>{me.merchantName}</h1>
        <div className="small muted">{t.signedInAs(me.phone)}</div>
      </header>
      {wallet?.member && <MemberCard merchantCode={merchantCode} member={wallet.member} />}
      <IncomingAsks merchantCode={merchantCode} />
      <button
        type="button"
        className="tasks-entry"
        onClick={() => navigate(pathOf.tasks(merchantCode))}
      >
        <span className="tasks-entry-text">
          <strong>{messages.tasks.entry}</strong>
          <span className="small muted">{messages.tasks.entryLead}</span>
        </span>
        <span className="tasks-entry-arrow" aria-hidden="true">
          ›
        </span>
      </button>
      <Tabs activeKey={tab} onChange={(key) => setTab(key as WalletCouponStatus)}>
        {TABS.map((status) => (
          <Tabs.Tab
            key={status}
            title={`${t.tabs[status]}${wallet ? ` ${couponsOf(wallet.coupons, status).length}` : ''}`}
          />
        ))}
      </Tabs>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!wallet && !error && (
        <div className="center">
          <DotLoading color="primary" />
        </div>
      )}
      {wallet && (
        <div className="coupon-list" aria-label={t.tabs[tab]}>
          {shown.length === 0 && <p className="muted center">{t.empty[tab]}</p>}
          {shown.map((coupon) => (
            <CouponCard
              key={coupon.code}
              coupon={coupon}
              now={now}
              onOpen={() => navigate(pathOf.coupon(merchantCode, coupon.code))}
            />
          ))}
        </div>
      )}
      {editingConsents ? (
        <Consents
          merchantCode={merchantCode}
          me={me}
          onDone={(changed) => {
            setEditingConsents(false);
            control.signedIn(changed);
          }}
        />
      ) : (
        <Button block fill="none" className="sign-out" onClick={() => setEditingConsents(true)}>
          {t.consents}
        </Button>
      )}
      <Button block fill="none" className="sign-out" onClick={signOut}>
        {t.signOut}
      </Button>
    </>
  );
}
