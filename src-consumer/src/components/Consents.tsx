import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import Switch from 'antd-mobile/es/components/switch';
import { call } from '../api/client';
import { messages } from '../../../src-shared/consumer/messages';
import type { ConsumerMe } from '../session/session';

const t = messages.consents;

/**
 * First use: one answer per purpose (PIPL), each switch beside the text it agrees to; the texts
 * are recorded with the answers.
 */
export function Consents({
  merchantCode,
  me,
  onDone,
}: {
  merchantCode: string;
  me: ConsumerMe;
  onDone: (me: ConsumerMe) => void;
}) {
  const [marketing, setMarketing] = useState(me.consents.marketing ?? false);
  const [location, setLocation] = useState(me.consents.location ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    const textShown = [
      t.lead,
      `${t.marketing}：${t.marketingText}`,
      `${t.location}：${t.locationText}`,
    ].join('\n');
    try {
      onDone(
        await call(
          'consumers.setConsents',
          { merchantCode },
          { body: { marketing, location, textShown } },
        ),
      );
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-label={t.title}>
      <h2 className="panel-title">{t.title}</h2>
      <p className="muted">{t.lead}</p>
      <div className="consent">
        <div>
          <strong>{t.marketing}</strong>
          <p className="small">{t.marketingText}</p>
        </div>
        <Switch checked={marketing} onChange={setMarketing} aria-label={t.marketing} />
      </div>
      <div className="consent">
        <div>
          <strong>{t.location}</strong>
          <p className="small">{t.locationText}</p>
        </div>
        <Switch checked={location} onChange={setLocation} aria-label={t.location} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Button block color="primary" size="large" loading={busy} onClick={save}>
        {t.continue}
      </Button>
    </section>
  );
}
