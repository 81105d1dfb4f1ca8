import { z } from 'zod';
import { COORD_SYSTEMS } from '../geo/coordinates';
import { ALL_STAFF, MANAGERS, OWNER, event, method } from './define';
import {
  DEFAULT_TIME_ZONE,
  epochMsSchema,
  idSchema,
  shortCodeSchema,
  timeZoneSchema,
} from '../validation';
import { storeQrSchema } from './claims';

export const terminalSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: epochMsSchema,
});
export type Terminal = z.infer<typeof terminalSchema>;

export const storeSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** The system of lat/lng; absent from the stores.changed of an older PC (GCJ-02). */
  coordSystem: z.enum(COORD_SYSTEMS).default('gcj02'),
  /** 商圈 (optional); absent from the stores.changed of an older PC. */
  businessDistrict: z.string().nullable().default(null),
  timezone: z.string(),
  active: z.boolean(),
  terminals: z.array(terminalSchema),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Store = z.infer<typeof storeSchema>;

/** The editable fields of a store, shared by the first-run wizard and the stores page. */
export const storeFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(40, { message: 'validation.tooLong' }),
  code: shortCodeSchema.optional(),
  districtCode: z.string().regex(/^\d{6}$/, { message: 'validation.region' }),
  address: z.string().trim().max(120, { message: 'validation.tooLong' }).default(''),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  /** The map the coordinates were read from: 高德/腾讯 GCJ-02 (the default), 百度 BD-09, GPS WGS-84. */
  coordSystem: z.enum(COORD_SYSTEMS).default('gcj02'),
  businessDistrict: z
    .string()
    .trim()
    .max(40, { message: 'validation.tooLong' })
    .nullable()
    .default(null)
    .transform((value) => value || null),
  timezone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});
export type StoreFields = z.input<typeof storeFieldsSchema>;

export const storesMethods = {
  'stores.list': method({
    summary: 'All stores with their terminals',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(storeSchema),
    access: ALL_STAFF,
  }),
  'stores.create': method({
    summary: 'Open a new store (with its first terminal)',
    input: storeFieldsSchema,
    output: storeSchema,
    access: OWNER,
  }),
  'stores.update': method({
    summary: 'Edit a store, or close it (active = false)',
    input: storeFieldsSchema.partial().extend({ id: idSchema, active: z.boolean().optional() }),
    output: storeSchema,
    access: MANAGERS,
  }),
  'stores.setDefaultCoupon': method({
    summary:
      "The coupon a store's fixed QR poster gives (null: none); changeable without reprinting the poster",
    input: z.object({ storeId: idSchema, templateId: idSchema.nullable() }),
    output: storeQrSchema,
    access: MANAGERS,
  }),
  'terminals.create': method({
    summary: 'Add a till (terminal) to a store',
    input: z.object({
      storeId: idSchema,
      code: shortCodeSchema.optional(),
      name: z.string().trim().min(1, { message: 'validation.required' }).max(32),
    }),
    output: terminalSchema,
    access: MANAGERS,
  }),
  'terminals.update': method({
    summary: 'Rename a terminal or take it out of service',
    input: z.object({
      id: idSchema,
      name: z.string().trim().min(1).max(32).optional(),
      active: z.boolean().optional(),
    }),
    output: terminalSchema,
    access: MANAGERS,
  }),
  'terminals.whoami': method({
    summary: 'For POS terminals: which terminal and store this API key belongs to',
    input: z.object({}),
    output: z.object({ terminal: terminalSchema, store: storeSchema.omit({ terminals: true }) }),
    access: ['terminal'],
  }),
} as const;

export const storesEvents = {
  'stores.changed': event({ payload: z.object({ storeId: idSchema }), access: ALL_STAFF }),
} as const;
