import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

export const printerTransportSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    host: z.string().trim().min(1, { message: 'validation.required' }).max(253),
    port: z.number().int().min(1).max(65535).default(9100),
  }),
  z.object({
    kind: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
  }),
  /** A device file on Linux, e.g. /dev/usb/lp0. */
  z.object({ kind: z.literal('file'), path: z.string().trim().min(1).max(300) }),
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
  kind: z.enum(['coupons', 'cashback', 'test']),
  status: z.enum(['queued', 'printing', 'done', 'failed', 'cancelled']),
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
} as const;

export const printingEvents = {
  'printing.jobChanged': event({ payload: printJobSchema, access: ALL_STAFF }),
} as const;
