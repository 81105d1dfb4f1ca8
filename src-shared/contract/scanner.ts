import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { epochMsSchema } from '../validation';

/** How the scanners of this PC reach the app: typing as a keyboard, HID-POS reports, or both. */
export const scannerModeSchema = z.enum(['wedge', 'hid', 'both']);
export type ScannerMode = z.infer<typeof scannerModeSchema>;

/** The key a keyboard-wedge scanner sends after the code. */
export const scannerSuffixSchema = z.enum(['enter', 'tab', 'none', 'custom']);
export type ScannerSuffix = z.infer<typeof scannerSuffixSchema>;

const printableAscii = /^[\x21-\x7e]*$/;

/**
 * The scanner settings of this PC. They live in this PC's database (the settings table), not in
 * one window's storage: the Electron main process decodes keys and opens HID scanners with them
 * before any window exists, and every window and browser tab on the PC shares the one scanner.
 */
export const scannerSettingsSchema = z
  .object({
    mode: scannerModeSchema,
    /** A burst whose average gap between keys is at most this is a scan (ms). */
    maxAverageGapMs: z.number().int().min(5).max(60),
    /** A gap this long between two keys is a person typing (ms). */
    humanGapMs: z.number().int().min(40).max(500),
    /** Shorter codes are not scans (a person's quick "12" + Enter). */
    minLength: z.number().int().min(1).max(64),
    /** Characters the scanner is set to send first; stripped, and a scan must start with them. */
    prefix: z.string().max(8).regex(printableAscii, { message: 'validation.scannerChars' }),
    suffix: scannerSuffixSchema,
    /** The characters that end a scan when `suffix` is `custom`. */
    customSuffix: z.string().max(8).regex(printableAscii, { message: 'validation.scannerChars' }),
  })
  .refine((s) => s.humanGapMs > s.maxAverageGapMs, {
    path: ['humanGapMs'],
    message: 'validation.scannerHumanGap',
  })
  .refine((s) => s.suffix !== 'custom' || s.customSuffix.length > 0, {
    path: ['customSuffix'],
    message: 'validation.required',
  });
export type ScannerSettings = z.infer<typeof scannerSettingsSchema>;

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  mode: 'both',
  maxAverageGapMs: 30,
  humanGapMs: 80,
  minLength: 6,
  prefix: '',
  suffix: 'enter',
  customSuffix: '',
};

/** A HID-POS scanner (usage page 0x8C) seen on this PC. */
export const hidScannerSchema = z.object({
  /** The OS device path: stable while it stays plugged in. */
  id: z.string(),
  name: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  /** `open`: reading; `error`: seen but could not be opened or read (see `error`). */
  status: z.enum(['open', 'error']),
  error: z.string().nullable(),
});
export type HidScanner = z.infer<typeof hidScannerSchema>;

/** Key timing of a keyboard-wedge scan, shown in the settings page's live test area. */
export const scanTimingSchema = z.object({
  /** Characters typed (prefix included): what is taken back out of a focused field. */
  typedLength: z.number().int(),
  averageGapMs: z.number(),
  durationMs: z.number(),
});
export type ScanTiming = z.infer<typeof scanTimingSchema>;

export const scannedSchema = z.object({
  data: z.string(),
  /** The code's symbology as the scanner named it (AIM id), e.g. "QR Code"; null when unknown. */
  symbology: z.string().nullable(),
  source: z.enum(['keyboard', 'hid']),
  deviceName: z.string().nullable(),
  at: epochMsSchema,
  /** Keyboard scans only (decoded from key presses in the Electron main process). */
  timing: scanTimingSchema.nullable(),
});
export type Scanned = z.infer<typeof scannedSchema>;

export const scannerMethods = {
  'scanner.settings': method({
    summary: "This PC's scanner settings (mode, timing thresholds, prefix and suffix)",
    input: z.object({}),
    output: scannerSettingsSchema,
    access: ALL_STAFF,
  }),
  'scanner.updateSettings': method({
    summary: "Change this PC's scanner settings; every window takes them at once",
    input: scannerSettingsSchema,
    output: scannerSettingsSchema,
    access: MANAGERS,
  }),
  'scanner.devices': method({
    summary: 'HID-POS scanners (usage page 0x8C) connected to this PC',
    input: z.object({}),
    output: z.array(hidScannerSchema),
    access: ALL_STAFF,
  }),
} as const;

export const scannerEvents = {
  /** A HID-POS scan; in Electron also a keyboard scan decoded in the main process (that window only). */
  'scanner.scanned': event({ payload: scannedSchema, access: ALL_STAFF }),
  'scanner.devicesChanged': event({ payload: z.array(hidScannerSchema), access: ALL_STAFF }),
  'scanner.settingsChanged': event({ payload: scannerSettingsSchema, access: ALL_STAFF }),
} as const;
