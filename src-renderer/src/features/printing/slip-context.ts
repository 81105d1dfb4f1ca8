// What a slip prints besides the code itself: the merchant, the store and its time zone. The
// printer fills them in the same way (src-main/core/printing), so the preview matches the paper.
import type { OutputOf } from '../../../../src-shared/contract';
import type { CouponTemplate, IssuedCode } from '../../../../src-shared/contract/coupons';
import { describeRule } from '../../../../src-shared/coupons/describe';
import { formatFen } from '../../../../src-shared/money';
import type { PaperWidth, Slip, SlipLogo } from '../../../../src-shared/slips/model';
import { cashbackSlip, couponSlip } from '../../../../src-shared/slips/templates';
import { localDateTime } from '../../../../src-shared/time';
import { useApiQuery } from '../../api/queries';
import { useCurrentSession } from '../../session/session-context';
import { useCatalogue } from '../../shop-data/catalogue';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';

export interface SlipContext {
  merchantName: string;
  storeName: string;
  timeZone: string;
  productName: (id: string) => string;
}

export function useSlipContext(): SlipContext {
  const { storeId } = useCurrentSession();
  const options = useApiQuery('auth.loginOptions', {});
  const stores = useStores();
  const timeZone = useStoreTimeZone(storeId);
  const products = useCatalogue();
  return {
    merchantName: options.data?.merchantName ?? '',
    storeName: stores.data?.find((store) => store.id === storeId)?.name ?? '',
    timeZone,
    productName: (id) => products.data?.find((product) => product.id === id)?.name ?? '商品',
  };
}

/** Which slip of a print, for which paper: as the preview asks for it. */
export interface SlipOptions {
  width: PaperWidth;
  index: number;
  /** Marked 补打. */
  reprint: boolean;
  logo: SlipLogo | null;
}

/** The slip of a coupon code just issued (issuedAt: when the issue answered). */
export function issuedCouponSlip(
  { width, reprint, logo }: SlipOptions,
  context: SlipContext,
  template: CouponTemplate,
  code: IssuedCode,
  issuedAt: number,
): Slip {
  const at = (ms: number) => localDateTime(ms, context.timeZone);
  return couponSlip(width, {
    merchantName: context.merchantName,
    storeName: context.storeName,
    templateName: template.name,
    ruleText: describeRule(template.rule, context.productName),
    terms: template.description,
    code: code.code,
    display: code.display,
    qrPayload: code.qrPayload,
    validUntilText: at(code.validUntil),
    issuedAtText: at(issuedAt),
    reprint,
    logo,
  });
}

/** The slip of a cashback code the till asked for. */
export function cashbackCodeSlip(
  { width, reprint, logo }: SlipOptions,
  context: SlipContext,
  code: OutputOf<'cashback.requestCode'>,
): Slip {
  return cashbackSlip(width, {
    merchantName: context.merchantName,
    storeName: context.storeName,
    productName: code.productName,
    rewardText: formatFen(code.rewardFen),
    code: code.code,
    display: code.display,
    qrPayload: code.qrPayload,
    validUntilText: localDateTime(code.validUntil, context.timeZone),
    reprint,
    logo,
  });
}
