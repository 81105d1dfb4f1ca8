import { smsSuppressedSchema } from './outreach';
import { z } from 'zod';
import { COORD_SYSTEMS } from '../geo/coordinates';
import { epochMsSchema, idSchema } from '../validation';
import { instantSchema, moneyFenSchema } from '../bounds';
import { issuanceChangedSchema, storeDefaultCouponSchema } from './wallet';
import { merchantTaskOrderSchema, taskRewardSchema } from './tasks';

const looseRecord = z.record(z.string(), z.unknown());
/** Ids the tills make (UUIDv7) or were given by an import: names, not checked as UUIDs. */
const refSchema = z.string().min(1).max(64);
const qtySchema = z.number().int();

/** A single-use coupon redeemed at a till: a claim the cloud accepts first-come. */
export const redemptionClaimSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  couponId: idSchema.optional(),
  templateId: idSchema,
  storeId: idSchema,
  terminalId: idSchema.nullish(),
  staffId: idSchema.nullish(),
  customerPhone: z.string().nullish(),
  subtotalFen: moneyFenSchema,
  discountFen: moneyFenSchema,
  createdAt: instantSchema,
});

export const redemptionVoidSchema = z.looseObject({
  redemptionId: idSchema,
  voidedAt: instantSchema,
  voidedBy: idSchema.nullish(),
  reason: z.string().nullish(),
});

export const cashbackIssuedSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  templateId: idSchema,
  productId: idSchema,
  terminalId: idSchema,
  storeId: idSchema,
  rewardFen: moneyFenSchema,
  issuedAt: instantSchema,
  validUntil: instantSchema,
});

/** Paid out at a counter or a terminal: a claim like a coupon redemption, first one wins. */
export const cashbackRedeemedSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  phone: z.string().min(1).max(20),
  redeemedAt: instantSchema,
  via: z.enum(['counter', 'terminal', 'cloud']),
});

/** One change of stock in a store (+ in, − out), as the stock documents carry it. */
export const movementSchema = z.looseObject({
  id: refSchema,
  storeId: refSchema,
  productId: refSchema,
  /** The product's SKU: how another PC of the chain (other product ids) finds it. */
  sku: z.string().max(64).nullish(),
  qty: qtySchema,
});

/** A stock document (receipt, stocktake, transfer): its movements, per store. */
export const stockDocumentSchema = z.looseObject({
  documentId: refSchema,
  movements: z.array(movementSchema),
});

/** A sale as the till recorded it; its movements are in the sale's store. */
export const saleRecordedSchema = z.looseObject({
  id: refSchema,
  storeId: refSchema,
  totalFen: moneyFenSchema,
  discountFen: moneyFenSchema,
  soldAt: instantSchema,
  /** The business day it counts on (YYYY-MM-DD, store's zone); '' from an older till. */
  businessDate: z.string().max(10).optional(),
  lines: z.array(z.looseObject({ productId: refSchema, qty: qtySchema })),
  redemptionIds: z.array(z.string()).optional(),
  tenders: z.array(looseRecord).optional(),
  movements: z.array(
    z.looseObject({
      id: refSchema,
      productId: refSchema,
      sku: z.string().max(64).nullish(),
      qty: qtySchema,
    }),
  ),
});

/** Goods back from a sale: the stock back in and the money back per tender. */
export const saleReturnedSchema = z.looseObject({
  documentId: refSchema,
  movements: z.array(movementSchema),
  refunds: z.array(
    z.looseObject({
      storeId: refSchema,
      amountFen: moneyFenSchema,
      at: instantSchema,
      businessDate: z.string().max(10).optional(),
    }),
  ),
});

export const couponsIssuedSchema = z.looseObject({
  batchId: refSchema,
  templateId: refSchema,
  count: z.number().int().nonnegative(),
  storeId: refSchema.nullish(),
  codes: z.array(z.string()).optional(),
});

export const couponsCancelledSchema = z.looseObject({
  code: z.string().min(1).max(64),
  at: instantSchema,
  reason: z.string().nullish(),
});

// Relayed to the other PCs as they are (each applies what it knows): only the id is required.
export const templatesChangedSchema = z.looseObject({
  template: looseRecord.optional(),
  versions: z.array(looseRecord).optional(),
});

export const staffChangedSchema = z.looseObject({ id: refSchema, name: z.string().optional() });

/** A store of the merchant: the cloud's list of stores (region, location, 商圈) comes from it. */
export const storeChangedSchema = z.looseObject({
  id: refSchema,
  name: z.string().optional(),
  code: z.string().optional(),
  provinceCode: z.string().optional(),
  cityCode: z.string().optional(),
  districtCode: z.string().optional(),
  lat: z.number().nullish(),
  lng: z.number().nullish(),
  /** The system of lat/lng (older tills: GCJ-02). */
  coordSystem: z.enum(COORD_SYSTEMS).optional(),
  timezone: z.string().optional(),
  /** 商圈: the business district the store sits in (optional; older tills do not send it). */
  businessDistrict: z.string().max(40).nullish(),
  active: z.boolean().optional(),
  updatedAt: instantSchema.optional(),
});

/** An item of a store's advice shown to consumers (published) or no longer (withdrawn). */
export const strategyChangedSchema = z.looseObject({
  storeId: refSchema,
  productId: refSchema,
  kind: z.enum(['discounted', 'priceMayRise']),
  status: z.enum(['published', 'withdrawn']),
  sku: z.string().max(64),
  productName: z.string().max(200),
  category: z.string().max(100),
  priceFen: moneyFenSchema,
  /** On discount: the suggested price (per mille of the list price) and the coupon made for it. */
  payPermille: z.number().int().nullish(),
  discountedPriceFen: moneyFenSchema.nullish(),
  couponTemplateId: refSchema.nullish(),
  updatedAt: instantSchema,
});

/**
 * One movement of a member's points: a fact of its own, so the cloud and the other stores add
 * movements up and two stores earning offline merge without loss.
 */
export const pointsMovedSchema = z.looseObject({
  id: idSchema,
  memberId: idSchema,
  lotId: idSchema,
  kind: z.enum(['earn', 'burn', 'unburn', 'expire', 'reverse']),
  points: z.number().int(),
  saleId: idSchema.nullish(),
  at: instantSchema,
});

/** A member as saved at a till (the row; `created` on sign-up). */
export const memberChangedSchema = z.looseObject({ id: refSchema });

/** One change of a member's consent for a purpose (the consent log's row). */
export const memberConsentedSchema = z.looseObject({ id: refSchema, memberId: refSchema });

/** A member's level changed (the level history's row). */
export const memberLevelChangedSchema = z.looseObject({ id: refSchema, memberId: refSchema });

/** Two member records of one person merged (the merge's row: which was kept, which merged). */
export const memberMergedSchema = z.looseObject({
  id: refSchema,
  keptId: refSchema,
  mergedId: refSchema,
  at: instantSchema,
});

/** A merge of member records undone. */
export const memberUnmergedSchema = z.looseObject({ id: refSchema, undoneAt: instantSchema });

/**
 * A coupon that went from one phone to another in the wallet (the cloud writes it; the PCs keep
 * the merchant's share history from it): which code gave which, how, at which hop.
 */
export const shareAcceptedSchema = z.looseObject({
  id: refSchema,
  shareId: refSchema,
  templateId: refSchema,
  mode: z.enum(['transfer', 'copy']),
  hop: z.number().int().min(1),
  fromCode: z.string().min(1).max(64),
  toCode: z.string().min(1).max(64),
  at: instantSchema,
});

interface CatalogueEntry {
  /** The payload's version: a till writes the current one; the cloud accepts up to it. */
  version: number;
  payload: z.ZodType<Record<string, unknown>>;
  /** Written by an older till only: accepted and relayed, never written by this one. */
  legacy?: true;
  /** Written by the cloud only (the wallet): a device pushing it is refused. */
  cloudOnly?: true;
}
const entry = <S extends z.ZodType<Record<string, unknown>>>(payload: S, version = 1) => ({
  version,
  payload,
});

/** A check-in task's order changed state (or became at risk of arriving late): decided by the cloud. */
export const taskOrderChangedSchema = z.looseObject({
  id: refSchema,
  order: merchantTaskOrderSchema,
  title: z.string(),
  /** E.164: a points reward is booked to the member of this phone. */
  phone: z.string(),
  reward: taskRewardSchema,
  at: instantSchema,
});

/**
 * THE catalogue: every outbox event kind with its payload schema and version. The kind is the
 * outbox topic. The desktop writes only these kinds (OutboxService.add takes a DesktopEventKind
 * and checks it at run time); the cloud accepts every kind in it, decides on some (claims,
 * voids, cashback), projects others (stock, sales, stores: see src-cloud/projections) and
 * relays all of them to the merchant's other devices through pull.
 */
export const EVENT_CATALOGUE = {
  'redemption.completed': entry(redemptionClaimSchema),
  'redemption.voided': entry(redemptionVoidSchema),
  'coupons.issued': entry(couponsIssuedSchema),
  'coupons.cancelled': entry(couponsCancelledSchema),
  'templates.changed': entry(templatesChangedSchema),
  'sale.recorded': entry(saleRecordedSchema),
  'sale.returned': entry(saleReturnedSchema),
  'stock.received': entry(stockDocumentSchema),
  'stock.adjusted': entry(stockDocumentSchema),
  'stock.transferred': entry(stockDocumentSchema),
  'staff.changed': entry(staffChangedSchema),
  'stores.changed': entry(storeChangedSchema),
  'cashback.issued': entry(cashbackIssuedSchema),
  'cashback.redeemed': entry(cashbackRedeemedSchema),
  'members.changed': entry(memberChangedSchema),
  'members.consented': entry(memberConsentedSchema),
  'members.levelChanged': entry(memberLevelChangedSchema),
  'members.merged': entry(memberMergedSchema),
  'shares.accepted': { ...entry(shareAcceptedSchema), cloudOnly: true },
  'tasks.orderChanged': { ...entry(taskOrderChangedSchema), cloudOnly: true },
  'members.unmerged': entry(memberUnmergedSchema),
  'points.moved': entry(pointsMovedSchema),
  'strategies.changed': entry(strategyChangedSchema),
  'claims.issuanceChanged': entry(issuanceChangedSchema),
  'stores.defaultCouponChanged': entry(storeDefaultCouponSchema),
  'sms.suppressed': { ...entry(smsSuppressedSchema.loose()), cloudOnly: true },
  // The names of the first cloud documentation; no till ever wrote them, kept accepted.
  'sales.recorded': { ...entry(looseRecord), legacy: true },
  'stock.moved': { ...entry(looseRecord), legacy: true },
} as const satisfies Record<string, CatalogueEntry>;

export type EventKind = keyof typeof EVENT_CATALOGUE;
export const EVENT_KINDS = Object.keys(EVENT_CATALOGUE) as EventKind[];
/** The kinds a desktop of this version writes (not the legacy ones). */
export type DesktopEventKind = {
  [K in EventKind]: (typeof EVENT_CATALOGUE)[K] extends { legacy: true } | { cloudOnly: true }
    ? never
    : K;
}[EventKind];
export const DESKTOP_EVENT_KINDS = EVENT_KINDS.filter(
  (kind) => !('legacy' in EVENT_CATALOGUE[kind]) && !('cloudOnly' in EVENT_CATALOGUE[kind]),
) as DesktopEventKind[];
/** Kinds only the cloud writes: a device pushing one is refused. */
export const isCloudOnlyKind = (kind: EventKind) => 'cloudOnly' in EVENT_CATALOGUE[kind];
/** What a writer passes for a kind (rows spread as they are: the schema is loose). */
export type EventPayloadInput<K extends EventKind> = z.input<
  (typeof EVENT_CATALOGUE)[K]['payload']
>;

export const isEventKind = (kind: string): kind is EventKind =>
  Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, kind);
export const isDesktopEventKind = (kind: string): kind is DesktopEventKind =>
  isEventKind(kind) && !('legacy' in EVENT_CATALOGUE[kind]);
/** The catalogue version of a kind (1 for a kind it does not know). */
export const eventVersion = (kind: string): number =>
  isEventKind(kind) ? EVENT_CATALOGUE[kind].version : 1;

/** One outbox row as pushed. The id is the idempotency key: the outbox row's UUIDv7. */
export const pushedEventSchema = z.object({
  id: idSchema,
  // Names, never text a person wrote: printable ASCII only (a control character would fail the
  // whole batch's insert; the desktop then finds and dead-letters this event alone).
  kind: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x20-\x7E]+$/),
  entityId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x20-\x7E]+$/),
  occurredAt: epochMsSchema,
  /** The catalogue version of the payload; absent from older tills (version 1). */
  version: z.number().int().min(1).max(1000).optional(),
  payload: looseRecord,
});
export type PushedEvent = z.infer<typeof pushedEventSchema>;
