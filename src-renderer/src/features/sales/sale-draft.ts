import type { InputOf } from '../../../../src-shared/contract';
import type { Product } from '../../../../src-shared/contract/products';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';
import { newAttemptKey } from '../../api/attempt-key';

export interface SaleDraftLine {
  product: Product;
  qty: number | null;
  unitPriceFen: number;
}

/**
 * A sale being entered. Its terminal sale id is made once, with the draft: sending it twice (a
 * double click, a retry after the network dropped) records the sale once.
 */
export interface SaleDraft {
  terminalSaleId: string;
  lines: SaleDraftLine[];
  phoneText: string;
  couponCodes: string[];
}

export const newSaleDraft = (): SaleDraft => ({
  terminalSaleId: `manual-${newAttemptKey()}`,
  lines: [],
  phoneText: '',
  couponCodes: [],
});

/**
 * What a line's unit costs: the product's member price when the sale is a member's and the
 * cashier left the list price as it was (a price typed by hand stands).
 */
export function linePriceFen(line: SaleDraftLine, forMember: boolean): number {
  const memberPrice = line.product.memberPriceFen;
  return forMember && memberPrice !== null && line.unitPriceFen === line.product.priceFen
    ? memberPrice
    : line.unitPriceFen;
}

export const subtotalFen = (draft: SaleDraft, forMember = false) =>
  draft.lines.reduce((sum, line) => sum + (line.qty ?? 0) * linePriceFen(line, forMember), 0);

export type SaleProblem = 'noLines' | 'qty' | 'phone';

/** The draft as sales.record takes it, or what is still wrong with it. */
export function toSaleInput(
  draft: SaleDraft,
  storeId: string,
  forMember = false,
): InputOf<'sales.record'> | { problem: SaleProblem } {
  if (draft.lines.length === 0) return { problem: 'noLines' };
  if (draft.lines.some((line) => line.qty === null)) return { problem: 'qty' };
  let customerPhone: string | undefined;
  if (draft.phoneText.trim()) {
    const phone = normalizeMainlandMobile(draft.phoneText);
    if (!phone) return { problem: 'phone' };
    customerPhone = phone;
  }
  return {
    terminalSaleId: draft.terminalSaleId,
    storeId,
    lines: draft.lines.map((line) => ({
      productId: line.product.id,
      qty: line.qty ?? 0,
      unitPriceFen: linePriceFen(line, forMember),
    })),
    customerPhone,
    couponCodes: draft.couponCodes,
  };
}
