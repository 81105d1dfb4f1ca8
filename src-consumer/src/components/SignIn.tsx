import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import { call } from '../api/client';
import { messages } from '../../../src-shared/consumer/messages';
import type { ConsumerMe } from '../session/session';

const t = messages.signIn;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Phone → 获取验证码 (with the resend countdown the cloud sets) → six digits → signed in. */
export function SignIn({
  merchantCode,
  onSignedIn,
}: {
  merchantCode: string;
  onSignedIn: (me: ConsumerMe) => void;
}) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [resendAfter, setResendAfter] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState<'code' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const waitSeconds = Math.max(0, Math.ceil((resendAfter - now) / 1000));
  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitSeconds]);

  const phoneOk = MAINLAND_MOBILE.test(phone);

  async function requestCode() {
    if (!phoneOk) return setError(t.phoneInvalid);
    setBusy('code');
    setError(null);
    try {
      const answer = await call('consumers.requestOtp', { merchantCode }, { body: { phone } });
      // The phone's clock may be off: count down the cloud's wait from now.
      setResendAfter(Date.now() + Math.max(0, answer.resendAfter - Date.now()));
      setNow(Date.now());
      setSent(true);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    setBusy('submit');
    setError(null);
    try {
      onSignedIn(await call('consumers.session', { merchantCode }, { body: { phone, otp: code } }));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-label={t.title}>
      <h2 className="panel-title">{t.title}</h2>
      <p className="muted">{t.lead}</p>
      <label className="field">
        <span>{t.phone}</span>
        <Input
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={11}
          placeholder={t.phonePlaceholder}
          value={phone}
          onChange={(value) => setPhone(value.replace(/\D/g, ''))}
        />
      </label>
      <div className="field code-row">
        <label>
          <span>{t.code}</span>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t.codePlaceholder}
            value={code}
            onChange={(value) => setCode(value.replace(/\D/g, ''))}
          />
        </label>
        <Button
          size="small"
          color="primary"
          fill="outline"
          disabled={waitSeconds > 0 || busy !== null}
          loading={busy === 'code'}
          onClick={requestCode}
        >
          {waitSeconds > 0 ? t.resend(waitSeconds) : t.getCode}
        </Button>
      </div>
      {sent && !error && <p className="muted small">{t.codeSent}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Button
        block
        color="primary"
        size="large"
        disabled={!phoneOk || code.length !== 6 || busy !== null}
        loading={busy === 'submit'}
        onClick={submit}
      >
        {busy === 'submit' ? t.submitting : t.submit}
      </Button>
    </section>
  );
}
