import { useMemo, useState } from 'react';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';
import type { PrintJob } from '../../../../src-shared/contract/printing';

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

/**
 * The newest print jobs, each at the latest state heard: the list as the server last answered,
 * with every `printing.jobChanged` since laid over it. Events are kept by job id as they come,
 * so an answer that left the server before the last slips printed cannot set a bar back.
 */
export function usePrintJobs(): { jobs: PrintJob[]; isPending: boolean } {
  const [heard, setHeard] = useState<Record<string, PrintJob>>({});
  useApiEvent('printing.jobChanged', (job) =>
    setHeard((known) => ({ ...known, [job.id]: later(known[job.id], job) })),
  );
  // Asked again whenever a panel opens: a short job may have printed before it could listen.
  const listed = useApiQuery('printing.jobs', { limit: 50 }, { staleTime: 0 });
  const jobs = useMemo(() => {
    const answered = (listed.data ?? []).map((job) => later(heard[job.id], job));
    const onlyHeard = Object.values(heard).filter(
      (job) => !answered.some((known) => known.id === job.id),
    );
    return [...onlyHeard, ...answered].sort((a, b) => b.createdAt - a.createdAt);
  }, [listed.data, heard]);
  return { jobs, isPending: listed.isPending };
}

/** Whichever state of a job is the later one (a job only moves forward, slip by slip). */
function later(known: PrintJob | undefined, job: PrintJob): PrintJob {
  if (!known) return job;
  if (job.updatedAt !== known.updatedAt) return job.updatedAt > known.updatedAt ? job : known;
  return job.done >= known.done ? job : known;
}

export const useRetryJob = () =>
  useApiMutation('printing.retry', { invalidates: AFTER_JOB_CHANGE });
export const useCancelJob = () =>
  useApiMutation('printing.cancel', { invalidates: AFTER_JOB_CHANGE });
export const usePauseJob = () =>
  useApiMutation('printing.pause', { invalidates: AFTER_JOB_CHANGE });
export const useResumeJob = () =>
  useApiMutation('printing.resume', { invalidates: AFTER_JOB_CHANGE });
export const useReprintJob = () =>
  useApiMutation('printing.reprint', { invalidates: AFTER_JOB_CHANGE });
export const usePrintCoupons = () =>
  useApiMutation('printing.printCoupons', { invalidates: AFTER_JOB_CHANGE });
export const usePrintCashback = () =>
  useApiMutation('printing.printCashback', { invalidates: AFTER_JOB_CHANGE });
export const usePrintDailySummary = () =>
  useApiMutation('printing.printDailySummary', { invalidates: AFTER_JOB_CHANGE });
