import { z } from 'zod';
import { boundedDateSchema } from '../bounds';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { isPrinterDevicePath, isPrinterHost } from '../slips/printer-targets';
import { epochMsSchema, idSchema } from '../validation';

const usbTransportSchema = z.object({
  kind: z.literal('usb'),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  /** The USB socket ("1-2.3", from printers.usbDevices) when two printers of one model are in. */
  path: z.string().trim().max(40).optional(),
});

export const printerTransportSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    host: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(253)
      // The shop's own network only: a printer field must not reach the internet.
      .refine(isPrinterHost, { message: 'validation.printerHost' }),
    port: z.number().int().min(1).max(65535).default(9100),
  }),
  usbTransportSchema,
  /** A printer device: /dev/usb/lp0, /dev/lp0; on Windows COM1, LPT1, \\.\<name>. Nothing else. */
  z.object({
    kind: z.literal('file'),
    path: z.string().trim().min(1).max(300).refine(isPrinterDevicePath, {
      message: 'validation.printerPath',
    }),
  }),
]);
/**
 * A printer as stored: without the address rules, so a printer saved before them still lists
 * (and is refused when used, by the device layer) and its manager can correct it.
 */
const storedPrinterTransportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp'), host: z.string(), port: z.number().int() }),
  usbTransportSchema,
  z.object({ kind: z.literal('file'), path: z.string() }),
]);
export type PrinterTransport = z.output<typeof printerTransportSchema>;

export const printerFieldsSchema = z.object({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  transport: printerTransportSchema,
  widthMm: z.union([z.literal(58), z.literal(80)]).default(58),
  copies: z.number().int().min(1).max(5).default(1),
  cut: z.enum(['full', 'partial', 'none']).default('full'),
});

export const printerSchema = printerFieldsSchema.extend({
  transport: storedPrinterTransportSchema,
  id: idSchema,
  active: z.boolean(),
  /** Terminals that print here by default. */
  defaultFor: z.array(idSchema),
  createdAt: epochMsSchema,
});
export type Printer = z.infer<typeof printerSchema>;

export const printJobSchema = z.object({
  id: idSchema,
  printerId: idSchema,
  printerName: z.string(),
  kind: z.enum(['coupons', 'cashback', 'test', 'summary', 'receipt', 'drawer', 'close', 'claimQr']),
  /** `paused`: held by a person; it goes on from the next unprinted slip when resumed. */
  status: z.enum(['queued', 'printing', 'paused', 'done', 'failed', 'cancelled']),
  total: z.number().int(),
  /** Slips already printed: a retry goes on from here, so nothing prints twice. */
  done: z.number().int(),
  error: z.string().nullable(),
  reprint: z.boolean(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PrintJob = z.infer<typeof printJobSchema>;

const printerRef = z.object({ printerId: idSchema.optional() });

/** "Print after issue": the printer, or this terminal's default when none is named. */
export const printAfterIssueSchema = z.object({ printerId: idSchema.optional() }).optional();

/** A printer-class device on the USB bus, for picking a USB printer from a live list. */
export const usbDeviceSchema = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  /** From the device's string descriptors; null when the device cannot be opened to read them. */
  manufacturer: z.string().nullable(),
  product: z.string().nullable(),
  /** Bus and port numbers, e.g. "1-2.3": tells two printers of the same model apart. */
  path: z.string(),
});
export type UsbDevice = z.infer<typeof usbDeviceSchema>;

/** What the printer says about itself (DLE EOT); `unknown` when its connection cannot read. */
export const printerStatusSchema = z.object({
  printerId: idSchema,
  status: z.enum(['online', 'paperOut', 'coverOpen', 'offline', 'unknown']),
  /** The error code behind `offline`/`unknown` (PRINTER_UNREACHABLE, ...), else null. */
  error: z.string().nullable(),
  checkedAt: epochMsSchema,
});
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

/** PNG files above this are refused (a logo is at most 576 dots wide; 256 KiB is plenty). */
export const LOGO_MAX_BYTES = 256 * 1024;

export const logoSchema = z.object({
  /** The PNG as set, base64; null when the slips print without a logo. */
  pngBase64: z.string().nullable(),
  /** Its size in pixels (the printer scales it down to the paper's dots). */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type Logo = z.infer<typeof logoSchema>;

export const printingMethods = {
  'printers.list': method({
    summary: 'Receipt printers and which terminals print to them by default',
    input: z.object({}),
    output: z.array(printerSchema),
    access: ALL_STAFF,
  }),
  'printers.create': method({
    summary: 'Add a printer: network (TCP 9100), USB or a device file; 58 or 80 mm',
    input: printerFieldsSchema,
    output: printerSchema,
    access: MANAGERS,
  }),
  'printers.update': method({
    summary: 'Edit a printer or take it out of use',
    input: printerFieldsSchema.partial().extend({ id: idSchema, active: z.boolean().optional() }),
    output: printerSchema,
    access: MANAGERS,
  }),
  'printers.setDefault': method({
    summary: 'The printer a terminal uses when none is named',
    input: z.object({ terminalId: idSchema, printerId: idSchema }),
    output: printerSchema,
    access: MANAGERS,
  }),
  'printers.testPrint': method({
    summary: 'Print the test page (all block kinds) and wait for the result',
    input: z.object({ printerId: idSchema }),
    output: printJobSchema,
    access: MANAGERS,
  }),
  'printing.printCoupons': method({
    summary: 'Queue coupon slips for issued codes (reprints are marked 补打)',
    input: printerRef.extend({
      codes: z.array(z.string().trim().min(1).max(300)).min(1).max(10_000),
      reprint: z.boolean().default(false),
    }),
    output: printJobSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'printing.printCashback': method({
    summary: 'Queue a cashback slip (a POS terminal may ask for it on the shop printer)',
    input: printerRef.extend({
      code: z.string().trim().min(1).max(300),
      reprint: z.boolean().default(false),
    }),
    output: printJobSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'printing.jobs': method({
    summary: 'Print jobs, newest first',
    input: z.object({
      status: printJobSchema.shape.status.optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(printJobSchema),
    access: ALL_STAFF,
  }),
  'printing.retry': method({
    summary: 'Try a failed job again from the first slip not yet printed',
    input: z.object({ jobId: idSchema }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'printing.cancel': method({
    summary: 'Stop a queued or failed job',
    input: z.object({ jobId: idSchema }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'printing.pause': method({
    summary: 'Hold a queued or printing job after the slip being printed',
    input: z.object({ jobId: idSchema }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'printing.resume': method({
    summary: 'Go on with a paused job from the first slip not yet printed',
    input: z.object({ jobId: idSchema }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'printing.reprint': method({
    summary: 'Print the codes of a done or cancelled coupon or cashback job again, marked 补打',
    input: z.object({ jobId: idSchema }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'printers.usbDevices': method({
    summary: 'Printer-class USB devices connected now (live list for adding a USB printer)',
    input: z.object({}),
    output: z.array(usbDeviceSchema),
    access: MANAGERS,
  }),
  'printers.status': method({
    summary: 'Ask the printer for its real-time status (paper, cover, online) where it can answer',
    input: z.object({ printerId: idSchema }),
    output: printerStatusSchema,
    access: ALL_STAFF,
  }),
  'printing.getLogo': method({
    summary: 'The logo printed at the top of slips (PNG, base64), or null',
    input: z.object({}),
    output: logoSchema,
    access: ALL_STAFF,
  }),
  'printing.setLogo': method({
    summary: 'Set (PNG as base64, at most 256 KiB) or remove (null) the slip logo',
    input: z.object({
      pngBase64: z
        .string()
        .trim()
        .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, { message: 'validation.tooLong' })
        .nullable(),
    }),
    output: logoSchema,
    access: MANAGERS,
  }),
  'printing.printDailySummary': method({
    summary: "Print a store's day: coupons and cashback codes issued, redeemed, voided, by cashier",
    input: printerRef.extend({
      storeId: idSchema,
      /** A business day in the store's timezone, YYYY-MM-DD; today when left out. */
      date: boundedDateSchema.optional(),
    }),
    output: printJobSchema,
    access: MANAGERS,
  }),
} as const;

export const printingEvents = {
  'printing.jobChanged': event({ payload: printJobSchema, access: ALL_STAFF }),
  /** A USB device was plugged in or pulled out: the printers page refreshes its list. */
  'printers.usbChanged': event({
    payload: z.object({ change: z.enum(['attach', 'detach']), device: usbDeviceSchema }),
    access: MANAGERS,
  }),
} as const;
