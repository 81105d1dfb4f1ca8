import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer, PrintJob } from '../../../../src-shared/contract/printing';
import { addressOf } from './printer-status';

/** Why a job failed, in words, naming the printer's address where the message has a place for it. */
export function useJobErrorText(): (job: PrintJob, printer?: Pick<Printer, 'transport'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (job, printer) =>
      job.error
        ? t(`errors.${job.error}` as 'errors.INTERNAL', {
            detail: printer ? addressOf(printer) : job.printerName,
          })
        : '',
    [t],
  );
}
