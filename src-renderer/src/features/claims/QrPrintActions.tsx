import { FileImageOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { claimQrSlip } from '../../../../src-shared/slips/claims';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { NoPrinterModal, NO_PRINTER_CODES } from '../printing/no-printer/NoPrinterModal';
import { A4Poster, PosterSheet } from './A4Poster';
import { useClaimQrData, type ClaimQrTarget } from './claim-prints';
import { usePrintClaimQr } from './claims-queries';
import styles from './ClaimQrPage.module.css';

/**
 * A QR's two prints: a slip on this till's thermal printer (previewed, with A4 offered, where
 * there is none) and an A4 poster through the browser's print dialog.
 */
export function QrPrintActions({
  target,
  disabled,
}: {
  target: ClaimQrTarget;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const dataOf = useClaimQrData();
  const printSlip = usePrintClaimQr();
  const [open, setOpen] = useState<'poster' | 'noPrinter' | null>(null);
  const [printingPoster, setPrintingPoster] = useState(false);
  const data = dataOf(target);

  const slip = async () => {
    try {
      await printSlip.mutateAsync(
        'store' in target ? { storeId: target.store.storeId } : { issuanceId: target.issuance.id },
      );
      message.success(t('claimQr.printed'));
    } catch (error) {
      if (isApiError(error) && NO_PRINTER_CODES.includes(error.code)) setOpen('noPrinter');
      else message.error(errorText(error));
    }
  };

  return (
    <>
      <Space size={4} wrap>
        <Button
          size="small"
          icon={<PrinterOutlined />}
          disabled={disabled}
          loading={printSlip.isPending}
          onClick={() => void slip()}
        >
          {t('claimQr.actions.printSlip')}
        </Button>
        <Button
          size="small"
          icon={<FileImageOutlined />}
          disabled={disabled}
          onClick={() => setOpen('poster')}
        >
          {t('claimQr.actions.printPoster')}
        </Button>
      </Space>
      {open === 'noPrinter' && (
        <NoPrinterModal
          title={t('claimQr.slipTitle')}
          slip={claimQrSlip(80, data)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'poster' && (
        <Modal
          open
          title={t('claimQr.poster.previewTitle')}
          okText={t('claimQr.poster.print')}
          okButtonProps={{ icon: <PrinterOutlined /> }}
          cancelText={t('common.cancel')}
          onOk={() => setPrintingPoster(true)}
          onCancel={() => setOpen(null)}
          width={460}
        >
          <div className={styles.posterPreview}>
            <PosterSheet data={data} />
          </div>
          {printingPoster && <A4Poster data={data} onPrinted={() => setPrintingPoster(false)} />}
        </Modal>
      )}
    </>
  );
}
