import { z } from 'zod';
import { ALL_STAFF, OWNER, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

/**
 * The keys of the settings table this page edits. Plain names, read by other features too: the
 * till's receipt prints `receipt.header` / `receipt.footer`, daily figures end at
 * `business.dayCutoff`.
 */
export const SETTING_KEYS = {
  receiptHeader: 'receipt.header',
  receiptFooter: 'receipt.footer',
  dayCutoff: 'business.dayCutoff',
  businessDistricts: 'stores.businessDistricts',
  dailyBackup: 'backup.daily',
} as const;

const lineText = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });

/** `HH:mm`: sales before it count to the day before (a shop open past midnight). */
export const dayCutoffSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.timeOfDay' });

export const shopSettingsSchema = z.object({
  merchantName: z.string(),
  receiptHeader: z.string(),
  receiptFooter: z.string(),
  dayCutoff: dayCutoffSchema,
  /** Per store id: its business district (商圈) as the shop calls it, free text. */
  businessDistricts: z.record(z.string(), z.string()),
  dailyBackup: z.boolean(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const backupSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['manual', 'daily', 'before-migration', 'before-restore', 'other']),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: epochMsSchema,
});
export type Backup = z.infer<typeof backupSchema>;

export const settingsMethods = {
  'settings.get': method({
    summary:
      "The shop's settings: merchant name, receipt header and footer, day cut-off, business districts",
    input: z.object({}),
    output: shopSettingsSchema,
    access: ALL_STAFF,
  }),
  'settings.update': method({
    summary: "Change the shop's settings (only the fields given)",
    input: z.object({
      merchantName: z
        .string()
        .trim()
        .min(1, { message: 'validation.required' })
        .max(40, { message: 'validation.tooLong' })
        .optional(),
      receiptHeader: lineText(200).optional(),
      receiptFooter: lineText(200).optional(),
      dayCutoff: dayCutoffSchema.optional(),
      businessDistricts: z.record(idSchema, lineText(40)).optional(),
      dailyBackup: z.boolean().optional(),
    }),
    output: shopSettingsSchema,
    access: OWNER,
  }),
  'settings.system': method({
    summary: 'Where the data lives and which version runs: data folder, database file, backups',
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      databaseFile: z.string(),
      backupsDir: z.string(),
      demo: z.boolean(),
      backups: z.array(backupSchema),
    }),
    access: OWNER,
  }),
  'settings.backupNow': method({
    summary:
      'Copy the database into the backups folder now (an online backup; the till keeps working)',
    input: z.object({}),
    output: backupSchema,
    access: OWNER,
  }),
  'settings.restore': method({
    summary:
      'Replace the database with a backup from the backups folder (checked first), then restart the app on it',
    input: z.object({
      fileName: z.string().regex(/^[\w.-]+\.db$/, { message: 'validation.fileName' }),
    }),
    output: z.object({ restored: z.literal(true), safetyCopy: z.string() }),
    access: OWNER,
  }),
} as const;

/** Switching between the real shop and the demo shop (a separate data folder). */
export const shopMethods = {
  'shop.enterDemo': method({
    summary:
      'Open the demo shop (its own data folder, filled with a demo merchant the first time); the real shop stays untouched',
    input: z.object({}),
    output: z.object({ demo: z.literal(true) }),
    // The owner, or anyone before the first-run wizard (to look around before setting up).
    access: ['owner', 'setup'],
  }),
  'shop.leaveDemo': method({
    summary: 'Leave the demo shop and return to the real one',
    input: z.object({}),
    output: z.object({ demo: z.literal(false) }),
    access: ['public'],
  }),
} as const;
