import type { OrderInput } from '../../../../src-shared/contract/redemption';
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
