import { z } from 'zod';
import { MANAGERS, event, method } from './define';
import { epochMsSchema, idSchema } from '../validation';
import { instantSchema } from '../bounds';

/** How the action reached the app. */
export const auditSourceSchema = z.enum(['app', 'http', 'terminal', 'system']);

export const auditEntrySchema = z.object({
  id: idSchema,
  at: epochMsSchema,
  action: z.string(),
  staffId: idSchema.nullable(),
  staffName: z.string().nullable(),
  terminalId: idSchema.nullable(),
  terminalCode: z.string().nullable(),
  storeId: idSchema.nullable(),
  source: auditSourceSchema,
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditMethods = {
  'audit.list': method({
    summary: 'Who did what, when and from which terminal; newest first, filterable',
    input: z.object({
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      staffId: idSchema.optional(),
      terminalId: idSchema.optional(),
      storeId: idSchema.optional(),
      action: z.string().max(64).optional(),
      /** Id of the last entry of the previous page. */
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ items: z.array(auditEntrySchema), nextBefore: idSchema.nullable() }),
    access: MANAGERS,
  }),
} as const;

export const auditEvents = {
  'audit.appended': event({ payload: auditEntrySchema, access: MANAGERS }),
} as const;
