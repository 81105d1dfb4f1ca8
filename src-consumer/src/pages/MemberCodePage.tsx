import Button from 'antd-mobile/es/components/button';
import { QrCanvas } from '../components/QrCanvas';
import { SignInGate } from '../components/SignInGate';
import { usePolled } from '../hooks/use-polled';
import { call } from '../api/client';
import { MEMBER_QR_SLOT_MS } from '../../../src-shared/members/member-qr';
import { messages } from '../../../src-shared/consumer/messages';
import { navigate, pathOf } from '../route';
import type { SessionControl } from '../session/session';

const t = messages.member;

/**
 * The member code the till scans (lazy-loaded with the QR encoder). The cloud signs a code for
 * each 30-second window; the page asks for a fresh one as each window begins, so a screenshot
 * stops scanning within minutes.
 */
export default function MemberCodePage({
  merchantCode,
  control,
}: {
  merchantCode: string;
  control: SessionControl;
}) {
  return (
    <main className="page">
      <SignInGate merchantCode={merchantCode} control={control}>
        <LiveMemberCode merchantCode={merchantCode} />
      </SignInGate>
    </main>
  );
}

function LiveMemberCode({ merchantCode }: { merchantCode: string }) {
  const { value: me, error } = usePolled(
    () => call('consumers.me', { merchantCode }),
    MEMBER_QR_SLOT_MS,
    merchantCode,
  );
  const member = me?.member;

  return (
    <>
      <section className="coupon-show" aria-label={t.codeTitle}>
        <div className="coupon-show-rule">{t.codeTitle}</div>
        {member && (
          <div className="coupon-show-name">
            {member.name ?? ''} {t.points} {member.points}
          </div>
        )}
        {member?.code ? (
          <div className="codes">
            <p className="hint">{t.codeHint}</p>
            <QrCanvas payload={member.code} />
          </div>
        ) : (
          member !== undefined && <p className="muted">{t.noCode}</p>
        )}
        {error && (
          <p className="error small" role="alert">
            {error}
          </p>
        )}
      </section>
      <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
        {t.back}
      </Button>
    </>
  );
}
