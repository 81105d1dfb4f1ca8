import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';
import type { PrintJob } from '../../../../src-shared/contract/printing';
import { apiQueryKey } from '../../api/queries';

const AFTER_PRINTER_CHANGE = ['printers.list', 'audit.list'] as const;
const AFTER_JOB_CHANGE = ['printing.jobs', 'audit.list'] as const;

export const usePrinters = () => useApiQuery('printers.list', {});
export const useCreatePrinter = () =>
  useApiMutation('printers.create', { invalidates: AFTER_PRINTER_CHANGE });
export const useUpdatePrinter = () =>
  useApiMutation('printers.update', { invalidates: AFTER_PRINTER_CHANGE });
export const useSetDefaultPrinter = () =>
  useApiMutation('printers.setDefault', { invalidates: AFTER_PRINTER_CHANGE });
export const useTestPrint = () =>
  useApiMutation('printers.testPrint', { invalidates: ['printers.status', ...AFTER_JOB_CHANGE] });

/** What the printer says about paper, cover and power; asked again every half minute. */
export const usePrinterStatus = (printerId: string) =>
  useApiQuery('printers.status', { printerId }, { refetchInterval: 30_000 });

/** Printer-class USB devices plugged in now, refreshed as they come and go. */
export function useUsbDevices() {
  useInvalidateOnEvent('printers.usbChanged', ['printers.usbDevices']);
  return useApiQuery('printers.usbDevices', {});
}

export const useLogo = () => useApiQuery('printing.getLogo', {});
export const useSetLogo = () =>
  useApiMutation('printing.setLogo', { invalidates: ['printing.getLogo'] });

const JOBS_INPUT = { limit: 50 } as const;

/**
 * The newest print jobs, each replaced in place as its `printing.jobChanged` arrives, so a
 * progress bar moves with every slip without asking the server again.
 */
export function usePrintJobs() {
  const queryClient = useQueryClient();
  const key = apiQueryKey('printing.jobs', JOBS_INPUT);
  useApiEvent('printing.jobChanged', (job) => {
    queryClient.setQueryData<PrintJob[]>(key, (jobs) => {
      if (!jobs) return jobs;
      const known = jobs.some((earlier) => earlier.id === job.id);
      return known
        ? jobs.map((earlier) => (earlier.id === job.id ? newer(earlier, job) : earlier))
        : [job, ...jobs];
    });
  });
  return useApiQuery('printing.jobs', JOBS_INPUT);
}

/** Events may overtake an answer: keep whichever state of the job is later. */
const newer = (a: PrintJob, b: PrintJob) =>
  b.updatedAt > a.updatedAt || (b.updatedAt === a.updatedAt && b.done >= a.done) ? b : a;

export const useRetryJob = () =>
  useApiMutation('printing.retry', { invalidates: AFTER_JOB_CHANGE });
export const useCancelJob = () =>
  useApiMutation('printing.cancel', { invalidates: AFTER_JOB_CHANGE });
export const usePauseJob = () =>
  useApiMutation('printing.pause', { invalidates: AFTER_JOB_CHANGE });
export const useResumeJob = () =>
  useApiMutation('printing.resume', { invalidates: AFTER_JOB_CHANGE });
export const usePrintCoupons = () =>
  useApiMutation('printing.printCoupons', { invalidates: AFTER_JOB_CHANGE });
export const usePrintCashback = () =>
  useApiMutation('printing.printCashback', { invalidates: AFTER_JOB_CHANGE });
