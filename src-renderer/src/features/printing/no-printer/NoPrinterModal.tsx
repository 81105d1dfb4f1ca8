import { Modal } from 'antd';
import { useState } from 'react';
import type { Slip } from '../../../../../src-shared/slips/model';
import { SlipPreview } from '../slip-preview/SlipPreview';
import { A4Slips } from './A4Slips';
import { NoPrinterNotice } from './NoPrinterNotice';
import styles from './NoPrinter.module.css';

/**
 * A slip the till could not print for want of a slip printer (a receipt, a day close): its
 * preview, and the two ways on — set a printer up, or print it on an ordinary printer (A4).
 */
export function NoPrinterModal({
  title,
  slip,
  onClose,
}: {
  title: string;
  slip: Slip;
  onClose: () => void;
}) {
  const [printingA4, setPrintingA4] = useState(false);
  return (
    <Modal open title={title} footer={null} onCancel={onClose} width={520}>
      <NoPrinterNotice onPrintA4={() => setPrintingA4(true)} />
      <div className={styles.modalPreview}>
        <SlipPreview slip={slip} scale={0.7} />
      </div>
      {printingA4 && <A4Slips slips={[slip]} onPrinted={() => setPrintingA4(false)} />}
    </Modal>
  );
}

/** The refusals that mean "this till has no slip printer", as opposed to a printer that failed. */
export const NO_PRINTER_CODES: readonly string[] = ['NO_DEFAULT_PRINTER', 'PRINTER_NOT_FOUND'];
