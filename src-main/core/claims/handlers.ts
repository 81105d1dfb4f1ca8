import { AppError } from '../../../src-node/app-error';
import type { HandlerMap } from '../platform/context';
import type { PrintingService } from '../printing/service';
import type { ClaimsService } from './service';

// stores.setDefaultCoupon is answered here: a store's default coupon is a claims ledger row.
export const claimsHandlers = (
  claims: ClaimsService,
  printing: PrintingService,
): Pick<
  HandlerMap,
  | 'claims.createIssuance'
  | 'claims.listIssuances'
  | 'claims.setIssuanceStatus'
  | 'claims.listStoreQrs'
  | 'claims.printQr'
  | 'stores.setDefaultCoupon'
> => ({
  'claims.createIssuance': (input, ctx) => claims.createIssuance(ctx, input),
  'claims.listIssuances': (input) => claims.listIssuances(input),
  'claims.setIssuanceStatus': (input, ctx) => claims.setIssuanceStatus(ctx, input),
  'claims.listStoreQrs': () => claims.listStoreQrs(),
  'claims.printQr': (input, ctx) => {
    // A QR without the cloud's address would send a phone nowhere.
    claims.cloud({ required: true });
    const target =
      'issuanceId' in input
        ? { issuanceId: claims.row(input.issuanceId).id, storeId: null }
        : { issuanceId: null, storeId: claims.storeQr(input.storeId).storeId };
    if (target.issuanceId && claims.row(target.issuanceId).status === 'ended')
      throw new AppError('ISSUANCE_ENDED');
    return printing.queue.enqueue(
      ctx,
      printing.printers.forCaller(ctx, input.printerId),
      { kind: 'claimQr', ...target },
      1,
      false,
    );
  },
  'stores.setDefaultCoupon': (input, ctx) => claims.setDefaultCoupon(ctx, input),
});
