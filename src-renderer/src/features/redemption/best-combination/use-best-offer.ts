import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../../src-shared/contract';
import type { BestCombination } from '../../../../../src-shared/contract/redemption';
import { useApi } from '../../../api/api-context';
import { hasGoods, isOrderProblem, orderTotals, toOrderInput } from '../order';
import type { RedemptionDesk } from '../use-redemption-desk';

/**
 * The best combination of the codes the customer has shown (on the order and held aside),
 * when it beats what is on the order now: less to pay, or the same without a refused coupon.
 * Null otherwise, and while the order or its coupons are being worked out.
 */
export function useBestOffer(
  desk: RedemptionDesk,
  storeId: string | undefined,
): BestCombination | null {
  const api = useApi();
  const codes = [...desk.coupons.map((coupon) => coupon.input), ...desk.held];
  const order = toOrderInput(desk.order);
  const ready =
    codes.length >= 2 &&
    !isOrderProblem(order) &&
    hasGoods(desk.order) &&
    !desk.result &&
    !desk.redeeming;
  // One request per distinct question: the codes, the order, the store.
  const question = ready ? JSON.stringify({ codes, order, storeId }) : null;
  const [answer, setAnswer] = useState<{ question: string; best: BestCombination } | null>(null);

  useEffect(() => {
    if (!question) return;
    let current = true;
    const input = JSON.parse(question) as InputOf<'redemption.bestCombination'>;
    api.call('redemption.bestCombination', input).then(
      (best) => {
        if (current) setAnswer({ question, best });
      },
      // The offer is a help, not a step: without it the till works as before.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, question]);

  if (!answer || answer.question !== question || desk.repricing) return null;
  const { best } = answer;
  if (best.codes.length === 0) return null;
  const onOrder = desk.coupons.map((coupon) => coupon.input);
  const same = best.codes.length === onOrder.length && best.codes.every((c) => onOrder.includes(c));
  if (same) return null;
  const valid = desk.coupons.filter((coupon) => coupon.verdict.valid);
  const now = orderTotals(
    best.subtotalFen,
    valid.map((coupon) => coupon.verdict),
  );
  const allValid = valid.length === desk.coupons.length;
  return best.payableFen < now.payableFen || (!allValid && best.payableFen <= now.payableFen)
    ? best
    : null;
}
