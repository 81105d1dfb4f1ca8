import type { InventoryJobs } from '../inventory-worker/jobs';
import type { HandlerMap } from '../platform/context';

/** The member list import: a large file is checked and written in the worker (InventoryJobs). */
export const memberImportHandlers = (
  imports: InventoryJobs,
): Pick<HandlerMap, 'members.importPreview' | 'members.import'> => ({
  'members.importPreview': (input, ctx) => imports.previewMembers(ctx, input),
  'members.import': (input, ctx) => imports.importMembers(ctx, input),
});
