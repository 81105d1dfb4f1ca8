import { z } from 'zod';
import { epochMsSchema } from '../validation';

// A merchant's current promotions as consumers read them (seed 001): per store, the items its
// managers published from the store's advice — on discount (slow sellers) and price may rise
// (running low) — nearest store first when the phone shares its location.

export const promotionsQuerySchema = z.object({
  /** The phone's position (WGS-84, as browsers give it), when location consent is given. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

export const promotionItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  priceFen: z.number().int(),
  /** On discount: the price asked (per mille of the list price) and the price it makes. */
  payPermille: z.number().int().nullable(),
  discountedPriceFen: z.number().int().nullable(),
  /** The coupon made for the discount, if any. */
  couponTemplateId: z.string().nullable(),
  since: epochMsSchema,
});

export const promotionStoreSchema = z.object({
  storeId: z.string(),
  name: z.string(),
  businessDistrict: z.string().nullable(),
  distanceM: z.number().int().nullable(),
  discounted: z.array(promotionItemSchema),
  priceMayRise: z.array(promotionItemSchema),
});

export const promotionsResponseSchema = z.object({
  merchantName: z.string(),
  stores: z.array(promotionStoreSchema),
});
export type Promotions = z.infer<typeof promotionsResponseSchema>;
