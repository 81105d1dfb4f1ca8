import { z } from 'zod';
import { ALL_STAFF, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

/** One store's business day so far, for the home page. */
export const storeTodaySchema = z.object({
  storeId: idSchema,
  storeName: z.string(),
  /** The business day (store's zone, after the settings' day cut-off), `YYYY-MM-DD`. */
  date: z.string(),
  takingsFen: z.number().int(),
  tickets: z.number().int(),
  redemptions: z.number().int(),
  discountFen: z.number().int(),
  openAlerts: z.number().int(),
  newAlerts: z.number().int(),
});
export type StoreToday = z.infer<typeof storeTodaySchema>;

export const homeMethods = {
  'home.today': method({
    summary:
      'Today per store the caller may see (their own store; all stores for an owner): takings, redemptions, open stock alerts',
    input: z.object({}),
    output: z.object({ at: epochMsSchema, stores: z.array(storeTodaySchema) }),
    access: ALL_STAFF,
  }),
} as const;
