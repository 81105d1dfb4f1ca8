import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ClaimQrSlipData } from '../../../../src-shared/slips/claims';
import { printSection } from '../../ui/print-section';
import { QrCode } from '../../ui/QrCode';
import styles from './ClaimQrPage.module.css';

/** The poster itself: an A4 page to put up at the counter or the door. */
export function PosterSheet({ data }: { data: ClaimQrSlipData }) {
  const { t } = useTranslation();
  return (
    <div className={styles.poster} data-testid="claim-poster">
      <div className={styles.posterMerchant}>{data.merchantName}</div>
      <div className={styles.posterTitle}>{data.title}</div>
      {data.templateName && <div className={styles.posterCoupon}>{data.templateName}</div>}
      {data.ruleText && data.ruleText !== data.templateName && (
        <div className={styles.posterRule}>{data.ruleText}</div>
      )}
      <div className={styles.posterQr}>
        <QrCode payload={data.url} size={300} alt={data.title} />
      </div>
      <div className={styles.posterScan}>{t('claimQr.poster.scan')}</div>
      <div className={styles.posterFacts}>
        {data.limitText && <div>{data.limitText}</div>}
        {data.datesText && <div>{t('claimQr.poster.dates', { dates: data.datesText })}</div>}
        {data.storeName && <div>{t('claimQr.poster.store', { store: data.storeName })}</div>}
        <div>{t('claimQr.poster.use')}</div>
      </div>
      <div className={styles.posterUrl}>{data.url}</div>
    </div>
  );
}

/**
 * The poster sent to an ordinary (A4) printer through the browser's print dialog, as the
 * no-printer slips are (features/printing/no-printer/A4Slips.tsx): kept off screen, on the page
 * itself rather than in the dialog, whose transform would move it on paper.
 */
export function A4Poster({ data, onPrinted }: { data: ClaimQrSlipData; onPrinted: () => void }) {
  const sheet = useRef<HTMLDivElement>(null);
  const printed = useRef(onPrinted);
  useEffect(() => {
    if (!sheet.current) return;
    const after = () => printed.current();
    window.addEventListener('afterprint', after);
    // The QR is drawn asynchronously: print once its image is in.
    const timer = window.setInterval(() => {
      if (!sheet.current?.querySelector('img')) return;
      window.clearInterval(timer);
      printSection(sheet.current);
    }, 50);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return createPortal(
    <div ref={sheet} className={styles.a4Sheet}>
      <PosterSheet data={data} />
    </div>,
    document.body,
  );
}
