import type { OrderInput, Verdict } from '../../../../src-shared/contract/redemption';
import { parseYuan } from '../../../../src-shared/money';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';

/** Quick: the subtotal only. Full: goods line by line (item and scoped coupons need them). */
export type OrderMode = 'quick' | 'full';

export interface OrderLine {
  /** Stable across edits, for React's list keys. */
  key: string;
  productId: string;
  name: string;
  sku: string;
  qty: number;
  unitPriceFen: number;
}

export interface OrderDraft {
  mode: OrderMode;
  subtotalText: string;
  lines: OrderLine[];
  phoneText: string;
}

export const emptyOrder: OrderDraft = { mode: 'quick', subtotalText: '', lines: [], phoneText: '' };

export type OrderProblem = 'subtotal' | 'phone';

/**
 * The order as the contract wants it, or what is wrong with it. An order with nothing entered
 * yet is a zero subtotal: a coupon can still be checked (expired? already used?) before the
 * amount is known.
 */
export function toOrderInput(draft: OrderDraft): OrderInput | { problem: OrderProblem } {
  let customerPhone: string | undefined;
  if (draft.phoneText.trim()) {
    const phone = normalizeMainlandMobile(draft.phoneText);
    if (!phone) return { problem: 'phone' };
    customerPhone = phone;
  }
  if (draft.mode === 'full' && draft.lines.length > 0)
    return {
      lines: draft.lines.map((line) => ({
        productId: line.productId,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen,
      })),
      customerPhone,
    };
  if (draft.mode === 'full' || !draft.subtotalText.trim()) return { subtotalFen: 0, customerPhone };
  const subtotalFen = parseYuan(draft.subtotalText);
  if (subtotalFen === null) return { problem: 'subtotal' };
  return { subtotalFen, customerPhone };
}

/** Whether the cashier has entered what was bought yet. */
export const hasGoods = (draft: OrderDraft) =>
  draft.mode === 'full' ? draft.lines.length > 0 : draft.subtotalText.trim() !== '';

export const isOrderProblem = (
  order: OrderInput | { problem: OrderProblem },
): order is { problem: OrderProblem } => 'problem' in order;

/** What the order comes to once its coupons apply. */
export interface OrderTotals {
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
}

/**
 * The subtotal less every discount that applies. Each discount is the app's, already rounded to
 * the fen and capped; they are only added up here, so the parts shown add up to the total.
 */
export function orderTotals(
  subtotalFen: number,
  applied: readonly { discountFen: number }[],
): OrderTotals {
  const discountFen = applied.reduce((sum, one) => sum + one.discountFen, 0);
  return { subtotalFen, discountFen, payableFen: subtotalFen - discountFen };
}

/** Each line's share of the discounts, summed over the coupons on the order (lines by position). */
export const lineDiscounts = (lineCount: number, verdicts: readonly Pick<Verdict, 'lines'>[]) =>
  Array.from({ length: lineCount }, (_, i) =>
    verdicts.reduce((sum, verdict) => sum + (verdict.lines[i]?.discountFen ?? 0), 0),
  );

/** The lines with goods added: a product already on the order gets the quantity added. */
export function addToLines(
  lines: readonly OrderLine[],
  line: Omit<OrderLine, 'key'>,
  newKey: () => string,
): OrderLine[] {
  const existing = lines.find((known) => known.productId === line.productId);
  return existing
    ? lines.map((known) => (known === existing ? { ...known, qty: known.qty + line.qty } : known))
    : [...lines, { ...line, key: newKey() }];
}
