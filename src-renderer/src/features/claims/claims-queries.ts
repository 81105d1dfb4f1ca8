import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// A change of an issuance or a store's coupon is in the audit log; claims pulled from the cloud
// change the counts (the pull announces the templates it touched).
const AFTER_ISSUANCE_CHANGE = ['claims.listIssuances', 'audit.list'] as const;
const AFTER_STORE_CHANGE = ['claims.listStoreQrs', 'audit.list'] as const;

export function useIssuances() {
  useInvalidateOnEvent('coupons.templateChanged', ['claims.listIssuances']);
  useInvalidateOnEvent('redemption.changed', ['claims.listIssuances']);
  return useApiQuery('claims.listIssuances', {}, { refetchOnMount: 'always' });
}

/** The stores' QRs and whether the shop is paired: fresh on each visit and on a pairing. */
export function useStoreQrs() {
  useInvalidateOnEvent('sync.statusChanged', ['claims.listStoreQrs', 'claims.listIssuances']);
  return useApiQuery('claims.listStoreQrs', {}, { refetchOnMount: 'always' });
}

/** The templates a phone may be given: active, and not cashback (bound to a sale). */
export function useOfferableTemplates() {
  useInvalidateOnEvent('coupons.templateChanged', ['coupons.listTemplates']);
  const templates = useApiQuery('coupons.listTemplates', { status: 'active' });
  return {
    ...templates,
    data: templates.data?.filter((template) => template.type !== 'cashback'),
  };
}

export const useCreateIssuance = () =>
  useApiMutation('claims.createIssuance', { invalidates: AFTER_ISSUANCE_CHANGE });
export const useSetIssuanceStatus = () =>
  useApiMutation('claims.setIssuanceStatus', { invalidates: AFTER_ISSUANCE_CHANGE });
export const useSetDefaultCoupon = () =>
  useApiMutation('stores.setDefaultCoupon', { invalidates: AFTER_STORE_CHANGE });
export const usePrintClaimQr = () =>
  useApiMutation('claims.printQr', { invalidates: ['printing.jobs'] });
