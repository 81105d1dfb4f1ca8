import { z } from 'zod';
import { isLocalDate } from './time';

/**
 * Edge values every input must stay within, so that no date, time, quantity or amount a caller
 * sends can make a computation leave the safe integers or the dates `Intl` can read. One home for
 * the desktop's contract and the cloud's schemas; messages are `validation.` keys (translated).
 */

/** Business dates: a shop's coupons and reports live in this century (0000-01-01 read as 1900). */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2099-12-31';
/** Instants, as UTC epoch ms: the same range with a day's margin for any time zone. */
export const MIN_EPOCH_MS = Date.UTC(1999, 11, 31);
export const MAX_EPOCH_MS = Date.UTC(2100, 0, 2) - 1;

/** A quantity on one line (units of the product's unit). */
export const MAX_QTY = 1_000_000;
/**
 * The most one amount, one line or one document (a sale, an order, a receipt of goods) may come
 * to: ¥900,000. Its square stays below 2^53, so a proportional split of a discount over the lines
 * (total × weight) is exact as well as every sum of up to 500 lines.
 */
export const MAX_FEN = 90_000_000;

/** A real date between MIN_DATE and MAX_DATE, as YYYY-MM-DD. */
export const boundedDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'validation.date' })
  .refine((date) => date >= MIN_DATE && date <= MAX_DATE, { message: 'validation.dateRange' });

/** An instant (UTC epoch ms) within the supported dates. */
export const instantSchema = z
  .number()
  .int({ message: 'validation.instant' })
  .min(MIN_EPOCH_MS, { message: 'validation.instant' })
  .max(MAX_EPOCH_MS, { message: 'validation.instant' });

/** An amount in whole fen, 0 to MAX_FEN. */
export const moneyFenSchema = z
  .number()
  .int({ message: 'validation.fen' })
  .nonnegative({ message: 'validation.fen' })
  .max(MAX_FEN, { message: 'validation.fenMax' });

/** A quantity of at least 1 and at most MAX_QTY. */
export const quantitySchema = z
  .number()
  .int({ message: 'validation.qty' })
  .min(1, { message: 'validation.qty' })
  .max(MAX_QTY, { message: 'validation.qty' });

/**
 * Checks that qty × unit price of each line and their sum stay within MAX_FEN; the issue names
 * the line (or the list) so the caller sees which one. Lines without a price are skipped.
 */
export function checkLineAmounts(
  lines: readonly { qty?: number; unitPriceFen?: number | null }[],
  ctx: {
    addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void;
  },
  path: (string | number)[] = [],
): void {
  let total = 0;
  for (const [i, line] of lines.entries()) {
    if (line.unitPriceFen == null) continue;
    const amount = (line.qty ?? 1) * line.unitPriceFen;
    if (amount > MAX_FEN) {
      ctx.addIssue({ code: 'custom', message: 'validation.lineTooLarge', path: [...path, i] });
      return;
    }
    total += amount;
  }
  if (total > MAX_FEN) ctx.addIssue({ code: 'custom', message: 'validation.totalTooLarge', path });
}

/**
 * A document's lines (1 to `max`), each line's qty × unit price and their sum within MAX_FEN:
 * the field type of every list of priced lines (a sale, an order, a receipt of goods).
 */
export const pricedLinesSchema = <
  T extends z.ZodType<{ qty?: number; unitPriceFen?: number | null }>,
>(
  line: T,
  max: number,
) =>
  z
    .array(line)
    .min(1, { message: 'validation.required' })
    .max(max)
    .superRefine((lines, ctx) => checkLineAmounts(lines, ctx));

/** A month YYYY-MM within the supported dates. */
export const boundedMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.month' })
  .refine((month) => month >= MIN_DATE.slice(0, 7) && month <= MAX_DATE.slice(0, 7), {
    message: 'validation.dateRange',
  });
