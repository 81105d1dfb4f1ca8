import { asStaff, type HandlerMap } from '../platform/context';
import type { PrintingService } from '../printing/service';
import type { BatchesService } from './batches';
import type { CouponsService } from './service';
import type { TemplatesService } from './templates';

export const couponsHandlers = (
  templates: TemplatesService,
  coupons: CouponsService,
  batches: BatchesService,
  printing: PrintingService,
): Pick<
  HandlerMap,
  | 'coupons.listTemplates'
  | 'coupons.createTemplate'
  | 'coupons.updateTemplate'
  | 'coupons.setTemplateStatus'
  | 'coupons.issue'
  | 'coupons.cancel'
  | 'coupons.issueForSale'
  | 'coupons.startBatch'
  | 'coupons.cancelBatch'
  | 'coupons.listBatches'
  | 'coupons.exportBatch'
> => ({
  'coupons.listTemplates': (input) => templates.list(input),
  'coupons.createTemplate': (input, ctx) => templates.create(asStaff(ctx), input),
  'coupons.updateTemplate': (input, ctx) => templates.update(ctx, input),
  'coupons.setTemplateStatus': (input, ctx) => templates.setStatus(ctx, input.id, input.status),
  'coupons.issue': (input, ctx) =>
    printing.withPrint(
      ctx,
      input.print,
      'coupons',
      () => coupons.issue(ctx, input),
      (issued) => ({ codes: issued.codes.map((c) => c.code) }),
    ),
  'coupons.cancel': (input, ctx) => coupons.cancel(ctx, input),
  'coupons.issueForSale': (input, ctx) => coupons.issueForSale(ctx, input),
  'coupons.startBatch': (input, ctx) => batches.start(ctx, input),
  'coupons.cancelBatch': (input, ctx) => batches.cancel(ctx, input.batchId),
  'coupons.listBatches': (input) => batches.list(input.templateId),
  'coupons.exportBatch': (input, ctx) => batches.export(ctx, input),
});
