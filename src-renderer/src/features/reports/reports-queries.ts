import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../api/queries';

export type ReportPeriod =
  | { kind: 'daily'; storeId: string; date: string }
  | { kind: 'monthly'; storeId: string; month: string };

/** One store's day or month, for the printable page. */
export function useStoreReport(period: ReportPeriod | null) {
  const daily = useApiQuery(
    'reports.storeDaily',
    { storeId: period?.storeId ?? '', date: period?.kind === 'daily' ? period.date : '' },
    { enabled: period?.kind === 'daily', placeholderData: keepPreviousData },
  );
  const monthly = useApiQuery(
    'reports.storeMonthly',
    { storeId: period?.storeId ?? '', month: period?.kind === 'monthly' ? period.month : '' },
    { enabled: period?.kind === 'monthly', placeholderData: keepPreviousData },
  );
  return period?.kind === 'monthly' ? monthly : daily;
}
