import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

export const fenSchema = z
  .number()
  .int({ message: 'validation.fen' })
  .nonnegative({ message: 'validation.fen' });

export const productSchema = z.object({
  id: idSchema,
  sku: z.string(),
  barcodes: z.array(z.string()),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  costFen: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Product = z.infer<typeof productSchema>;

const barcodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, { message: 'validation.barcode' });

export const productFieldsSchema = z.object({
  sku: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z._-]{1,32}$/, { message: 'validation.sku' }),
  barcodes: z.array(barcodeSchema).max(10).default([]),
  name: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(60, { message: 'validation.tooLong' }),
  category: z.string().trim().max(30).default(''),
  unit: z.string().trim().max(8).default('件'),
  priceFen: fenSchema,
  costFen: fenSchema.nullable().default(null),
});

/** Find a product by any of its keys: id, SKU or a barcode. */
export const productRefSchema = z.union([
  z.object({ productId: idSchema }),
  z.object({ sku: z.string().trim().min(1) }),
  z.object({ barcode: z.string().trim().min(1) }),
]);
export type ProductRef = z.infer<typeof productRefSchema>;

export const productsMethods = {
  'products.list': method({
    summary: 'Products, searchable by name, SKU or barcode',
    input: z.object({
      search: z.string().trim().max(60).optional(),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.array(productSchema),
    access: ALL_STAFF,
  }),
  'products.lookup': method({
    summary: 'One product by id, SKU or barcode (a scan on the products page)',
    input: productRefSchema,
    output: productSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'products.create': method({
    summary: 'Add a product with its SKU, barcodes and price in fen',
    input: productFieldsSchema,
    output: productSchema,
    access: MANAGERS,
  }),
  'products.update': method({
    summary: 'Edit a product or take it off sale (active = false)',
    input: productFieldsSchema.partial().extend({ id: idSchema, active: z.boolean().optional() }),
    output: productSchema,
    access: MANAGERS,
  }),
} as const;

export const productsEvents = {
  'products.changed': event({ payload: z.object({ productId: idSchema }), access: ALL_STAFF }),
} as const;
