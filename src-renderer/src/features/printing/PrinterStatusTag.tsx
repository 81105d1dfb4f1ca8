import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import { addressOf, STATUS_COLOR } from './printer-status';
import { usePrinterStatus } from './printing-queries';

/** Online, paper out, cover open or offline, as the printer last answered; what to do on hover. */
export function PrinterStatusTag({ printer }: { printer: Printer }) {
  const { t } = useTranslation();
  const status = usePrinterStatus(printer.id);
  if (!printer.active) return <Tag>{t('printing.inactive')}</Tag>;
  if (!status.data) return <Tag>{t('printing.status.checking')}</Tag>;
  const { status: state, error } = status.data;
  const hint =
    state === 'offline' && error
      ? t(`errors.${error}` as 'errors.PRINTER_OFFLINE', { detail: addressOf(printer) })
      : t(`printing.statusHint.${state}`);
  return (
    <Tooltip title={hint}>
      <Tag color={STATUS_COLOR[state]} data-testid="printer-status">
        {t(`printing.status.${state}`)}
      </Tag>
    </Tooltip>
  );
}
