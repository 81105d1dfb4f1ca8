import { z } from 'zod';
import { ALL_STAFF, method } from './define';
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

export const cashbackMethods = {
  'cashback.requestCode': method({
    summary:
      'For a sold product at a terminal: a cashback code bound to product + terminal, to print',
    input: z.intersection(
      productRefSchema,
      z.object({
        terminalId: idSchema.optional(),
        /** Print the slip once the code is issued (the code commits first). */
        print: printAfterIssueSchema,
      }),
    ),
    output: cashbackCodeSchema.extend({ printJobId: idSchema.optional() }),
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
} as const;
