import { z } from 'zod';
import { ALL_STAFF, MANAGERS, method } from './define';
import { localDateSchema } from './analytics';
import { printJobSchema } from './printing';
import { moneyFenSchema } from '../bounds';
import { refundKindSchema } from './sales';
import { CASH_ROUNDINGS } from '../till/tenders';
import { epochMsSchema, idSchema, pinSchema } from '../validation';

export const tillSettingsSchema = z.object({
  /** Cash is rounded down to this unit; the rest is 抹零. */
  cashRounding: z.enum(CASH_ROUNDINGS),
  /** Printed at the foot of every receipt. */
  receiptFooter: z.string().trim().max(200),
  /** The drawer opens (ESC p) with the receipt of a sale paid in cash. */
  kickDrawerOnCash: z.boolean(),
  /** A handover whose difference is larger than this needs a manager's PIN. */
  handoverThresholdFen: moneyFenSchema,
});
export type TillSettings = z.infer<typeof tillSettingsSchema>;

export const shiftSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  status: z.enum(['open', 'handed_over']),
  staffName: z.string().nullable(),
  floatFen: z.number().int(),
  openedAt: epochMsSchema,
  handedOverAt: epochMsSchema.nullable(),
  /** Float + cash sales − cash refunds − cashback paid at the counter (so far, while open). */
  expectedFen: z.number().int(),
  countedFen: z.number().int().nullable(),
  /** counted − expected: > 0 长款, < 0 短款. */
  differenceFen: z.number().int().nullable(),
  denominations: z.record(z.string(), z.number().int()).nullable(),
  note: z.string().nullable(),
  approvedByName: z.string().nullable(),
  businessDate: z.string().nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

const countFen = z.object({ count: z.number().int(), amountFen: z.number().int() });

/** One store's business day in money: what the close slip prints and the close page shows. */
export const dayCloseReportSchema = z.object({
  storeId: idSchema,
  storeName: z.string(),
  businessDate: z.string(),
  closed: z.boolean(),
  closedAt: epochMsSchema.nullable(),
  closedByName: z.string().nullable(),
  sales: z.object({
    count: z.number().int(),
    subtotalFen: z.number().int(),
    discountFen: z.number().int(),
    roundingFen: z.number().int(),
    /** What customers paid: the total less 抹零. */
    paidFen: z.number().int(),
  }),
  /** Paid per tender; `unknown`: sales recorded without tenders. */
  tenders: z.array(
    z.object({ kind: refundKindSchema, count: z.number().int(), amountFen: z.number().int() }),
  ),
  /** Given back on returns, per tender. */
  refunds: z.array(
    z.object({ kind: refundKindSchema, count: z.number().int(), amountFen: z.number().int() }),
  ),
  returns: countFen,
  /** Coupons redeemed and not voided; voided ones apart. */
  coupons: countFen,
  couponsVoided: countFen,
  /** Cashback codes paid out at this store's counter (in cash, from the drawer). */
  cashbackPaid: countFen,
  /** Net takings per tender (paid − refunded), adding up to netFen. */
  net: z.array(z.object({ kind: refundKindSchema, amountFen: z.number().int() })),
  netFen: z.number().int(),
  cash: z.object({
    salesFen: z.number().int(),
    refundsFen: z.number().int(),
    payoutsFen: z.number().int(),
  }),
  shifts: z.array(shiftSchema),
  /** The handovers' 长款/短款 together. */
  differenceFen: z.number().int(),
  /** Shifts still open at the store: their cash is not counted yet. */
  openShifts: z.number().int(),
});
export type DayCloseReport = z.infer<typeof dayCloseReportSchema>;

const storeRef = { storeId: idSchema.optional() };
const printerRef = { printerId: idSchema.optional() };

export const tillMethods = {
  'till.settings': method({
    summary: 'The till settings: cash rounding (抹零), receipt footer, drawer, handover threshold',
    input: z.object({}).default({}),
    output: tillSettingsSchema,
    access: ALL_STAFF,
  }),
  'till.updateSettings': method({
    summary: 'Change the till settings',
    input: tillSettingsSchema.partial(),
    output: tillSettingsSchema,
    access: MANAGERS,
  }),
  'printing.printReceipt': method({
    summary:
      'Print a sale’s receipt (小票) on this till’s printer; the drawer opens for cash (not on a reprint, which is marked 补打)',
    input: z.object({ saleId: idSchema, reprint: z.boolean().default(false), ...printerRef }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'drawer.open': method({
    summary: 'Open the cash drawer (ESC p through the receipt printer) with a reason, audited',
    input: z.object({
      reason: z.string().trim().min(1, { message: 'validation.required' }).max(100),
      ...printerRef,
    }),
    output: printJobSchema,
    access: ALL_STAFF,
  }),
  'shifts.open': method({
    summary: 'Open a shift at this drawer with its float (备用金)',
    input: z.object({ floatFen: moneyFenSchema, ...storeRef }),
    output: shiftSchema,
    access: ALL_STAFF,
  }),
  'shifts.current': method({
    summary: 'The open shift at this drawer with the cash expected so far, or null',
    input: z.object(storeRef).default({}),
    output: shiftSchema.nullable(),
    access: ALL_STAFF,
  }),
  'shifts.handover': method({
    summary:
      'Hand the shift over (交班): the drawer counted, the difference (长款/短款) recorded; over the threshold a manager’s PIN',
    input: z.object({
      countedFen: moneyFenSchema,
      /** Notes and coins counted: face value in fen → how many. */
      denominations: z
        .record(z.string().regex(/^\d{1,5}$/), z.number().int().min(0).max(100_000))
        .optional(),
      note: z.string().trim().max(200).optional(),
      managerId: idSchema.optional(),
      managerPin: pinSchema.optional(),
      ...storeRef,
    }),
    output: shiftSchema,
    access: ALL_STAFF,
  }),
  'shifts.list': method({
    summary: 'Shifts of a store, newest first, with their differences',
    input: z.object({ ...storeRef, limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(shiftSchema),
    access: MANAGERS,
  }),
  'dayClose.preview': method({
    summary:
      'A store’s business day in money (per tender, returns, coupons, cashback, shifts); writes nothing',
    input: z.object({ storeId: idSchema, businessDate: localDateSchema }),
    output: dayCloseReportSchema,
    access: MANAGERS,
  }),
  'dayClose.commit': method({
    summary:
      'Close a business day (日结): its totals kept as they are; once only; later sales count on the next day',
    input: z.object({
      storeId: idSchema,
      businessDate: localDateSchema,
      print: z.boolean().default(false),
      ...printerRef,
    }),
    output: dayCloseReportSchema.extend({ printJobId: idSchema.nullable() }),
    access: MANAGERS,
  }),
  'dayClose.list': method({
    summary: 'The closed days of a store, newest first, with their differences',
    input: z.object({ ...storeRef, limit: z.number().int().min(1).max(366).default(31) }),
    output: z.array(
      z.object({
        storeId: idSchema,
        businessDate: z.string(),
        closedAt: epochMsSchema,
        netFen: z.number().int(),
        differenceFen: z.number().int(),
      }),
    ),
    access: MANAGERS,
  }),
  'dayClose.print': method({
    summary: 'Print a business day’s close slip (a closed day as closed, else as it stands)',
    input: z.object({ storeId: idSchema, businessDate: localDateSchema, ...printerRef }),
    output: printJobSchema,
    access: MANAGERS,
  }),
} as const;
