import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../src-shared/contract/sales';
import { receiptDataOf, receiptSlip } from '../../../../src-shared/slips/till';
import { useApiQuery } from '../../api/queries';
import { useStoreTimeZone } from '../../shop-data/stores';
import { NoPrinterModal } from '../printing/no-printer/NoPrinterModal';
import { useTillSettings } from './till-queries';

/** A sale's receipt on a till without a slip printer: previewed, printable on A4. */
export function ReceiptWithoutPrinter({
  sale,
  reprint,
  onClose,
}: {
  sale: Sale;
  reprint: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const merchantName = useApiQuery('auth.loginOptions', {}).data?.merchantName ?? '';
  const footer = useTillSettings().data?.receiptFooter ?? '';
  const timeZone = useStoreTimeZone(sale.storeId);
  const slip = useMemo(
    () =>
      receiptSlip(
        80,
        receiptDataOf(sale, { merchantName, timeZone, footer, reprint, kickDrawer: false }),
      ),
    [sale, merchantName, timeZone, footer, reprint],
  );
  return <NoPrinterModal title={t('noPrinter.receiptTitle')} slip={slip} onClose={onClose} />;
}
