import { asStaff, type HandlerMap } from '../platform/context';
import type { CouponsService } from './service';
import type { TemplatesService } from './templates';

export const couponsHandlers = (
  templates: TemplatesService,
  coupons: CouponsService,
): Pick<
  HandlerMap,
  | 'coupons.listTemplates'
  | 'coupons.createTemplate'
  | 'coupons.updateTemplate'
  | 'coupons.setTemplateStatus'
  | 'coupons.issue'
  | 'coupons.cancel'
> => ({
  'coupons.listTemplates': (input) => templates.list(input),
  'coupons.createTemplate': (input, ctx) => templates.create(asStaff(ctx), input),
  'coupons.updateTemplate': (input, ctx) => templates.update(ctx, input),
  'coupons.setTemplateStatus': (input, ctx) => templates.setStatus(ctx, input.id, input.status),
  'coupons.issue': (input, ctx) => coupons.issue(ctx, input),
  'coupons.cancel': (input, ctx) => coupons.cancel(ctx, input),
});
