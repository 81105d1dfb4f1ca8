import type { HandlerMap } from '../platform/context';
import type { AuditService } from './service';

export const auditHandlers = (audit: AuditService): Pick<HandlerMap, 'audit.list'> => ({
  'audit.list': (input) => audit.list(input),
});
