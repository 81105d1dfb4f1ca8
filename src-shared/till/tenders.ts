// How a sale is paid: the rules the till screen shows and the sales ledger records, in one place
// so the change on the screen is the change on the receipt.
import { allocateLargestRemainder } from '../money';
import type { RefundKind, TenderInput, TenderKind } from '../contract/sales';

/** To what the cash part of a sale is rounded (down: 抹零, the shop lets the odd fen go). */
export const CASH_ROUNDINGS = ['fen', 'jiao', 'yuan'] as const;
export type CashRounding = (typeof CASH_ROUNDINGS)[number];
export const ROUNDING_UNIT_FEN: Record<CashRounding, number> = { fen: 1, jiao: 10, yuan: 100 };

export interface SettledTender {
  kind: TenderKind;
  label: string | null;
  amountFen: number;
  givenFen: number | null;
  changeFen: number;
}

export type TenderProblem =
  | { code: 'TENDER_MISMATCH'; details: { payableFen: number; tenderedFen: number } }
  | { code: 'CASH_GIVEN_SHORT'; details: { amountFen: number; givenFen: number } }
  | { code: 'TENDER_INVALID'; details: { reason: 'cashTwice' | 'givenNotCash' } };

export type Settlement =
  | { ok: true; roundingFen: number; changeFen: number; tenders: SettledTender[] }
  | { ok: false; problem: TenderProblem };

/** The 抹零 of a cash amount due under the shop's rounding. */
export const roundingOf = (cashDueFen: number, rounding: CashRounding) =>
  cashDueFen % ROUNDING_UNIT_FEN[rounding];

/**
 * Checks the tenders of a sale of `totalFen`. They add up to the total; with cash, the cash part
 * may be the amount due rounded down to the shop's unit (the rest is 抹零, recorded as its own
 * line). A terminal that sends the exact amount is taken at its word (no 抹零). No tenders: the
 * sale is "tender unknown", as before tenders existed.
 */
export function settleTenders(
  totalFen: number,
  tenders: readonly TenderInput[] | undefined,
  rounding: CashRounding,
): Settlement {
  if (!tenders || tenders.length === 0)
    return { ok: true, roundingFen: 0, changeFen: 0, tenders: [] };
  const cash = tenders.filter((t) => t.kind === 'cash');
  if (cash.length > 1) return fail('TENDER_INVALID', { reason: 'cashTwice' });
  if (tenders.some((t) => t.kind !== 'cash' && t.givenFen !== undefined))
    return fail('TENDER_INVALID', { reason: 'givenNotCash' });
  const tenderedFen = tenders.reduce((sum, t) => sum + t.amountFen, 0);
  let roundingFen = 0;
  if (cash.length) {
    const nonCash = tenderedFen - cash[0]!.amountFen;
    const cashDue = totalFen - nonCash;
    const rounded = cashDue - roundingOf(Math.max(cashDue, 0), rounding);
    if (cashDue >= 0 && cash[0]!.amountFen === rounded) roundingFen = cashDue - rounded;
  }
  if (tenderedFen + roundingFen !== totalFen)
    return fail('TENDER_MISMATCH', { payableFen: totalFen, tenderedFen });
  let changeFen = 0;
  const settled = tenders.map((t): SettledTender => {
    const given = t.kind === 'cash' ? (t.givenFen ?? t.amountFen) : null;
    const change = given === null ? 0 : given - t.amountFen;
    changeFen += Math.max(change, 0);
    return {
      kind: t.kind,
      label: t.kind === 'other' ? (t.label ?? null) : null,
      amountFen: t.amountFen,
      givenFen: t.kind === 'cash' ? (t.givenFen ?? null) : null,
      changeFen: change,
    };
  });
  const short = settled.find((t) => t.changeFen < 0);
  if (short)
    return fail('CASH_GIVEN_SHORT', { amountFen: short.amountFen, givenFen: short.givenFen! });
  return { ok: true, roundingFen, changeFen, tenders: settled };
}

function fail<C extends TenderProblem['code']>(
  code: C,
  details: Extract<TenderProblem, { code: C }>['details'],
): Settlement {
  return { ok: false, problem: { code, details } as TenderProblem };
}

/**
 * A refund split over the tenders it goes back by: all by `to` when the cashier chose one, else
 * by the sale's own tenders in proportion (largest remainder, so the parts add up), else
 * `unknown` for a sale recorded without tenders.
 */
export function refundByTender(
  refundFen: number,
  tenders: readonly { kind: TenderKind; amountFen: number }[],
  to?: TenderKind,
): { kind: RefundKind; amountFen: number }[] {
  if (refundFen <= 0) return [];
  if (to) return [{ kind: to, amountFen: refundFen }];
  const paid = tenders.reduce((sum, t) => sum + t.amountFen, 0);
  if (tenders.length === 0 || paid === 0) return [{ kind: 'unknown', amountFen: refundFen }];
  const parts = allocateLargestRemainder(
    Math.min(refundFen, paid),
    tenders.map((t) => t.amountFen),
  );
  // A refund above what the tenders paid (a terminal's own paidFen) goes by the first tender.
  parts[0]! += refundFen - Math.min(refundFen, paid);
  const byKind = new Map<TenderKind, number>();
  tenders.forEach((t, i) => byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + parts[i]!));
  return [...byKind].filter(([, fen]) => fen > 0).map(([kind, amountFen]) => ({ kind, amountFen }));
}

/** How a tender is named on slips and screens (the shop's own name for `other` wins). */
export const TENDER_NAMES: Record<RefundKind, string> = {
  cash: '现金',
  wechat: '微信',
  alipay: '支付宝',
  card: '银联卡',
  points: '积分',
  other: '其他',
  unknown: '未记录',
};
