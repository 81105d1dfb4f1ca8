import type { TenderInput, TenderKind } from '../../../../src-shared/contract/sales';
import { parseYuan } from '../../../../src-shared/money';
import { roundingOf, type CashRounding } from '../../../../src-shared/till/tenders';

/** The F-keys of the tenders (F1 is help, F5 reload and F6 the address bar in a browser). */
export const TENDER_KEYS: { key: string; kind: TenderKind }[] = [
  { key: 'F2', kind: 'cash' },
  { key: 'F3', kind: 'wechat' },
  { key: 'F4', kind: 'alipay' },
  { key: 'F7', kind: 'card' },
  { key: 'F8', kind: 'points' },
  { key: 'F9', kind: 'other' },
];

/** The payment being taken: tenders already given (a split) and the one being typed. */
export interface TenderDraft {
  taken: TenderInput[];
  kind: TenderKind;
  text: string;
}

export const newTenderDraft = (): TenderDraft => ({ taken: [], kind: 'cash', text: '' });

export const takenFen = (draft: TenderDraft) =>
  draft.taken.reduce((sum, tender) => sum + tender.amountFen, 0);

/**
 * What pressing Enter does with the typed amount: finish the sale with these tenders, add a part
 * of a split, or say what is wrong. Cash is rounded down to the shop's unit (抹零); an empty
 * amount means "exactly what is left".
 */
export function enterTender(
  draft: TenderDraft,
  payableFen: number,
  rounding: CashRounding,
):
  | { done: true; tenders: TenderInput[]; changeFen: number; roundingFen: number }
  | { done: false; draft: TenderDraft }
  | { problem: 'amount' | 'short' } {
  const left = payableFen - takenFen(draft);
  const typed = draft.text.trim() === '' ? null : parseYuan(draft.text);
  if (draft.text.trim() !== '' && typed === null) return { problem: 'amount' };
  if (draft.kind === 'cash') {
    const roundingFen = roundingOf(Math.max(left, 0), rounding);
    const due = left - roundingFen;
    const given = typed ?? due;
    if (given < due) return { problem: 'short' };
    return {
      done: true,
      tenders: [...draft.taken, { kind: 'cash', amountFen: due, givenFen: given }],
      changeFen: given - due,
      roundingFen,
    };
  }
  const amount = typed === null ? left : Math.min(typed, left);
  const tenders = [...draft.taken, { kind: draft.kind, amountFen: amount }];
  if (amount >= left) return { done: true, tenders, changeFen: 0, roundingFen: 0 };
  return { done: false, draft: { taken: tenders, kind: 'cash', text: '' } };
}
