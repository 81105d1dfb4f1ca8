import { z } from 'zod';
import { method } from './define';
import { storeFieldsSchema } from './stores';
import { idSchema, merchantCodeSchema, newPinSchema, personNameSchema } from '../validation';

export const setupInputSchema = z.object({
  merchant: z.object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(40, { message: 'validation.tooLong' }),
    code: merchantCodeSchema,
  }),
  store: storeFieldsSchema,
  owner: z.object({ name: personNameSchema, pin: newPinSchema }),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupMethods = {
  'setup.status': method({
    summary: 'Whether the first-run wizard has been completed',
    input: z.object({}),
    output: z.object({
      initialized: z.boolean(),
      merchant: z.object({ name: z.string(), code: z.string() }).nullable(),
      /** This is the demo shop (its own data folder): the header says 演示数据. */
      demo: z.boolean(),
    }),
    access: ['public'],
  }),
  'setup.initialize': method({
    summary: 'First run: merchant, first store with a terminal, and the owner (only once)',
    input: setupInputSchema,
    output: z.object({
      merchantId: idSchema,
      storeId: idSchema,
      terminalId: idSchema,
      ownerId: idSchema,
    }),
    access: ['setup'],
  }),
} as const;
