import type { BestCombination } from '../../../src-shared/contract/redemption';
import { displayCode } from '../../../src-shared/coupons/codes';
import {
  priceOrder,
  type PricedCoupon,
  type PricingLine,
  type PricingResult,
} from '../../../src-shared/coupons/pricing';
import type { HandlerContext } from '../platform/context';
import type { ProductsService } from '../products/service';
import type { CouponRow } from '../events/catalogue';
import { Refusal, type Admitted, type RedemptionRules, type ResolvedOrder, type Till } from './evaluation';

/** Up to this many usable codes every subset is weighed; above it, a bounded search. */
export const EXHAUSTIVE_UP_TO = 10;

/** One code the customer holds, as the search weighs it. */
export interface CombinationCandidate {
  coupon: PricedCoupon;
  /** Codes of one template share its per-customer limit and budget. */
  templateId: string;
  /** How many codes of this template one order may use; null: no limit. */
  usesLeft: number | null;
  /** Whether this coupon may take this much off (its campaign's budget); true when omitted. */
  allows?: (discountFen: number) => boolean;
}

export interface CombinationFound {
  /** Indexes into the candidates, in the order they apply. */
  chosen: number[];
  priced: PricingResult;
  exhaustive: boolean;
}

/** Smaller is better: least to pay, then most gifts, then fewest codes used up. */
type Score = [payableFen: number, gifts: number, used: number];
const better = (a: Score, b: Score) =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] < b[2];

/**
 * The legal subset of the candidates with the lowest payable: at most one non-stackable, no
 * more codes of a template than its limits leave, every coupon's threshold met and its budget
 * kept. Pure, so the property tests and the bench drive it directly.
 *
 * A coupon refused on its own is refused in every set (what is left only shrinks), so only
 * coupons that fit alone are weighed. Up to EXHAUSTIVE_UP_TO of them, every subset is priced;
 * beyond, the EXHAUSTIVE_UP_TO worth most alone are weighed exhaustively and each other one is
 * then added if it lowers the payable (bounded: 2^10 + n pricings).
 */
export function searchBestCombination(
  lines: PricingLine[],
  candidates: CombinationCandidate[],
): CombinationFound {
  const alone = candidates.map((candidate) => priceOrder(lines, [candidate.coupon]));
  const fits = candidates
    .map((_, i) => i)
    .filter((i) => {
      const outcome = alone[i]!.coupons[0]!;
      return outcome.ok && (candidates[i]!.allows?.(outcome.discountFen) ?? true);
    })
    // Most valuable alone first: the bounded search keeps these.
    .sort((a, b) => alone[a]!.payableFen - alone[b]!.payableFen || a - b);
  const pool = fits.slice(0, EXHAUSTIVE_UP_TO);
  const rest = fits.slice(EXHAUSTIVE_UP_TO);

  const empty = priceOrder(lines, []);
  let best: { set: number[]; priced: PricingResult; score: Score } = {
    set: [],
    priced: empty,
    score: [empty.payableFen, 0, 0],
  };
  const consider = (set: number[]) => {
    const priced = legalPricing(lines, candidates, set);
    if (!priced) return;
    const gifts = priced.coupons.filter((c) => c.ok && c.gift).length;
    const score: Score = [priced.payableFen, gifts, set.length];
    if (better(score, best.score)) best = { set, priced, score };
  };
  for (let mask = 1; mask < 1 << pool.length; mask++)
    consider(pool.filter((_, bit) => mask & (1 << bit)));
  for (const extra of rest) consider([...best.set, extra]);

  // In the order they apply, as the till lists them.
  const step = new Map(
    best.priced.coupons.map((outcome) => [outcome.key, outcome.step] as const),
  );
  const chosen = [...best.set].sort(
    (a, b) => step.get(candidates[a]!.coupon.key)! - step.get(candidates[b]!.coupon.key)!,
  );
  return { chosen, priced: best.priced, exhaustive: rest.length === 0 };
}

/** The pricing of a set when every coupon in it may be used together, else null. */
function legalPricing(
  lines: PricingLine[],
  candidates: CombinationCandidate[],
  set: number[],
): PricingResult | null {
  if (set.filter((i) => !candidates[i]!.coupon.stackable).length > 1) return null;
  const perTemplate = new Map<string, number>();
  for (const i of set) {
    const { templateId, usesLeft } = candidates[i]!;
    const used = (perTemplate.get(templateId) ?? 0) + 1;
    if (usesLeft !== null && used > usesLeft) return null;
    perTemplate.set(templateId, used);
  }
  const priced = priceOrder(
    lines,
    set.map((i) => candidates[i]!.coupon),
  );
  // Outcomes come in the order of application; keys are codes, unique in a set.
  const byKey = new Map(set.map((i) => [candidates[i]!.coupon.key, candidates[i]!] as const));
  for (const outcome of priced.coupons) {
    if (!outcome.ok) return null;
    const allows = byKey.get(outcome.key)!.allows;
    if (allows && !allows(outcome.discountFen)) return null;
  }
  return priced;
}

/**
 * redemption.bestCombination over the app's data: each code is looked up the way verify looks
 * it up (so bad codes count against the same guess guard), checked on its own (status, dates,
 * store, per-customer limit, budget), and the usable ones are searched together.
 */
export function findBestCombination(
  ctx: HandlerContext,
  rules: RedemptionRules,
  products: ProductsService,
  till: Till,
  codes: string[],
  order: ResolvedOrder,
): BestCombination {
  const left: BestCombination['left'] = [];
  const usable: { input: string; coupon: CouponRow; admitted: Admitted }[] = [];
  const refuse = (input: string, refusal: Refusal) =>
    left.push({
      input,
      display: refusal.coupon ? displayCode(refusal.coupon.code) : null,
      reason: refusal.reason,
      details: refusal.details,
    });
  for (const input of codes) {
    const found = rules.lookUp(ctx, till, input);
    if (found instanceof Refusal) {
      refuse(input, found);
      continue;
    }
    // The same code given twice (typed once, scanned once) is one coupon.
    if (usable.some((known) => known.coupon.code === found.code)) continue;
    const admitted = rules.admit(found, till, order);
    if (admitted instanceof Refusal) refuse(input, admitted);
    else usable.push({ input, coupon: found, admitted });
  }

  const candidates: CombinationCandidate[] = usable.map(({ coupon, admitted }) => ({
    coupon: {
      key: coupon.code,
      rule: admitted.version.rule,
      scope: admitted.version.scope,
      stackable: admitted.version.stackable,
    },
    templateId: admitted.template.id,
    usesLeft: admitted.usesLeft,
    allows: (discountFen) =>
      rules.overBudget(coupon, admitted.template, discountFen, till) === null,
  }));
  const found = searchBestCombination(order.lines, candidates);
  const outcomes = new Map(found.priced.coupons.map((outcome) => [outcome.key, outcome]));

  const coupons: BestCombination['coupons'] = found.chosen.map((i) => {
    const { input, coupon, admitted } = usable[i]!;
    const outcome = outcomes.get(coupon.code)!;
    if (!outcome.ok) throw new Error('a chosen coupon must fit');
    return {
      input,
      code: coupon.code,
      display: displayCode(coupon.code),
      templateName: admitted.template.name,
      type: admitted.template.type,
      stackable: admitted.version.stackable,
      discountFen: outcome.discountFen,
      step: outcome.step,
      gift: outcome.gift
        ? {
            productId: outcome.gift.productId,
            name: products.get(outcome.gift.productId).name,
            qty: outcome.gift.qty,
          }
        : null,
    };
  });
  // Usable codes left out say why: what they meet alongside the chosen ones, or nothing when
  // the chosen set simply takes more off.
  usable.forEach(({ input, coupon }, i) => {
    if (found.chosen.includes(i)) return;
    const withChosen = priceOrder(order.lines, [
      ...found.chosen.map((j) => candidates[j]!.coupon),
      candidates[i]!.coupon,
    ]).coupons.find((outcome) => outcome.key === coupon.code)!;
    left.push({
      input,
      display: displayCode(coupon.code),
      reason: withChosen.ok ? null : withChosen.reason,
      details: withChosen.ok ? {} : withChosen.details,
    });
  });
  return {
    codes: coupons.map((coupon) => coupon.input),
    coupons,
    left,
    subtotalFen: found.priced.subtotalFen,
    discountFen: found.priced.discountFen,
    payableFen: found.priced.payableFen,
    exhaustive: found.exhaustive,
  };
}
