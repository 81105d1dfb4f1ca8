// What every file import shares (products, sales, members): the file as sent, the problems a row can
// have, the row-by-row report, and the progress of a large import running in the worker.
import { z } from 'zod';
import { ALL_STAFF, event } from './define';

/** A file as sent by the UI or a script: the bytes in base64 (CSV in UTF-8 or GBK, or XLSX). */
export const importFileSchema = z.object({
  fileName: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  contentBase64: z.string().min(1, { message: 'validation.required' }),
});

/** What is wrong with one field of one row (stable codes; texts in the shared `importProblems`). */
export const IMPORT_PROBLEMS = [
  'REQUIRED',
  'TOO_LONG',
  'BAD_SKU',
  'BAD_BARCODE',
  'BAD_YUAN',
  'TOO_MANY_DECIMALS',
  'DUPLICATE_SKU_IN_FILE',
  'SKU_EXISTS',
  'DUPLICATE_BARCODE_IN_FILE',
  'BARCODE_TAKEN',
  'COLUMN_NOT_MAPPED',
  // Sales files.
  'UNKNOWN_PRODUCT',
  'BAD_QTY',
  'BAD_PHONE',
  'BAD_TIME',
  'UNKNOWN_STORE',
  'SALE_STORE_DIFFERS',
  'SALE_TIME_DIFFERS',
  'SALE_PHONE_DIFFERS',
  // Member lists.
  'DUPLICATE_PHONE_IN_FILE',
  'BAD_BIRTHDAY',
  'BAD_GENDER',
  'BAD_POINTS',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** One problem of the report, for a file whose columns map to `fields`. */
export const importIssueSchemaFor = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({
    /** The row as a spreadsheet shows it (the header is row 1); 1 for a mapping problem. */
    row: z.number().int(),
    field: z.enum(fields),
    problem: z.enum(IMPORT_PROBLEMS),
    /** The cell as read, and for duplicates (or a sale's rows that disagree) the other row. */
    value: z.string(),
    otherRow: z.number().int().nullable(),
    /** Translated in the caller's language: "第 3 行 售价：…". */
    message: z.string(),
  });

/** Which header of the file feeds a field (null: not in the file). */
const mappedColumn = z.string().nullable().default(null);

/** A mapping of each of the fields to its header. */
export const importMappingSchemaFor = <F extends readonly string[]>(fields: F) =>
  z.object(
    Object.fromEntries(fields.map((field) => [field, mappedColumn])) as {
      [K in F[number]]: typeof mappedColumn;
    },
  );

/** How the file was read: CSV with its detected encoding, or XLSX. */
export const importFormatSchema = {
  format: z.enum(['csv', 'xlsx']),
  /** For CSV: the encoding detected. */
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  headers: z.array(z.string()),
};

export const importsEvents = {
  /** A large import (or the full alert pass) in the worker: how far it has come. */
  'imports.progress': event({
    payload: z.object({
      job: z.enum(['products.import', 'sales.import', 'members.import', 'alerts.pass']),
      phase: z.enum(['reading', 'checking', 'writing', 'done', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
    }),
    access: ALL_STAFF,
  }),
} as const;
