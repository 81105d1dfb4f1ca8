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
import {
  Refusal,
  type Admitted,
  type RedemptionRules,
  type ResolvedOrder,
  type Till,
} from './evaluation';

/** Up to this many codes to choose among, every subset is weighed; above it, a bounded search. */
export const EXHAUSTIVE_UP_TO = 10;

/** One code the customer holds, as the search weighs it. */
export interface CombinationCandidate {
  coupon: PricedCoupon;
  /** Codes of one template share its per-customer limit and budget. */
  templateId: string;
  /** How many codes of this template one order may use; null: no limit. */
  usesLeft: number | null;
  /** Whether this coupon may take this much off (a campaign budget); omitted when always. */
  allows?: (discountFen: number) => boolean;
}

export interface CombinationFound {
  /** Indexes into the candidates, in the order they apply. */
  chosen: number[];
  priced: PricingResult;
  exhaustive: boolean;
}

/**
 * The legal subset of the candidates with the lowest payable (no code used up for nothing,
 * gifts wherever they fit): at most one non-stackable, no more codes of a template than its limits
 * leave, every coupon's threshold met and its budget kept. Pure: the tests and the bench drive it.
 *
 * Why it need not price every subset:
 * - a coupon refused on its own is refused in every set (what is left only shrinks);
 * - 满减 and 抵扣 are the last stage that moves money, their thresholds are checked when the
 *   stage begins and the stage places the most its lines allow: adding one never raises the
 *   payable. So every such coupon free of a constraint (non-stackable, a template limit, a
 *   budget) is simply taken, and only the others (item, 折扣, constrained ones) are enumerated;
 * - a set whose pricing refuses some of its coupons costs what the rest cost, so it stands for
 *   that smaller set;
 * - gifts move no money: they are added at the end wherever they fit.
 * Up to EXHAUSTIVE_UP_TO coupons to enumerate, every subset of them is priced (2^10 at most);
 * beyond, the EXHAUSTIVE_UP_TO worth most alone are, and each other one is then added if it
 * lowers the payable.
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
    // Most valuable alone first: a bounded search keeps these.
    .sort((a, b) => alone[a]!.payableFen - alone[b]!.payableFen || a - b);
  const type = (i: number) => candidates[i]!.coupon.rule.type;
  const heldOfTemplate = (i: number) =>
    fits.filter((j) => candidates[j]!.templateId === candidates[i]!.templateId).length;
  const constrained = (i: number) => {
    const { coupon, usesLeft, allows } = candidates[i]!;
    return (
      !coupon.stackable ||
      allows !== undefined ||
      (usesLeft !== null && heldOfTemplate(i) > usesLeft)
    );
  };
  const fixed = (i: number) => type(i) === 'threshold' || type(i) === 'voucher';
  const gifts = fits.filter((i) => type(i) === 'gift');
  const alwaysTaken = fits.filter((i) => fixed(i) && !constrained(i));
  const toWeigh = fits.filter((i) => type(i) !== 'gift' && !alwaysTaken.includes(i));
  const pool = toWeigh.slice(0, EXHAUSTIVE_UP_TO);
  const rest = toWeigh.slice(EXHAUSTIVE_UP_TO);

  const empty = priceOrder(lines, []);
  let best: { set: number[]; payableFen: number } = { set: [], payableFen: empty.payableFen };
  const consider = (picked: number[]) => {
    const found = legalPart(lines, candidates, [...picked, ...alwaysTaken]);
    if (!found) return;
    const { set, priced } = found;
    if (
      priced.payableFen < best.payableFen ||
      (priced.payableFen === best.payableFen && set.length < best.set.length)
    )
      best = { set, payableFen: priced.payableFen };
  };
  for (let mask = 0; mask < 1 << pool.length; mask++)
    consider(pool.filter((_, bit) => mask & (1 << bit)));
  for (const extra of rest) consider([...best.set.filter((i) => !alwaysTaken.includes(i)), extra]);

  // A code that takes nothing more off is not used up for nothing.
  let set = best.set;
  for (const i of [...set].reverse()) {
    const without = set.filter((j) => j !== i);
    const priced = legalPricing(lines, candidates, without);
    if (priced && priced.payableFen === best.payableFen) set = without;
  }
  // Gifts where they fit: they take no money off, so the payable stays the lowest.
  for (const gift of gifts)
    if (legalPricing(lines, candidates, [...set, gift])) set = [...set, gift];

  const priced = legalPricing(lines, candidates, set)!;
  const step = new Map(priced.coupons.map((outcome) => [outcome.key, outcome.step] as const));
  const chosen = [...set].sort(
    (a, b) => step.get(candidates[a]!.coupon.key)! - step.get(candidates[b]!.coupon.key)!,
  );
  return { chosen, priced, exhaustive: rest.length === 0 };
}

/**
 * The coupons of a set that its pricing accepts, when together they are legal. A refused coupon
 * changes nothing for the others, so the set costs what its accepted part costs.
 */
function legalPart(
  lines: PricingLine[],
  candidates: CombinationCandidate[],
  set: number[],
): { set: number[]; priced: PricingResult } | null {
  if (set.filter((i) => !candidates[i]!.coupon.stackable).length > 1) return null;
  const priced = priceOrder(
    lines,
    set.map((i) => candidates[i]!.coupon),
  );
  const accepted = new Set(priced.coupons.flatMap((outcome) => (outcome.ok ? [outcome.key] : [])));
  const part = set.filter((i) => accepted.has(candidates[i]!.coupon.key));
  return withinLimits(candidates, part) && withinBudgets(candidates, part, priced)
    ? { set: part, priced }
    : null;
}

function withinLimits(candidates: CombinationCandidate[], set: number[]): boolean {
  const perTemplate = new Map<string, number>();
  for (const i of set) {
    const { templateId, usesLeft } = candidates[i]!;
    const used = (perTemplate.get(templateId) ?? 0) + 1;
    if (usesLeft !== null && used > usesLeft) return false;
    perTemplate.set(templateId, used);
  }
  return true;
}

function withinBudgets(
  candidates: CombinationCandidate[],
  set: number[],
  priced: PricingResult,
): boolean {
  const byKey = new Map(set.map((i) => [candidates[i]!.coupon.key, candidates[i]!] as const));
  return priced.coupons.every((outcome) => {
    const allows = outcome.ok ? byKey.get(outcome.key)?.allows : undefined;
    return !outcome.ok || !allows || allows(outcome.discountFen);
  });
}

/** The pricing of a set when every coupon in it may be used together, else null. */
function legalPricing(
  lines: PricingLine[],
  candidates: CombinationCandidate[],
  set: number[],
): PricingResult | null {
  if (set.filter((i) => !candidates[i]!.coupon.stackable).length > 1) return null;
  if (!withinLimits(candidates, set)) return null;
  const priced = priceOrder(
    lines,
    set.map((i) => candidates[i]!.coupon),
  );
  if (!priced.coupons.every((outcome) => outcome.ok)) return null;
  return withinBudgets(candidates, set, priced) ? priced : null;
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
    // Only a budget or the offline limits can refuse an amount; without them none is checked.
    ...(admitted.template.budgetFen !== null || rules.isUnseen(coupon)
      ? {
          allows: (discountFen: number) =>
            rules.overBudget(coupon, admitted.template, discountFen, till) === null,
        }
      : {}),
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
