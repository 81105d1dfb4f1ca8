import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../src-shared/contract';
import type { Verdict } from '../../../../src-shared/contract/redemption';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';

const AFTER_TILL = ['shifts.current', 'shifts.list', 'dayClose.preview', 'dayClose.list'] as const;

export const useTillSettings = () => useApiQuery('till.settings', {});
export const usePrintReceipt = () =>
  useApiMutation('printing.printReceipt', { invalidates: ['printing.jobs'] });
export const useOpenDrawer = () =>
  useApiMutation('drawer.open', { invalidates: ['printing.jobs', 'audit.list'] });

export const useCurrentShift = (storeId: string | undefined) =>
  useApiQuery('shifts.current', { storeId }, { enabled: !!storeId });
export const useOpenShift = () => useApiMutation('shifts.open', { invalidates: AFTER_TILL });
export const useHandover = () => useApiMutation('shifts.handover', { invalidates: AFTER_TILL });

export const useDayClosePreview = (input: InputOf<'dayClose.preview'> | null, enabled = true) =>
  useApiQuery('dayClose.preview', input ?? { storeId: '', businessDate: '' }, {
    enabled: enabled && !!input,
  });
export const useCommitClose = () => useApiMutation('dayClose.commit', { invalidates: AFTER_TILL });
export const usePrintClose = () =>
  useApiMutation('dayClose.print', { invalidates: ['printing.jobs'] });
export const useCloseList = (storeId: string | undefined, enabled: boolean) =>
  useApiQuery('dayClose.list', { storeId }, { enabled: enabled && !!storeId });

/**
 * What the coupons of a sale being entered take off, before it is recorded: each code checked
 * in turn against the order with the ones before it (as sales.record will redeem them).
 */
export function useCouponDiscount(
  order: InputOf<'redemption.verify'>['order'] | null,
  codes: string[],
  storeId: string | undefined,
) {
  const api = useApi();
  return useQuery({
    queryKey: ['redemption.verify', 'sale', order, codes, storeId],
    enabled: !!order && codes.length > 0,
    queryFn: async () => {
      const verdicts: Verdict[] = [];
      for (const [i, code] of codes.entries())
        verdicts.push(
          await api.call('redemption.verify', {
            code,
            order: order!,
            withCodes: codes.slice(0, i).filter((_, j) => verdicts[j]?.valid),
            storeId,
          }),
        );
      return verdicts;
    },
  });
}
