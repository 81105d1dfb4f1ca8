import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Slip } from '../../../../../src-shared/slips/model';
import { printSection } from '../../../ui/print-section';
import { SlipPreview } from '../slip-preview/SlipPreview';
import styles from './NoPrinter.module.css';

/**
 * The slips laid side by side for an ordinary printer (A4), drawn by the same preview as on
 * screen, and sent to the browser's print dialog as soon as they are drawn. Kept off screen.
 */
export function A4Slips({ slips, onPrinted }: { slips: Slip[]; onPrinted: () => void }) {
  const sheet = useRef<HTMLDivElement>(null);
  const printed = useRef(onPrinted);
  useEffect(() => {
    if (!sheet.current) return;
    // Gone once the print dialog is closed (printed or not).
    const after = () => printed.current();
    window.addEventListener('afterprint', after);
    printSection(sheet.current);
    return () => window.removeEventListener('afterprint', after);
  }, []);
  // On the page itself, not in the dialog (whose transform would move it on paper).
  return createPortal(
    <div ref={sheet} className={styles.a4Sheet} data-testid="a4-slips">
      {slips.map((slip, i) => (
        <div key={i} className={styles.a4Slip}>
          <SlipPreview slip={slip} />
        </div>
      ))}
    </div>,
    document.body,
  );
}
