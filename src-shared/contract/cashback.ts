import { z } from 'zod';
import { ALL_STAFF, MANAGERS, method } from './define';
import { phoneSchema } from './coupons';
import { productRefSchema } from './products';
import { printAfterIssueSchema } from './printing';
import { epochMsSchema, idSchema } from '../validation';

export const cashbackCodeSchema = z.object({
  code: z.string(),
  display: z.string(),
  qrPayload: z.string(),
  rewardFen: z.number().int(),
  productId: idSchema,
  productName: z.string(),
  storeId: idSchema,
  terminalId: idSchema,
  issuedAt: epochMsSchema,
  validUntil: epochMsSchema,
});

/** A phone is paid at most this many codes per business day of the store (the loop of issue 18). */
export const cashbackSettingsSchema = z.object({
  maxPayoutsPerPhonePerDay: z.number().int().min(1).max(100),
});
export type CashbackSettings = z.infer<typeof cashbackSettingsSchema>;

export const cashbackMethods = {
  'cashback.requestCode': method({
    summary:
      'For a product of a recorded sale: a cashback code bound to that sale line (one per unit sold), product and terminal, to print',
    input: z.intersection(
      productRefSchema,
      z.object({
        terminalId: idSchema.optional(),
        /**
         * The sale the code is for: our id (`sales.record`'s `sale.id`), or the till's own
         * `terminalSaleId`, and optionally the line. Left out: the newest sale of the last 24 h at
         * this terminal with a unit of the product not yet given a code.
         */
        saleId: idSchema.optional(),
        terminalSaleId: z.string().trim().min(1).max(64).optional(),
        saleLineId: idSchema.optional(),
        /** Print the slip once the code is issued (the code commits first). */
        print: printAfterIssueSchema,
      }),
    ),
    output: cashbackCodeSchema.extend({
      printJobId: idSchema.optional(),
      saleId: idSchema,
      saleLineId: idSchema,
    }),
    access: [...ALL_STAFF, 'terminal'],
  }),
  'cashback.redeem': method({
    summary: "Pay out a cashback code to the consumer's mainland mobile number (once)",
    input: z.object({ code: z.string().trim().min(1).max(300), phone: phoneSchema }),
    output: z.object({
      code: z.string(),
      rewardFen: z.number().int(),
      phone: z.string(),
      redeemedAt: epochMsSchema,
      productName: z.string(),
    }),
    access: [...ALL_STAFF, 'terminal'],
  }),
  'cashback.settings': method({
    summary: 'How many cashback payouts one phone may receive per business day',
    input: z.object({}),
    output: cashbackSettingsSchema,
    access: ALL_STAFF,
  }),
  'cashback.updateSettings': method({
    summary: 'Change the cashback payout cap per phone per day',
    input: cashbackSettingsSchema,
    output: cashbackSettingsSchema,
    access: MANAGERS,
  }),
} as const;
