// What an issuance's or a store's QR prints (slip and poster): the same data the printer fills
// in (src-main/core/claims/slips.ts), so the preview matches the paper.
import type { Issuance, StoreQr } from '../../../../src-shared/contract/claims';
import type { CouponTemplate } from '../../../../src-shared/contract/coupons';
import { describeRule } from '../../../../src-shared/coupons/describe';
import {
  issuanceQrData,
  storeQrData,
  type ClaimQrSlipData,
} from '../../../../src-shared/slips/claims';
import { useApiQuery } from '../../api/queries';
import { useCatalogue } from '../../shop-data/catalogue';
import { useStores } from '../../shop-data/stores';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/validation';

export type ClaimQrTarget = { issuance: Issuance } | { store: StoreQr };

/** Builds the printed data of a target from the templates, products and stores at hand. */
export function useClaimQrData(): (target: ClaimQrTarget) => ClaimQrSlipData {
  const merchantName = useApiQuery('auth.loginOptions', {}).data?.merchantName ?? '';
  const templates = useApiQuery('coupons.listTemplates', {}).data ?? [];
  const products = useCatalogue().data ?? [];
  const stores = useStores().data ?? [];
  const productName = (id: string) => products.find((p) => p.id === id)?.name ?? '';
  const ruleOf = (templateId: string | null) => {
    const template: CouponTemplate | undefined = templates.find((t) => t.id === templateId);
    return template ? describeRule(template.rule, productName) : '';
  };
  return (target) => {
    if ('store' in target) return storeQrData(target.store, { merchantName });
    const { issuance } = target;
    const timeZone =
      stores.find((store) => store.id === issuance.storeId)?.timezone ??
      stores[0]?.timezone ??
      DEFAULT_TIME_ZONE;
    return issuanceQrData(issuance, {
      merchantName,
      ruleText: ruleOf(issuance.templateId),
      timeZone,
    });
  };
}
