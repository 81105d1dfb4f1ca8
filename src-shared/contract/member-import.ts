// Importing a shop's member list from its old system or a spreadsheet (CSV in UTF-8 or GBK, or
// XLSX): the same two steps, report and file shapes as the products import.
import { z } from 'zod';
import { MANAGERS, method } from './define';
import {
  importFileSchema,
  importFormatSchema,
  importIssueSchemaFor,
  importMappingSchemaFor,
} from './imports';

/** The fields a member file's columns can be mapped to; `points` is an opening balance. */
export const MEMBER_IMPORT_FIELDS = [
  'phone',
  'name',
  'birthday',
  'gender',
  'tags',
  'points',
  'note',
] as const;
export type MemberImportField = (typeof MEMBER_IMPORT_FIELDS)[number];
export const REQUIRED_MEMBER_IMPORT_FIELDS: readonly MemberImportField[] = ['phone'];

export const memberImportMappingSchema = importMappingSchemaFor(MEMBER_IMPORT_FIELDS);
export type MemberImportMapping = z.output<typeof memberImportMappingSchema>;

export const memberImportIssueSchema = importIssueSchemaFor(MEMBER_IMPORT_FIELDS);
export type MemberImportIssue = z.infer<typeof memberImportIssueSchema>;

const memberImportInputSchema = importFileSchema.extend({
  /** Omitted: the mapping guessed from the headers (see the preview's `mapping`). */
  mapping: memberImportMappingSchema.optional(),
  /**
   * 更新已有会员: a phone already a member gets the file's name, birthday and tags (never its
   * consents); otherwise such rows are skipped and listed.
   */
  updateExisting: z.boolean().default(false),
  /** Import the good rows and leave out the rows with problems (as the products import). */
  skipInvalid: z.boolean().default(false),
});

export const memberImportRowSchema = z.object({
  row: z.number().int(),
  /** `existing`: the phone is a member already and the row is skipped. */
  action: z.enum(['create', 'update', 'existing']),
  /** Masked (138****1234) once read as a mainland mobile; else as in the file. */
  phone: z.string(),
  name: z.string(),
  /** MM-DD, and the year when the file gives it. */
  birthday: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(['male', 'female', 'unknown']),
  tags: z.array(z.string()),
  /** Opening points; null when the file has no points column (or the cell is empty). */
  points: z.number().int().nullable(),
  note: z.string(),
  issues: z.array(memberImportIssueSchema),
});
export type MemberImportRow = z.infer<typeof memberImportRowSchema>;

export const memberImportMethods = {
  'members.importPreview': method({
    summary:
      'Read a member list (CSV in UTF-8 or GBK, or XLSX): headers, the column mapping, and every row checked (phone, duplicates, birthday...); writes nothing',
    input: memberImportInputSchema,
    output: z.object({
      ...importFormatSchema,
      mapping: memberImportMappingSchema,
      rowCount: z.number().int(),
      createCount: z.number().int(),
      updateCount: z.number().int(),
      /** Rows whose phone is a member already (skipped unless `updateExisting`). */
      existingCount: z.number().int(),
      errorCount: z.number().int(),
      /** The first rows: those with problems, then those already members, then the rest. */
      rows: z.array(memberImportRowSchema),
      issues: z.array(memberImportIssueSchema),
    }),
    access: MANAGERS,
  }),
  'members.import': method({
    summary:
      'Import the previewed member list in one transaction (MEMBERS_IMPORT_INVALID lists the problems): no consent is recorded as given (source import), a points column becomes one opening lot each; phones already members are skipped (or updated), so a second run creates nothing',
    input: memberImportInputSchema,
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      /** Rows whose phone was a member already, left as they were. */
      existing: z.number().int(),
      /** Rows left out for their problems (with `skipInvalid`). */
      skipped: z.number().int(),
      /** Opening points given, all lots together. */
      openingPoints: z.number().int(),
      durationMs: z.number(),
      writeMs: z.number(),
    }),
    access: MANAGERS,
  }),
} as const;
