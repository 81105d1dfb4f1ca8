import type { RfmSegment } from '../../../../src-shared/members/rfm';
import type { AudienceRules, PurchaseRule } from '../../../../src-shared/outreach/audience';
import { regionTree, type RegionOption } from '../../../../src-shared/regions';

// The audience form's values as a manager edits them (a purchase rule as three fields, regions
// as cascader paths) and the contract's AudienceRules they become. A rule left empty is no rule.

export interface PurchaseFields {
  productIds: string[];
  categories: string[];
  days: number | null;
}

export interface AudienceFormValues {
  segments: RfmSegment[];
  lapsedDays: number | null;
  bought: PurchaseFields;
  notBought: PurchaseFields;
  /** Cascader paths: [province] or [province, city]. */
  regions: string[][];
  levelIds: string[];
  birthdayMonth: number | null;
  unusedCoupon: boolean;
}

/** Purchases are looked at over the last 90 days unless the manager says otherwise. */
export const DEFAULT_PURCHASE_DAYS = 90;

export const EMPTY_RULES: AudienceRules = {
  segments: [],
  lapsedDays: null,
  bought: null,
  notBought: null,
  regions: [],
  levelIds: [],
  birthdayMonth: null,
  unusedCoupon: false,
};

const emptyPurchase = (): PurchaseFields => ({
  productIds: [],
  categories: [],
  days: DEFAULT_PURCHASE_DAYS,
});

const purchaseRule = (fields: PurchaseFields | undefined): PurchaseRule | null =>
  fields && (fields.productIds.length > 0 || fields.categories.length > 0)
    ? {
        productIds: fields.productIds,
        categories: fields.categories,
        days: fields.days ?? DEFAULT_PURCHASE_DAYS,
      }
    : null;

const purchaseFields = (rule: PurchaseRule | null): PurchaseFields =>
  rule
    ? { productIds: rule.productIds, categories: rule.categories, days: rule.days }
    : emptyPurchase();

/** The form's values → the rules the API counts. */
export function toRules(values: Partial<AudienceFormValues>): AudienceRules {
  return {
    segments: values.segments ?? [],
    lapsedDays: values.lapsedDays ?? null,
    bought: purchaseRule(values.bought),
    notBought: purchaseRule(values.notBought),
    // A province path is its province's code; a city path, the city's.
    regions: (values.regions ?? []).map((path) => path.at(-1)!).filter(Boolean),
    levelIds: values.levelIds ?? [],
    birthdayMonth: values.birthdayMonth ?? null,
    unusedCoupon: values.unusedCoupon ?? false,
  };
}

/** Saved rules → the form. */
export function toFormValues(rules: AudienceRules): AudienceFormValues {
  return {
    segments: rules.segments,
    lapsedDays: rules.lapsedDays,
    bought: purchaseFields(rules.bought),
    notBought: purchaseFields(rules.notBought),
    regions: rules.regions.map(regionPath),
    levelIds: rules.levelIds,
    birthdayMonth: rules.birthdayMonth,
    unusedCoupon: rules.unusedCoupon,
  };
}

/** 320100 → [320000, 320100]; 320000 → [320000]. */
export function regionPath(code: string): string[] {
  const province = `${code.slice(0, 2)}0000`;
  return code === province ? [province] : [province, `${code.slice(0, 4)}00`];
}

/** Provinces and their cities: an audience's region is one or the other, never a district. */
export const provinceCityTree: RegionOption[] = regionTree.map((province) => ({
  value: province.value,
  label: province.label,
  ...(province.children?.length
    ? {
        children: province.children.map((city) => ({ value: city.value, label: city.label })),
      }
    : {}),
}));
