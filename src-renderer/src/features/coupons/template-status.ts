import {
  TEMPLATE_STATUS_TRANSITIONS,
  type CouponTemplate,
} from '../../../../src-shared/contract/coupons';

export type TemplateStatus = CouponTemplate['status'];

/** Where a template may go from each status (the app refuses anything else). */
export const NEXT_STATUSES = TEMPLATE_STATUS_TRANSITIONS;

export const STATUS_COLORS: Record<TemplateStatus, string> = {
  draft: 'default',
  active: 'green',
  paused: 'orange',
  ended: 'red',
};

/** Codes can be issued while a template runs; cashback codes come from the till, not here. */
export const mayIssue = (template: CouponTemplate) =>
  template.status === 'active' && template.type !== 'cashback';
