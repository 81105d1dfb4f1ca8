import { z } from 'zod';
import { MANAGERS, method } from './define';
import { printJobSchema } from './printing';
import { instantSchema } from '../bounds';
import { epochMsSchema, idSchema } from '../validation';

// 领券二维码: coupons a consumer claims on the phone from a QR the shop prints. The desktop says
// what may be claimed (an issuance, a store's default coupon); the cloud issues the codes and
// they come back down the pull stream (see src-shared/sync/wallet.ts for the cloud's side).

/** The most coupons one issuance QR may give. */
export const MAX_ISSUANCE_COUNT = 100_000;

export const ISSUANCE_STATUSES = ['active', 'paused', 'ended'] as const;
export const issuanceStatusSchema = z.enum(ISSUANCE_STATUSES);
export type IssuanceStatus = z.infer<typeof issuanceStatusSchema>;

/** Where an issuance may go: active ⇄ paused, either → ended (final: its QR stays dead). */
export const ISSUANCE_STATUS_TRANSITIONS: Record<IssuanceStatus, IssuanceStatus[]> = {
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

const countSchema = z
  .number()
  .int({ message: 'validation.issuanceCount' })
  .min(1, { message: 'validation.issuanceCount' })
  .max(MAX_ISSUANCE_COUNT, { message: 'validation.issuanceCount' });

export const issuanceFieldsSchema = z
  .object({
    templateId: idSchema,
    /** What the poster and the phone's claim page say above the coupon. */
    title: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(60, { message: 'validation.tooLong' }),
    count: countSchema,
    /** How many one phone may claim. */
    perPerson: z.number().int().min(1, { message: 'validation.positive' }).max(100).default(1),
    /** Claims open (null: at once) and close (null: when the template's validity ends). */
    startsAt: instantSchema.nullable().default(null),
    endsAt: instantSchema.nullable().default(null),
    /** Claimed coupons work in this store only (else in the template's stores). */
    storeId: idSchema.nullable().default(null),
  })
  .superRefine((fields, ctx) => {
    if (fields.perPerson > fields.count)
      ctx.addIssue({
        code: 'custom',
        path: ['perPerson'],
        message: 'validation.perPersonOverCount',
      });
    if (fields.startsAt !== null && fields.endsAt !== null && fields.endsAt <= fields.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
  });
export type IssuanceFields = z.input<typeof issuanceFieldsSchema>;

export const issuanceSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  templateName: z.string(),
  title: z.string(),
  count: z.number().int(),
  perPerson: z.number().int(),
  startsAt: epochMsSchema.nullable(),
  endsAt: epochMsSchema.nullable(),
  storeId: idSchema.nullable(),
  storeName: z.string().nullable(),
  status: issuanceStatusSchema,
  /** Coupons phones claimed (codes the cloud issued for it and this PC has pulled). */
  claimed: z.number().int(),
  /** Of those, redeemed at a till (voids excluded). */
  redeemed: z.number().int(),
  /** What the QR holds: the phone's claim page on the cloud; null while not paired. */
  url: z.string().nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Issuance = z.infer<typeof issuanceSchema>;

/** A store's fixed poster: the coupon it gives now and the URL its QR holds. */
export const storeQrSchema = z.object({
  storeId: idSchema,
  storeName: z.string(),
  templateId: idSchema.nullable(),
  templateName: z.string().nullable(),
  /** Never changes for a store: the poster is printed once, the coupon behind it changes. */
  url: z.string().nullable(),
  updatedAt: epochMsSchema.nullable(),
});
export type StoreQr = z.infer<typeof storeQrSchema>;

/** The thermal slip of an issuance QR or of a store's fixed QR. */
export const claimQrTargetSchema = z.union([
  z.object({ issuanceId: idSchema }),
  z.object({ storeId: idSchema }),
]);

export const claimsMethods = {
  'claims.createIssuance': method({
    summary:
      'Create an issuance QR (领券二维码) for an active template: count, per-person limit, dates, optional store; the shop must be paired with the cloud',
    input: issuanceFieldsSchema,
    output: issuanceSchema,
    access: MANAGERS,
  }),
  'claims.listIssuances': method({
    summary:
      'Issuance QRs, newest first, each with its phone URL, status, count, claimed, redeemed',
    input: z.object({ status: issuanceStatusSchema.optional() }),
    output: z.array(issuanceSchema),
    access: MANAGERS,
  }),
  'claims.setIssuanceStatus': method({
    summary: 'Pause, resume or end an issuance QR (ended is final)',
    input: z.object({ id: idSchema, status: issuanceStatusSchema }),
    output: issuanceSchema,
    access: MANAGERS,
  }),
  'claims.listStoreQrs': method({
    summary: "Each store's fixed QR: its URL and the default coupon it gives now",
    input: z.object({}),
    output: z.object({
      /** The QR codes point at the cloud: without a pairing there is nothing to scan. */
      paired: z.boolean(),
      stores: z.array(storeQrSchema),
    }),
    access: MANAGERS,
  }),
  'claims.printQr': method({
    summary: 'Print an issuance QR or a store QR as a slip on the thermal printer',
    input: z.intersection(claimQrTargetSchema, z.object({ printerId: idSchema.optional() })),
    output: printJobSchema,
    access: MANAGERS,
  }),
} as const;
