import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type {
  CouponRuleInput,
  TemplateFields,
  TemplateType,
  templateFieldsSchema,
} from '../../../../src-shared/contract/coupons';
import {
  fenToYuanText,
  optionalYuanToFen,
  permilleToZheText,
  yuanToFen,
  zheToPermille,
} from '../../forms/money';

type FieldPath = (string | number)[];

/**
 * A template as the form holds it: amounts as typed yuan, 折 as typed ("8.5"), dates as dayjs.
 * The rule's fields are grouped under `rule`; only those of the chosen type are read on save.
 */
export interface TemplateFormValues {
  name: string;
  description?: string;
  type: TemplateType;
  rule: {
    threshold?: string;
    amount?: string;
    repeat?: boolean;
    cap?: string;
    zhe?: string;
    maxDiscount?: string;
    minSpend?: string;
    productId?: string;
    maxUnits?: number;
    mode?: 'free' | 'price' | 'percent';
    price?: string;
    giftProductId?: string;
    giftQty?: number;
    reward?: string;
  };
  scope: { productIds: string[]; categories: string[] };
  validity: { kind: 'fixed' | 'relative'; range?: [Dayjs, Dayjs]; days?: number };
  storeIds: string[];
  perCustomerLimit?: number | null;
  totalIssueLimit?: number | null;
  budgetCount?: number | null;
  budget?: string;
  stackable: boolean;
  share: { mode: 'none' | 'transfer' | 'copy'; maxShares?: number | null; maxHops?: number };
  issueOnSpend?: string;
  codeFormat: 'numeric' | 'base32';
}

const DATE = 'YYYY-MM-DD';

export const emptyTemplateForm: TemplateFormValues = {
  name: '',
  type: 'threshold',
  rule: { repeat: false, maxUnits: 1, mode: 'free', giftQty: 1 },
  scope: { productIds: [], categories: [] },
  validity: { kind: 'relative', days: 30 },
  storeIds: [],
  stackable: false,
  share: { mode: 'none', maxShares: null, maxHops: 2 },
  codeFormat: 'numeric',
};

function toRule(type: TemplateType, rule: TemplateFormValues['rule']): CouponRuleInput {
  const fen = (text?: string) => yuanToFen(text ?? '');
  switch (type) {
    case 'threshold':
      return {
        type,
        thresholdFen: fen(rule.threshold),
        amountFen: fen(rule.amount),
        repeat: rule.repeat ?? false,
        // A cap only means something when the discount repeats.
        capFen: rule.repeat ? optionalYuanToFen(rule.cap) : null,
      };
    case 'percent':
      return {
        type,
        payPermille: zheToPermille(rule.zhe ?? ''),
        maxDiscountFen: optionalYuanToFen(rule.maxDiscount),
        minSpendFen: optionalYuanToFen(rule.minSpend),
      };
    case 'voucher':
      return { type, amountFen: fen(rule.amount), minSpendFen: optionalYuanToFen(rule.minSpend) };
    case 'item':
      return {
        type,
        productId: rule.productId ?? '',
        maxUnits: rule.maxUnits ?? 1,
        mode: rule.mode ?? 'free',
        priceFen: rule.mode === 'price' ? fen(rule.price) : null,
        payPermille: rule.mode === 'percent' ? zheToPermille(rule.zhe ?? '') : null,
      };
    case 'gift':
      return {
        type,
        thresholdFen: fen(rule.threshold),
        giftProductId: rule.giftProductId ?? '',
        giftQty: rule.giftQty ?? 1,
      };
    case 'cashback':
      return { type, rewardFen: fen(rule.reward) };
  }
}

/** Form values → the contract's template fields (fen, per mille, local dates). */
export function toTemplateFields(values: TemplateFormValues): TemplateFields {
  const { validity, share } = values;
  return {
    name: values.name,
    description: values.description ?? '',
    rule: toRule(values.type, values.rule),
    scope: { productIds: values.scope.productIds, categories: values.scope.categories },
    validity:
      validity.kind === 'fixed'
        ? {
            kind: 'fixed',
            startDate: validity.range![0].format(DATE),
            endDate: validity.range![1].format(DATE),
          }
        : { kind: 'relative', days: validity.days ?? 1 },
    storeIds: values.storeIds,
    perCustomerLimit: values.perCustomerLimit ?? null,
    totalIssueLimit: values.totalIssueLimit ?? null,
    budgetCount: values.budgetCount ?? null,
    budgetFen: optionalYuanToFen(values.budget),
    stackable: values.stackable,
    share: {
      mode: share.mode,
      maxShares: share.mode === 'none' ? null : (share.maxShares ?? null),
      maxHops: share.maxHops ?? 2,
    },
    issueOnSpendFen: optionalYuanToFen(values.issueOnSpend),
    codeFormat: values.codeFormat,
  };
}

/** A template's fields as the app answers them: a saved template, or one it suggests. */
export type TemplateValues = z.output<typeof templateFieldsSchema>;

/** A saved (or suggested) template → the form's values. */
export function toTemplateForm(template: TemplateValues): TemplateFormValues {
  const rule: TemplateFormValues['rule'] = { ...emptyTemplateForm.rule };
  const r = template.rule;
  switch (r.type) {
    case 'threshold':
      Object.assign(rule, {
        threshold: fenToYuanText(r.thresholdFen),
        amount: fenToYuanText(r.amountFen),
        repeat: r.repeat,
        cap: fenToYuanText(r.capFen),
      });
      break;
    case 'percent':
      Object.assign(rule, {
        zhe: permilleToZheText(r.payPermille),
        maxDiscount: fenToYuanText(r.maxDiscountFen),
        minSpend: fenToYuanText(r.minSpendFen),
      });
      break;
    case 'voucher':
      Object.assign(rule, {
        amount: fenToYuanText(r.amountFen),
        minSpend: fenToYuanText(r.minSpendFen),
      });
      break;
    case 'item':
      Object.assign(rule, {
        productId: r.productId,
        maxUnits: r.maxUnits,
        mode: r.mode,
        price: fenToYuanText(r.priceFen),
        zhe: permilleToZheText(r.payPermille),
      });
      break;
    case 'gift':
      Object.assign(rule, {
        threshold: fenToYuanText(r.thresholdFen),
        giftProductId: r.giftProductId,
        giftQty: r.giftQty,
      });
      break;
    case 'cashback':
      rule.reward = fenToYuanText(r.rewardFen);
      break;
  }
  const v = template.validity;
  return {
    name: template.name,
    description: template.description,
    type: r.type,
    rule,
    scope: template.scope,
    validity:
      v.kind === 'fixed'
        ? { kind: 'fixed', range: [dayjs(v.startDate, DATE), dayjs(v.endDate, DATE)] }
        : { kind: 'relative', days: v.days },
    storeIds: template.storeIds,
    perCustomerLimit: template.perCustomerLimit,
    totalIssueLimit: template.totalIssueLimit,
    budgetCount: template.budgetCount,
    budget: fenToYuanText(template.budgetFen),
    stackable: template.stackable,
    share: template.share,
    issueOnSpend: fenToYuanText(template.issueOnSpendFen),
    codeFormat: template.codeFormat,
  };
}

/** Where the app's field paths (rule.thresholdFen, budgetFen…) are in this form. */
const FORM_FIELDS: Record<string, FieldPath> = {
  'rule.thresholdFen': ['rule', 'threshold'],
  'rule.amountFen': ['rule', 'amount'],
  'rule.capFen': ['rule', 'cap'],
  'rule.payPermille': ['rule', 'zhe'],
  'rule.maxDiscountFen': ['rule', 'maxDiscount'],
  'rule.minSpendFen': ['rule', 'minSpend'],
  'rule.productId': ['rule', 'productId'],
  'rule.maxUnits': ['rule', 'maxUnits'],
  'rule.priceFen': ['rule', 'price'],
  'rule.giftProductId': ['rule', 'giftProductId'],
  'rule.giftQty': ['rule', 'giftQty'],
  'rule.rewardFen': ['rule', 'reward'],
  'validity.startDate': ['validity', 'range'],
  'validity.endDate': ['validity', 'range'],
  'validity.days': ['validity', 'days'],
  budgetFen: ['budget'],
  issueOnSpendFen: ['issueOnSpend'],
  'share.maxShares': ['share', 'maxShares'],
  'share.maxHops': ['share', 'maxHops'],
  name: ['name'],
  description: ['description'],
  perCustomerLimit: ['perCustomerLimit'],
  totalIssueLimit: ['totalIssueLimit'],
  budgetCount: ['budgetCount'],
};

export function templateFormField(path: FieldPath): FieldPath | null {
  if (path[0] === 'scope') return path.slice(0, 2);
  if (path[0] === 'storeIds') return ['storeIds'];
  return FORM_FIELDS[path.join('.')] ?? null;
}
