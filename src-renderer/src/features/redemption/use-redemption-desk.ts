import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OrderInput, Redemption, Verdict } from '../../../../src-shared/contract/redemption';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { newAttemptKey } from '../../api/attempt-key';
import { useErrorText } from '../../i18n/error-text';
import type { ScanOutcome } from '../../scanning/scanner-context';
import {
  addToLines,
  emptyOrder,
  hasGoods,
  isOrderProblem,
  orderTotals,
  toOrderInput,
  type OrderDraft,
  type OrderLine,
  type OrderTotals,
} from './order';
import {
  normalizedCode,
  ORDER_FIT_REASONS,
  refusalOfError,
  refusalOfVerdict,
  typoIn,
  type Refusal,
} from './refusal';
import { refusalTitle } from './refusal-text';

/** The contract takes up to 10 other codes with the one being checked. */
const MAX_COUPONS = 11;
/** A verify that takes longer than this shows "checking" until it answers. */
const CHECKING_SHOWN_AFTER_MS = 150;
/** Typing an amount re-prices the coupons once the cashier pauses. */
const REPRICE_DELAY_MS = 300;

export interface AppliedCoupon {
  /** What was typed or scanned (a code or a signed QR token), sent to the app as it came. */
  input: string;
  /** Its verdict on the order as it is now: each coupon is priced with the others. */
  verdict: Verdict;
  /** Set once redeemed in this attempt: a retry skips it. */
  redemption: Redemption | null;
}

/** What became of a code: said after a scan; `added` when it went on the order. */
export type CheckOutcome = ScanOutcome & { added?: boolean };

/** The answer to the last thing the cashier did, shown large. */
export type DeskCheck =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'message'; text: string };

export interface DeskResult extends OrderTotals {
  redemptions: Redemption[];
}

/**
 * The till's redemption desk: the order, the coupons on it, the verdicts, and one confirm. A
 * confirm carries one idempotency key per attempt; after a network failure the same confirm
 * sends the same key, so a redemption that did go through is answered again, not made twice.
 * Changing the order or its coupons starts a new attempt.
 */
export function useRedemptionDesk(storeId: string | undefined) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  // The order as last drawn. Typing in its fields goes to `orderNow` at once and is drawn (and
  // priced) when the cashier pauses: a keystroke redraws only its own field, so a scanner's burst
  // into a focused field stays fast enough to be told from typing.
  const [order, setOrder] = useState<OrderDraft>(emptyOrder);
  const orderNow = useRef<OrderDraft>(emptyOrder);
  /** Changes when the order starts over, so its fields start over too. */
  const [orderGeneration, setOrderGeneration] = useState(0);
  const [coupons, setCouponsState] = useState<AppliedCoupon[]>([]);
  const couponsNow = useRef<AppliedCoupon[]>([]);
  // Genuine codes the customer holds that could not join the coupons on the order (a second
  // non-stackable one, or ones a best combination left out): weighed again for the best offer.
  const [held, setHeldState] = useState<string[]>([]);
  const heldNow = useRef<string[]>([]);
  const [check, setCheck] = useState<DeskCheck>({ kind: 'idle' });
  const [result, setResult] = useState<DeskResult | null>(null);
  const [repricing, setRepricing] = useState(false);
  const [redeeming, setRedeeming] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const repriceRun = useRef(0);
  const settleTimer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(settleTimer.current), []);

  const setCoupons = (list: AppliedCoupon[]) => {
    couponsNow.current = list;
    setCouponsState(list);
  };
  const setHeld = (list: string[]) => {
    heldNow.current = list;
    setHeldState(list);
  };

  const verify = (code: string, input: OrderInput, withCodes: string[]) =>
    api.call('redemption.verify', { code, order: input, withCodes, storeId });

  /** Prices every coupon again against this order, each with the others on it. */
  async function reprice(list: AppliedCoupon[], draft: OrderDraft) {
    const run = ++repriceRun.current;
    const input = toOrderInput(draft);
    if (list.length === 0 || isOrderProblem(input)) return setRepricing(false);
    setRepricing(true);
    try {
      const verdicts = await Promise.all(
        list.map((coupon, i) =>
          verify(
            coupon.input,
            input,
            list.filter((_, j) => j !== i).map((other) => other.input),
          ),
        ),
      );
      // A later change has asked again; its answer is the one to show.
      if (run !== repriceRun.current) return;
      setCoupons(list.map((coupon, i) => ({ ...coupon, verdict: verdicts[i]! })));
      // "Not enough on the order" is answered once every coupon on it fits.
      if (verdicts.every((verdict) => verdict.valid))
        setCheck((current) =>
          current.kind === 'refused' && ORDER_FIT_REASONS.includes(current.refusal.reason)
            ? { kind: 'idle' }
            : current,
        );
    } catch (error) {
      if (run === repriceRun.current) setCheck({ kind: 'message', text: errorText(error) });
    } finally {
      if (run === repriceRun.current) setRepricing(false);
    }
  }

  /**
   * Any change to the order starts a new attempt and prices the coupons again. `typed` changes
   * (the amount, the phone) wait for a pause in the typing; the others are drawn at once.
   */
  function changeOrder(patch: Partial<OrderDraft>, { typed = false } = {}) {
    const next = { ...orderNow.current, ...patch };
    orderNow.current = next;
    attemptKey.current = null;
    if (!typed) setOrder(next);
    // The verdicts on screen are for the order as it was: no confirming until they are redone.
    if (couponsNow.current.length > 0) setRepricing(true);
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(
      () => {
        setOrder(orderNow.current);
        if (couponsNow.current.length > 0) void reprice(couponsNow.current, orderNow.current);
      },
      typed ? REPRICE_DELAY_MS : 0,
    );
  }

  function newOrder() {
    window.clearTimeout(settleTimer.current);
    repriceRun.current++;
    // The cashier's choice of quick or full entry carries over to the next customer.
    const fresh = { ...emptyOrder, mode: orderNow.current.mode };
    orderNow.current = fresh;
    setOrder(fresh);
    setOrderGeneration((generation) => generation + 1);
    setCoupons([]);
    setHeld([]);
    setCheck({ kind: 'idle' });
    setResult(null);
    setRepricing(false);
    attemptKey.current = null;
  }

  /**
   * Checks a typed or scanned code against the order and, when it fits, puts it on the order.
   * A code after a finished redemption starts the next customer's order.
   */
  async function checkCode(raw: string): Promise<CheckOutcome | null> {
    const input = raw.trim();
    if (!input) return null;
    if (result) newOrder();
    const list = couponsNow.current;
    const draft = orderNow.current;

    const refuse = (refusal: Refusal): ScanOutcome => {
      setCheck({ kind: 'refused', refusal });
      return { ok: false, message: refusalTitle(t, refusal.reason) };
    };
    const say = (text: string): ScanOutcome => {
      setCheck({ kind: 'message', text });
      return { ok: false, message: text };
    };

    const typo = typoIn(input);
    if (typo) return refuse(typo);
    const onOrder = (code: string | null) =>
      code !== null && list.some((coupon) => coupon.verdict.code === code);
    if (onOrder(normalizedCode(input))) return say(t('redemption.alreadyOnOrder'));
    if (list.length >= MAX_COUPONS) return say(t('redemption.tooManyCoupons'));
    const orderInput = toOrderInput(draft);
    if (isOrderProblem(orderInput)) return say(t(`redemption.orderProblems.${orderInput.problem}`));

    /** The verdict on this code, put on screen. */
    const settle = (verdict: Verdict): CheckOutcome => {
      if (onOrder(verdict.code)) return say(t('redemption.alreadyOnOrder'));
      const refusal = refusalOfVerdict(verdict);
      // A second non-stackable coupon is still the customer's: the best offer weighs it.
      if (refusal?.reason === 'NOT_STACKABLE' && !heldNow.current.includes(input))
        setHeld([...heldNow.current, input]);
      if (refusal && !ORDER_FIT_REASONS.includes(refusal.reason)) return refuse(refusal);

      // Valid, or valid once the order has what it needs: it goes on the order either way.
      const next = [...list, { input, verdict, redemption: null }];
      setCoupons(next);
      attemptKey.current = null;
      setCheck(refusal && hasGoods(draft) ? { kind: 'refused', refusal } : { kind: 'idle' });
      // Another coupon changes what is left for the others (and their steps).
      if (next.length > 1) void reprice(next, draft);
      const name = verdict.template?.name ?? '';
      return verdict.valid
        ? { ok: true, added: true, message: t('redemption.scanValid', { name }) }
        : { ok: false, added: true, message: t('redemption.scanNeedsOrder', { name }) };
    };

    // The answer to the last code is no answer to this one. A local verify answers within a
    // frame or two: "checking" is shown only when it takes longer, not drawn and undrawn.
    setCheck((current) => (current.kind === 'idle' ? current : { kind: 'idle' }));
    const checking = window.setTimeout(
      () => setCheck({ kind: 'checking' }),
      CHECKING_SHOWN_AFTER_MS,
    );
    let verdict: Verdict;
    try {
      verdict = await verify(
        input,
        orderInput,
        list.map((coupon) => coupon.input),
      );
    } catch (error) {
      return say(errorText(error));
    } finally {
      window.clearTimeout(checking);
    }
    // The verdict is what the cashier waits for: drawn now, before anything else is done.
    return flushSync(() => settle(verdict));
  }

  /**
   * Puts exactly these codes (a best combination) on the order, each priced with the others;
   * the customer's other codes are kept aside, held.
   */
  async function applyCombination(inputs: string[]) {
    const draft = orderNow.current;
    const input = toOrderInput(draft);
    if (isOrderProblem(input) || inputs.length === 0) return;
    const everything = [...couponsNow.current.map((coupon) => coupon.input), ...heldNow.current];
    const run = ++repriceRun.current;
    setRepricing(true);
    try {
      const verdicts = await Promise.all(
        inputs.map((code) =>
          verify(
            code,
            input,
            inputs.filter((other) => other !== code),
          ),
        ),
      );
      if (run !== repriceRun.current) return;
      setCoupons(
        inputs.map((code, i) => ({ input: code, verdict: verdicts[i]!, redemption: null })),
      );
      setHeld(everything.filter((code) => !inputs.includes(code)));
      attemptKey.current = null;
      setCheck({ kind: 'idle' });
    } catch (error) {
      if (run === repriceRun.current) setCheck({ kind: 'message', text: errorText(error) });
    } finally {
      if (run === repriceRun.current) setRepricing(false);
    }
  }

  function removeCoupon(index: number) {
    const next = couponsNow.current.filter((_, i) => i !== index);
    setCoupons(next);
    setCheck({ kind: 'idle' });
    attemptKey.current = null;
    void reprice(next, orderNow.current);
  }

  /** Redeems every coupon on the order, in order; those already redeemed are skipped. */
  async function confirm() {
    const orderInput = toOrderInput(orderNow.current);
    if (isOrderProblem(orderInput))
      return setCheck({
        kind: 'message',
        text: t(`redemption.orderProblems.${orderInput.problem}`),
      });
    if (couponsNow.current.length === 0) return;
    attemptKey.current ??= newAttemptKey();
    const key = attemptKey.current;
    setRedeeming(true);
    setCheck({ kind: 'idle' });
    let list = couponsNow.current;
    try {
      for (const [i, coupon] of list.entries()) {
        if (coupon.redemption) continue;
        const answer = await api.call('redemption.redeem', {
          code: coupon.input,
          order: orderInput,
          withCodes: list.filter((_, j) => j !== i).map((other) => other.input),
          idempotencyKey: `${key}:${i}`,
          storeId,
        });
        list = list.map((other, j) =>
          j === i ? { ...other, redemption: answer.redemption } : other,
        );
        setCoupons(list);
      }
      const redemptions = list.map((coupon) => coupon.redemption!);
      setResult({ redemptions, ...orderTotals(redemptions[0]!.subtotalFen, redemptions) });
      attemptKey.current = null;
    } catch (error) {
      // The key is kept: confirming again replays what went through instead of redeeming twice.
      const refusal = refusalOfError(error);
      if (refusal) setCheck({ kind: 'refused', refusal });
      else if (isApiError(error) && error.code === 'NETWORK')
        setCheck({ kind: 'message', text: t('redemption.networkRetry') });
      else setCheck({ kind: 'message', text: errorText(error) });
    } finally {
      setRedeeming(false);
    }
  }

  /**
   * A manager voided one of the redemptions just made: its card, the coupon on the order and
   * the payable say so at once (the customer pays without that discount again).
   */
  function markVoided(voided: Redemption) {
    setResult((current) => {
      if (!current) return current;
      const redemptions = current.redemptions.map((redemption) =>
        redemption.id === voided.id ? voided : redemption,
      );
      const standing = redemptions.filter((redemption) => redemption.status === 'completed');
      return { redemptions, ...orderTotals(current.subtotalFen, standing) };
    });
    setCoupons(
      couponsNow.current.map((coupon) =>
        coupon.redemption?.id === voided.id ? { ...coupon, redemption: voided } : coupon,
      ),
    );
  }

  const addLine = (line: Omit<OrderLine, 'key'>) =>
    changeOrder({ mode: 'full', lines: addToLines(order.lines, line, newAttemptKey) });

  const updateLine = (key: string, patch: Partial<OrderLine>) =>
    changeOrder({
      lines: order.lines.map((line) => (line.key === key ? { ...line, ...patch } : line)),
    });
  const removeLine = (key: string) =>
    changeOrder({ lines: order.lines.filter((line) => line.key !== key) });

  const redeemedSome = coupons.some((coupon) => coupon.redemption);
  const allValid = coupons.length > 0 && coupons.every((coupon) => coupon.verdict.valid);
  return {
    order,
    orderGeneration,
    coupons,
    held,
    check,
    result,
    busy: check.kind === 'checking',
    repricing,
    redeeming,
    /** The goods cannot change once part of the order is redeemed. */
    orderLocked: redeemedSome,
    mayConfirm: allValid && hasGoods(order) && !repricing && !redeeming && !result,
    changeOrder,
    addLine,
    updateLine,
    removeLine,
    checkCode,
    removeCoupon,
    applyCombination,
    confirm,
    newOrder,
    clearCheck: () => setCheck({ kind: 'idle' }),
    markVoided,
  };
}

export type RedemptionDesk = ReturnType<typeof useRedemptionDesk>;
