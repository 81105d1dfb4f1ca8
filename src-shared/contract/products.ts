import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { epochMsSchema, idSchema } from '../validation';
import { moneyFenSchema } from '../bounds';
import {
  importFileSchema,
  importFormatSchema,
  importIssueSchemaFor,
  importMappingSchemaFor,
} from './imports';

/** An amount in fen: whole, not negative, within the shared cap (src-shared/bounds.ts). */
export const fenSchema = moneyFenSchema;

export const productSchema = z.object({
  id: idSchema,
  sku: z.string(),
  barcodes: z.array(z.string()),
  name: z.string(),
  /** Pinyin initials of the name (百花茶 → bhc): pickers filter on them as the server searches. */
  nameInitials: z.string(),
  category: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  costFen: z.number().int().nullable(),
  /** What a member pays at the till; null: the same price as anyone. */
  memberPriceFen: z.number().int().nullable(),
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
  // Optional, not defaulted: an edit that does not name it keeps it.
  memberPriceFen: fenSchema.nullable().optional(),
});

/** Find a product by any of its keys: id, SKU or a barcode. */
export const productRefSchema = z.union([
  z.object({ productId: idSchema }),
  z.object({ sku: z.string().trim().min(1) }),
  z.object({ barcode: z.string().trim().min(1) }),
]);
export type ProductRef = z.infer<typeof productRefSchema>;

/** The fields an import file's columns can be mapped to; prices are in yuan in the file. */
export const IMPORT_FIELDS = [
  'sku',
  'name',
  'barcodes',
  'category',
  'unit',
  'priceYuan',
  'costYuan',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['sku', 'name', 'priceYuan'];

export const importMappingSchema = importMappingSchemaFor(IMPORT_FIELDS);
export type ImportMapping = z.output<typeof importMappingSchema>;

export { IMPORT_PROBLEMS, importFileSchema, type ImportProblem } from './imports';

export const importIssueSchema = importIssueSchemaFor(IMPORT_FIELDS);
export type ImportIssue = z.infer<typeof importIssueSchema>;

const importInputSchema = importFileSchema.extend({
  /** Omitted: the mapping guessed from the headers (see the preview's `mapping`). */
  mapping: importMappingSchema.optional(),
  /** Rows whose SKU is already on file update that product instead of being refused. */
  updateExisting: z.boolean().default(false),
  /**
   * Import the good rows and leave out the rows with problems (the user's choice; by default a
   * file goes in whole or not at all). A problem of the whole file (a missing column) still
   * refuses it.
   */
  skipInvalid: z.boolean().default(false),
});

export const importRowSchema = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update']),
  sku: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  category: z.string(),
  unit: z.string(),
  priceFen: z.number().int().nullable(),
  costFen: z.number().int().nullable(),
  issues: z.array(importIssueSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const productListInputSchema = z.object({
  /** Part of the name, SKU or a barcode. */
  search: z.string().trim().max(60).optional(),
  /** Exactly this barcode (a scan). */
  barcode: z.string().trim().max(32).optional(),
  category: z.string().trim().max(30).optional(),
  /** Only active (true) or only inactive (false) products; when omitted, see includeInactive. */
  active: z.boolean().optional(),
  includeInactive: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const productsMethods = {
  'products.list': method({
    summary: 'Products, searchable by name, SKU or barcode, by category and active flag',
    input: productListInputSchema,
    output: z.array(productSchema),
    access: ALL_STAFF,
  }),
  'products.categories': method({
    summary: 'The categories in use, with how many products each has',
    input: z.object({}),
    output: z.array(z.object({ category: z.string(), count: z.number().int() })),
    access: ALL_STAFF,
  }),
  'products.byBarcode': method({
    summary: 'The product a scanned barcode belongs to',
    input: z.object({ barcode: z.string().trim().min(1, { message: 'validation.required' }) }),
    output: productSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'products.importPreview': method({
    summary:
      'Read a CSV (UTF-8 or GBK) or XLSX file: headers, the column mapping, and every row checked; writes nothing',
    input: importInputSchema,
    output: z.object({
      ...importFormatSchema,
      mapping: importMappingSchema,
      rowCount: z.number().int(),
      createCount: z.number().int(),
      updateCount: z.number().int(),
      errorCount: z.number().int(),
      /** The first rows, each with its problems (all rows with problems come first). */
      rows: z.array(importRowSchema),
      /** Every problem in the file, up to 1,000. */
      issues: z.array(importIssueSchema),
    }),
    access: MANAGERS,
  }),
  'products.import': method({
    summary:
      'Import the previewed file: every row or none (IMPORT_INVALID lists the problems by row and field)',
    input: importInputSchema,
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      /** Rows left out for their problems (with `skipInvalid`). */
      skipped: z.number().int(),
      durationMs: z.number(),
      /** Of which the write transaction (the file is read and checked before it). */
      writeMs: z.number(),
    }),
    access: MANAGERS,
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
  /** After an import: many products changed at once. */
  'products.imported': event({
    payload: z.object({ created: z.number().int(), updated: z.number().int() }),
    access: ALL_STAFF,
  }),
} as const;
