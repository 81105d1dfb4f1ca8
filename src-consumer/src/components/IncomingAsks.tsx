import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { messages } from '../../../src-shared/consumer/messages';
import { formatFen } from '../../../src-shared/money';
import { call } from '../api/client';

const t = messages.ask;
type IncomingAsk = EndpointOutput<'consumers.incomingAsks'>['asks'][number];

/**
 * 附近有人想要你的券: the asks that reached this phone as a holder, each with 送给TA (a share
 * only the asker may accept), 忽略 or 拒绝. Nothing of the asker is shown but the store and how far.
 */
export function IncomingAsks({ merchantCode }: { merchantCode: string }) {
  const [asks, setAsks] = useState<IncomingAsk[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('consumers.incomingAsks', { merchantCode }).then(
      (answer) => live && setAsks(answer.asks),
      () => undefined, // an older cloud, or offline: the wallet shows without them
    );
    return () => {
      live = false;
    };
  }, [merchantCode]);

  const answer = async (ask: IncomingAsk, action: 'give' | 'ignore' | 'refuse') => {
    setError(null);
    try {
      if (action === 'give') await call('consumers.giveAsk', { merchantCode, askId: ask.askId });
      else
        await call(
          'consumers.declineAsk',
          { merchantCode, askId: ask.askId },
          { body: { refuse: action === 'refuse' } },
        );
      setAsks((left) => left.filter((other) => other.askId !== ask.askId));
      if (action === 'give') setNote(t.given);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  if (!asks.length && !note) return null;
  return (
    <section className="panel" aria-label={t.incomingTitle}>
      <h2 className="panel-title">{t.incomingTitle}</h2>
      {asks.map((ask) => (
        <div key={ask.askId} className="ask-item" data-testid="incoming-ask">
          <div>
            {ask.couponName} ·{' '}
            {t.incoming(ask.storeName, messages.wallet.distance(ask.distanceM), ask.sameDistrict)}
          </div>
          {ask.priceFen !== null && (
            <div className="small muted">{t.price(formatFen(ask.priceFen))}</div>
          )}
          <div className="ask-actions">
            <Button size="small" color="primary" onClick={() => void answer(ask, 'give')}>
              {t.give}
            </Button>
            <Button size="small" onClick={() => void answer(ask, 'ignore')}>
              {t.ignore}
            </Button>
            <Button size="small" onClick={() => void answer(ask, 'refuse')}>
              {t.refuse}
            </Button>
          </div>
        </div>
      ))}
      {note && (
        <p className="success small" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
