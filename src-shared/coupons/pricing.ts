// What coupons take off an order, to the fen. Pure: the till's preview, the redemption
// transaction and the tests all use this one function.
//
// At most one non-stackable coupon per order; stackable ones combine freely with it and with
// each other. Coupons apply in stages (shown in the UI too): item coupons (单品), then percent
// (折扣), then threshold (满减) and voucher (抵扣) together, gifts (满赠) last. Each coupon's
// threshold or minimum spend is checked against what is left of its eligible goods when its
// stage begins; item and percent coupons take their share of what is left after those before
// them. Within a stage the order is fixed by the coupons themselves (never by the order they
// were scanned in), and a stage's fixed amounts are placed together so that the most comes off
// that the goods they reach allow. An order-level discount is spread over its lines by largest
// remainder, so line discounts add up exactly and no line goes below zero.
import { allocateLargestRemainder, roundHalfUpDiv } from '../money';

export interface CouponScope {
  /** Empty lists mean "every product". */
  productIds: string[];
  categories: string[];
}

export type CouponRule =
  | {
      type: 'threshold';
      thresholdFen: number;
      amountFen: number;
      repeat: boolean;
      capFen: number | null;
    }
  | {
      type: 'percent';
      payPermille: number;
      maxDiscountFen: number | null;
      minSpendFen: number | null;
    }
  | { type: 'voucher'; amountFen: number; minSpendFen: number | null }
  | {
      type: 'item';
      productId: string;
      maxUnits: number;
      mode: 'free' | 'price' | 'percent';
      priceFen: number | null;
      payPermille: number | null;
    }
  | { type: 'gift'; thresholdFen: number; giftProductId: string; giftQty: number };

export interface PricedCoupon {
  /** Whatever identifies the coupon to the caller (its code). */
  key: string;
  rule: CouponRule;
  scope: CouponScope;
  stackable: boolean;
}

export interface PricingLine {
  productId: string | null;
  category: string | null;
  qty: number;
  unitPriceFen: number;
}

export type PricingRefusal =
  | {
      reason: 'MIN_SPEND_NOT_MET';
      details: { requiredFen: number; eligibleFen: number; shortFen: number };
    }
  | { reason: 'ITEM_NOT_IN_ORDER'; details: { productId: string | null; needsLines?: boolean } }
  | { reason: 'NOT_STACKABLE'; details: { with: string[] } };

export type CouponOutcome =
  | {
      key: string;
      ok: true;
      discountFen: number;
      /** One entry per order line, adding up to discountFen. */
      lineDiscountsFen: number[];
      gift: { productId: string; qty: number } | null;
      /** The order in which this coupon was applied (0 first). */
      step: number;
    }
  | ({ key: string; ok: false; step: number } & PricingRefusal);

export interface PricingResult {
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
  coupons: CouponOutcome[];
  lineDiscountsFen: number[];
}

/**
 * The stage each type applies in. 满减 and 抵扣 share one: both take a fixed amount, so placing
 * them together is what lets the most come off (a 满减 spread first could leave a 抵扣 short).
 */
export const STAGE: Record<CouponRule['type'], number> = {
  item: 0,
  percent: 1,
  threshold: 2,
  voucher: 2,
  gift: 3,
};

export const lineTotal = (line: PricingLine) => line.qty * line.unitPriceFen;

/** A quick-mode order (subtotal only) is one line of no particular product. */
export const subtotalOnlyLines = (subtotalFen: number): PricingLine[] => [
  { productId: null, category: null, qty: 1, unitPriceFen: subtotalFen },
];

function inScope(line: PricingLine, scope: CouponScope): boolean {
  if (!scope.productIds.length && !scope.categories.length) return true;
  return (
    (line.productId !== null && scope.productIds.includes(line.productId)) ||
    (line.category !== null && scope.categories.includes(line.category))
  );
}

const isScoped = (scope: CouponScope) => scope.productIds.length > 0 || scope.categories.length > 0;

/** Within the 折扣 stage, a capped coupon goes after the uncapped ones: its cap then costs less. */
const rankInStage = (rule: CouponRule) =>
  rule.type === 'percent' && rule.maxDiscountFen !== null ? 1 : 0;

/**
 * Sorts coupons into the order they apply in: by stage, then by what they are (their key
 * last), never by the order they were given in, so the scan order cannot change a price.
 */
export function applicationOrder<T extends { key: string; rule: CouponRule }>(coupons: T[]): T[] {
  return coupons
    .map((coupon, i) => ({ coupon, i }))
    .sort(
      (a, b) =>
        STAGE[a.coupon.rule.type] - STAGE[b.coupon.rule.type] ||
        rankInStage(a.coupon.rule) - rankInStage(b.coupon.rule) ||
        (a.coupon.key < b.coupon.key ? -1 : a.coupon.key > b.coupon.key ? 1 : 0) ||
        a.i - b.i,
    )
    .map(({ coupon }) => coupon);
}

/** Units of one line that item coupons have treated alike: how many, and what is left of them. */
interface UnitChunk {
  line: number;
  units: number;
  leftFen: number;
}

/** A fixed amount (满减, 抵扣) waiting to be placed on the lines it reaches. */
interface FixedClaim {
  amountFen: number;
  reach: boolean[];
}

/**
 * Places a stage's fixed amounts on the lines. Each is first spread over the lines it reaches
 * in proportion to what is left, as one coupon alone would be. When that leaves one short
 * (its lines already taken by another that could have gone elsewhere), the amounts are placed
 * as a maximum flow instead: each goes first onto lines the others cannot reach, then paths are
 * re-routed until nothing more can come off. Either way the total is the most the lines allow.
 */
export function placeFixedAmounts(claims: FixedClaim[], remaining: number[]): number[][] {
  const left = [...remaining];
  const proportional = claims.map((claim) => {
    const weights = left.map((fen, i) => (claim.reach[i] ? fen : 0));
    const eligible = weights.reduce((a, b) => a + b, 0);
    const parts = allocateLargestRemainder(Math.min(claim.amountFen, eligible), weights);
    parts.forEach((fen, i) => (left[i]! -= fen));
    return parts;
  });
  const short = claims.some(
    (claim, c) => proportional[c]!.reduce((a, b) => a + b, 0) < claim.amountFen,
  );
  return short ? placeAsFlow(claims, remaining) : proportional;
}

function placeAsFlow(claims: FixedClaim[], remaining: number[]): number[][] {
  // Lines reached by the same coupons form one group: the flow runs over groups.
  const groups: { lines: number[]; reachedBy: number[]; capFen: number }[] = [];
  const bySignature = new Map<string, number>();
  remaining.forEach((fen, i) => {
    const reachedBy = claims.flatMap((claim, c) => (claim.reach[i] ? [c] : []));
    if (fen <= 0 || reachedBy.length === 0) return;
    const signature = reachedBy.join(',');
    let g = bySignature.get(signature);
    if (g === undefined) {
      g = groups.push({ lines: [], reachedBy, capFen: 0 }) - 1;
      bySignature.set(signature, g);
    }
    groups[g]!.lines.push(i);
    groups[g]!.capFen += fen;
  });
  const flow = claims.map(() => groups.map(() => 0));
  const want = claims.map((claim) => claim.amountFen);
  const room = groups.map((group) => group.capFen);
  const push = (c: number, g: number) => {
    const fen = Math.min(want[c]!, room[g]!);
    flow[c]![g]! += fen;
    want[c]! -= fen;
    room[g]! -= fen;
  };
  // Lines only this coupon reaches first, then the shared ones, least shared first.
  const reachable = claims.map((_, c) =>
    groups
      .map((group, g) => ({ g, shared: group.reachedBy.length }))
      .filter(({ g }) => groups[g]!.reachedBy.includes(c))
      .sort((a, b) => a.shared - b.shared || a.g - b.g)
      .map(({ g }) => g),
  );
  claims.forEach((_, c) => reachable[c]!.forEach((g) => push(c, g)));
  // Re-route: a coupon still short takes a group's room through a chain of coupons that can
  // move their share elsewhere (breadth-first, so the shortest chain; finite, Edmonds–Karp).
  for (;;) {
    const from = new Map<string, { via: string; c: number; g: number } | null>();
    const queue: string[] = [];
    want.forEach((fen, c) => {
      if (fen > 0) {
        from.set(`c${c}`, null);
        queue.push(`c${c}`);
      }
    });
    let end: number | null = null;
    while (queue.length && end === null) {
      const node = queue.shift()!;
      const index = Number(node.slice(1));
      if (node[0] === 'c') {
        for (const g of reachable[index]!) {
          if (from.has(`g${g}`)) continue;
          from.set(`g${g}`, { via: node, c: index, g });
          if (room[g]! > 0) {
            end = g;
            break;
          }
          queue.push(`g${g}`);
        }
      } else {
        for (const c of groups[index]!.reachedBy) {
          if (from.has(`c${c}`) || flow[c]![index]! <= 0) continue;
          from.set(`c${c}`, { via: node, c, g: index });
          queue.push(`c${c}`);
        }
      }
    }
    if (end === null) break;
    // Walk back: group ← coupon (forward edge) ← group (a coupon's share moved) ← … ← start.
    const path: { c: number; g: number; forward: boolean }[] = [];
    let node = `g${end}`;
    for (let step = from.get(node); step; step = from.get(node)) {
      path.push({ c: step.c, g: step.g, forward: node[0] === 'g' });
      node = step.via;
    }
    const start = Number(node.slice(1));
    const fen = Math.min(
      want[start]!,
      room[end]!,
      ...path.filter((edge) => !edge.forward).map((edge) => flow[edge.c]![edge.g]!),
    );
    for (const edge of path) flow[edge.c]![edge.g]! += edge.forward ? fen : -fen;
    want[start]! -= fen;
    room[end]! -= fen;
  }
  // Within a group, each coupon's part is spread over its lines by what is left of them.
  const left = [...remaining];
  const perLine = claims.map(() => remaining.map(() => 0));
  groups.forEach((group, g) =>
    claims.forEach((_, c) => {
      if (!flow[c]![g]) return;
      const parts = allocateLargestRemainder(
        flow[c]![g]!,
        group.lines.map((i) => left[i]!),
      );
      parts.forEach((fen, k) => {
        const i = group.lines[k]!;
        left[i]! -= fen;
        perLine[c]![i]! += fen;
      });
    }),
  );
  return perLine;
}

export function priceOrder(lines: PricingLine[], coupons: PricedCoupon[]): PricingResult {
  const remaining = lines.map(lineTotal);
  const subtotalFen = remaining.reduce((a, b) => a + b, 0);
  const quickMode = lines.length === 1 && lines[0]!.productId === null;
  const lineDiscountsFen = lines.map(() => 0);
  const ordered = applicationOrder(coupons);
  const outcomes: CouponOutcome[] = new Array<CouponOutcome>(ordered.length);
  const firstNonStackable = coupons.find((c) => !c.stackable)?.key;
  // Item coupons work on units: a second one on the same product takes the units with the
  // most left first, and its 折 or special price is taken from what is left of them.
  const chunks: UnitChunk[] = lines.map((line, i) => ({
    line: i,
    units: line.qty,
    leftFen: remaining[i]!,
  }));
  const apply = (step: number, key: string, perLine: number[], gift: CouponGift = null) => {
    perLine.forEach((d, i) => {
      remaining[i]! -= d;
      lineDiscountsFen[i]! += d;
    });
    const discountFen = perLine.reduce((a, b) => a + b, 0);
    outcomes[step] = { key, ok: true, step, discountFen, lineDiscountsFen: perLine, gift };
  };

  let step = 0;
  while (step < ordered.length) {
    const stage = STAGE[ordered[step]!.rule.type];
    // Thresholds are checked against what is left when the stage begins, so coupons of one
    // stage never take each other's threshold away.
    const atStart = [...remaining];
    const claims: (FixedClaim & { step: number; key: string })[] = [];
    for (; step < ordered.length && STAGE[ordered[step]!.rule.type] === stage; step++) {
      const coupon = ordered[step]!;
      const { key, rule, scope } = coupon;
      const refuse = (refusal: PricingRefusal) => {
        outcomes[step] = { key, ok: false, step, ...refusal };
      };
      // At most one non-stackable coupon per order: the first one given keeps its place.
      if (!coupon.stackable && firstNonStackable !== undefined && firstNonStackable !== key) {
        refuse({ reason: 'NOT_STACKABLE', details: { with: [firstNonStackable] } });
        continue;
      }
      if (quickMode && (rule.type === 'item' || isScoped(scope))) {
        const productId = rule.type === 'item' ? rule.productId : null;
        refuse({ reason: 'ITEM_NOT_IN_ORDER', details: { productId, needsLines: true } });
        continue;
      }
      const reach = lines.map((line) => inScope(line, scope));
      const eligibleFen = atStart.reduce((sum, fen, i) => sum + (reach[i] ? fen : 0), 0);
      const short = (requiredFen: number) =>
        refuse({
          reason: 'MIN_SPEND_NOT_MET',
          details: { requiredFen, eligibleFen, shortFen: requiredFen - eligibleFen },
        });

      switch (rule.type) {
        case 'item': {
          const perLine = itemDiscounts(rule, lines, chunks);
          if (!perLine) {
            refuse({ reason: 'ITEM_NOT_IN_ORDER', details: { productId: rule.productId } });
            continue;
          }
          apply(step, key, perLine);
          break;
        }
        case 'percent': {
          if (rule.minSpendFen !== null && eligibleFen < rule.minSpendFen) {
            short(rule.minSpendFen);
            continue;
          }
          // The 折 is of what is left now, after the 折 coupons before this one.
          const weights = remaining.map((fen, i) => (reach[i] ? fen : 0));
          const base = weights.reduce((a, b) => a + b, 0);
          let discount = roundHalfUpDiv(base * (1000 - rule.payPermille), 1000);
          if (rule.maxDiscountFen !== null) discount = Math.min(discount, rule.maxDiscountFen);
          apply(step, key, allocateLargestRemainder(discount, weights));
          break;
        }
        case 'threshold': {
          if (eligibleFen < rule.thresholdFen) {
            short(rule.thresholdFen);
            continue;
          }
          let amountFen = rule.repeat
            ? Math.floor(eligibleFen / rule.thresholdFen) * rule.amountFen
            : rule.amountFen;
          if (rule.capFen !== null) amountFen = Math.min(amountFen, rule.capFen);
          claims.push({ step, key, amountFen, reach });
          break;
        }
        case 'voucher': {
          if (rule.minSpendFen !== null && eligibleFen < rule.minSpendFen) {
            short(rule.minSpendFen);
            continue;
          }
          claims.push({ step, key, amountFen: rule.amountFen, reach });
          break;
        }
        case 'gift': {
          if (eligibleFen < rule.thresholdFen) {
            short(rule.thresholdFen);
            continue;
          }
          apply(
            step,
            key,
            lines.map(() => 0),
            { productId: rule.giftProductId, qty: rule.giftQty },
          );
          break;
        }
      }
    }
    if (claims.length) {
      const placed = placeFixedAmounts(claims, atStart);
      claims.forEach((claim, c) => apply(claim.step, claim.key, placed[c]!));
    }
  }

  const discountFen = lineDiscountsFen.reduce((a, b) => a + b, 0);
  return {
    subtotalFen,
    discountFen,
    payableFen: subtotalFen - discountFen,
    coupons: outcomes,
    lineDiscountsFen,
  };
}

type CouponGift = { productId: string; qty: number } | null;

/**
 * What an item coupon takes off each line, or null when its product is not on the order. It
 * takes up to maxUnits units, those with the most left first, and computes on what is left.
 */
function itemDiscounts(
  rule: Extract<CouponRule, { type: 'item' }>,
  lines: PricingLine[],
  chunks: UnitChunk[],
): number[] | null {
  const candidates = chunks
    .map((chunk, index) => ({ chunk, index }))
    .filter(({ chunk }) => lines[chunk.line]!.productId === rule.productId && chunk.units > 0)
    .sort(
      (a, b) =>
        b.chunk.leftFen * a.chunk.units - a.chunk.leftFen * b.chunk.units ||
        a.chunk.line - b.chunk.line ||
        a.index - b.index,
    )
    .map(({ chunk }) => chunk);
  if (!candidates.length) return null;
  const perLine = lines.map(() => 0);
  let unitsLeft = rule.maxUnits;
  for (const chunk of candidates) {
    if (unitsLeft <= 0) break;
    const units = Math.min(unitsLeft, chunk.units);
    unitsLeft -= units;
    // Units treated alike have equal shares of what is left (exact for untouched units).
    const takenFen = roundHalfUpDiv(chunk.leftFen * units, chunk.units);
    const discount =
      rule.mode === 'free'
        ? takenFen
        : rule.mode === 'price'
          ? Math.max(0, takenFen - units * (rule.priceFen ?? 0))
          : roundHalfUpDiv(takenFen * (1000 - (rule.payPermille ?? 1000)), 1000);
    perLine[chunk.line]! += discount;
    if (units === chunk.units) chunk.leftFen -= discount;
    else {
      chunk.units -= units;
      chunk.leftFen -= takenFen;
      chunks.push({ line: chunk.line, units, leftFen: takenFen - discount });
    }
  }
  return perLine;
}
