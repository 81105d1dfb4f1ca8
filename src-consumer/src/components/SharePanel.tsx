import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { messages } from '../../../src-shared/consumer/messages';
import { call } from '../api/client';
import { formatMinute } from '../format';
import type { WalletCoupon } from '../wallet-data';
import { QrCanvas } from './QrCanvas';

const t = messages.share;
type ShareLink = EndpointOutput<'consumers.createShare'>;

/**
 * 转赠 / 分享 on the coupon page: one tap makes a link (the QR of it for a friend beside you, or
 * the link to send), valid 24 hours and recallable until taken. A new tap replaces the link.
 */
export function SharePanel({
  merchantCode,
  coupon,
}: {
  merchantCode: string;
  coupon: WalletCoupon & { share: NonNullable<WalletCoupon['share']> };
}) {
  const [link, setLink] = useState<ShareLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = link ? new URL(link.path, location.origin).toString() : null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const make = () =>
    run(async () => {
      setLink(
        await call(
          'consumers.createShare',
          { merchantCode, couponId: coupon.id },
          { body: { mode: coupon.share.mode } },
        ),
      );
    });
  const recall = () =>
    run(async () => {
      await call('consumers.recallShare', { merchantCode, token: link!.token });
      setLink(null);
      setNote(t.recalled);
    });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url!);
      setNote(t.copied);
    } catch {
      setNote(t.copyFailed);
    }
  };

  return (
    <section className="panel share-panel" aria-label={t.transfer}>
      {!link ? (
        <>
          <p className="small muted">
            {coupon.share.mode === 'transfer' ? t.transferLead : t.copyLead}
          </p>
          <Button block color="primary" fill="outline" loading={busy} onClick={() => void make()}>
            {coupon.share.mode === 'transfer' ? t.transfer : t.copy(coupon.share.allowanceLeft)}
          </Button>
        </>
      ) : (
        <div className="share-link" data-testid="share-link">
          <p className="hint">{t.scan}</p>
          <QrCanvas payload={url!} />
          <p className="share-url small">{url}</p>
          <div className="small muted">
            {t.expires(formatMinute(link.expiresAt, coupon.timezone))}
          </div>
          <Button block color="primary" onClick={() => void copy()}>
            {t.copyLink}
          </Button>
          <Button block fill="none" loading={busy} onClick={() => void recall()}>
            {t.recall}
          </Button>
        </div>
      )}
      {note && (
        <p className="notice small" role="status">
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
