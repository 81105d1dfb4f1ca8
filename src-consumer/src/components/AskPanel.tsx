import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { messages } from '../../../src-shared/consumer/messages';
import { call } from '../api/client';
import { usePolled } from '../hooks/use-polled';
import { navigate } from '../route';

const t = messages.ask;
type Ask = EndpointOutput<'consumers.ask'>;
/** Holders answer when they open their wallet: the asker's page looks every few seconds. */
const POLL_MS = 4000;

/** The phone's position (WGS-84), or null when the browser says no. */
const here = () =>
  new Promise<{ lat: number; lng: number } | null>((resolve) =>
    'geolocation' in navigator
      ? navigator.geolocation.getCurrentPosition(
          (fix) => resolve({ lat: fix.coords.latitude, lng: fix.coords.longitude }),
          () => resolve(null),
          { timeout: 8000, maximumAge: 60_000 },
        )
      : resolve(null),
  );

/**
 * 向附近的人要一张, on a store's page (signed in): the nearest holders are asked; what they give
 * appears here, each to take on its share page.
 */
export function AskPanel({ merchantCode, storeId }: { merchantCode: string; storeId: string }) {
  const [ask, setAsk] = useState<Ask | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const position = await here();
      if (!position) throw new Error(t.needsLocation);
      setAsk(await call('consumers.ask', { merchantCode }, { body: { storeId, ...position } }));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label={t.button}>
      {ask ? (
        <>
          <p className="notice small" role="status">
            {t.sent(ask.asked)}
          </p>
          <Offers merchantCode={merchantCode} askId={ask.id} />
        </>
      ) : (
        <>
          <p className="small muted">{t.lead}</p>
          <Button block fill="outline" color="primary" loading={busy} onClick={() => void send()}>
            {busy ? t.asking : t.button}
          </Button>
        </>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Offers({ merchantCode, askId }: { merchantCode: string; askId: string }) {
  const { value } = usePolled(
    () => call('consumers.myAsks', { merchantCode }),
    POLL_MS,
    `${merchantCode}/${askId}`,
  );
  const offers = value?.asks.find((a) => a.id === askId)?.offers ?? [];
  return (
    <>
      {offers.map((offer) => (
        <div key={offer.token} className="ask-item" data-testid="ask-offer">
          <div>{t.offer(offer.name)}</div>
          <Button size="small" color="primary" onClick={() => navigate(offer.path)}>
            {t.take}
          </Button>
        </div>
      ))}
    </>
  );
}
