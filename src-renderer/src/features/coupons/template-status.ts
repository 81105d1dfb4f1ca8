import type { CouponTemplate } from '../../../../src-shared/contract/coupons';

export type TemplateStatus = CouponTemplate['status'];

/**
 * Where a template may go from each status: draft → active ⇄ paused → ended. The app refuses
 * anything else (INVALID_STATUS_CHANGE); the table offers only these.
 */
export const NEXT_STATUSES: Record<TemplateStatus, TemplateStatus[]> = {
  draft: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

export const STATUS_COLORS: Record<TemplateStatus, string> = {
  draft: 'default',
  active: 'green',
  paused: 'orange',
  ended: 'red',
};

/** Codes can be issued while a template runs; cashback codes come from the till, not here. */
export const mayIssue = (template: CouponTemplate) =>
  template.status === 'active' && template.type !== 'cashback';
