import { describeRule } from '../../../src-shared/coupons/describe';
import { claimQrSlip, issuanceQrData, storeQrData } from '../../../src-shared/slips/claims';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { SlipsService } from '../printing/slips';
import type { ProductsService } from '../products/service';
import { merchant } from '../setup/schema';
import type { StoresService } from '../stores/service';
import type { ClaimsService } from './service';

/** The 领券二维码 slips, drawn when they print: the QR as the cloud now serves it. */
export function registerClaimSlips(
  adb: AppDatabase,
  slips: SlipsService,
  deps: {
    claims: ClaimsService;
    templates: TemplatesService;
    products: ProductsService;
    stores: StoresService;
  },
): void {
  const merchantName = () => adb.db.select().from(merchant).get()?.name ?? '';
  const ruleOf = (templateId: string | null) =>
    templateId
      ? describeRule(deps.templates.get(templateId).rule, (id) => deps.products.get(id).name)
      : '';

  slips.register('claimQr', (payload, width) => {
    if (payload.issuanceId) {
      const issuance = deps.claims.issuance(payload.issuanceId);
      const timeZone = issuance.storeId
        ? deps.stores.brief(issuance.storeId).timezone
        : (deps.stores.list()[0]?.timezone ?? DEFAULT_TIME_ZONE);
      return claimQrSlip(
        width,
        issuanceQrData(issuance, {
          merchantName: merchantName(),
          ruleText: ruleOf(issuance.templateId),
          timeZone,
        }),
      );
    }
    const store = deps.claims.storeQr(payload.storeId!);
    return claimQrSlip(width, storeQrData(store, { merchantName: merchantName() }));
  });
}
