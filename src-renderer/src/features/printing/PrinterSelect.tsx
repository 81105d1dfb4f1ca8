import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import { useCurrentSession } from '../../session/session-context';
import { usePrinters } from './printing-queries';

/** Printers in use, and the one to offer first: this till's default, else the first one. */
export function usePrinterChoice(): { active: Printer[]; preferred: Printer | undefined } {
  const { terminal } = useCurrentSession();
  const active = (usePrinters().data ?? []).filter((printer) => printer.active);
  const preferred =
    active.find((printer) => terminal && printer.defaultFor.includes(terminal.id)) ?? active[0];
  return { active, preferred };
}

type PrinterSelectProps = Omit<SelectProps<string>, 'options'>;

/** Picks a printer in use: "前台小票机 · 58mm". */
export function PrinterSelect(props: PrinterSelectProps) {
  const { t } = useTranslation();
  const { active } = usePrinterChoice();
  return (
    <Select
      placeholder={t('printSlips.noPrinter')}
      notFoundContent={t('printSlips.noPrinter')}
      aria-label={t('printSlips.printer')}
      options={active.map((printer) => ({
        value: printer.id,
        label: `${printer.name} · ${printer.widthMm}mm`,
      }))}
      {...props}
    />
  );
}
