import { asStaff, type HandlerMap } from '../platform/context';
import type { SyncService } from './service';

export const syncHandlers = (
  sync: SyncService,
): Pick<
  HandlerMap,
  | 'sync.pair'
  | 'sync.unpair'
  | 'sync.rotateToken'
  | 'sync.status'
  | 'sync.now'
  | 'sync.getSettings'
  | 'sync.setSettings'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.deadLetters'
  | 'sync.retryDeadLetter'
  | 'sync.discardDeadLetter'
> => ({
  'sync.pair': (input, ctx) => sync.pair(ctx, input),
  'sync.unpair': (_input, ctx) => sync.unpair(ctx),
  'sync.rotateToken': (_input, ctx) => sync.rotateToken(ctx),
  'sync.status': () => sync.status(),
  'sync.now': () => sync.syncNow(),
  'sync.getSettings': () => sync.getSettings(),
  'sync.setSettings': (input, ctx) => sync.setSettings(ctx, input),
  'sync.conflicts': (input) => sync.issues.conflicts(input.includeResolved),
  'sync.resolveConflict': (input, ctx) => sync.issues.resolveConflict(asStaff(ctx), input),
  'sync.deadLetters': () => sync.issues.deadLetters(),
  'sync.retryDeadLetter': (input, ctx) => sync.issues.retryDeadLetter(ctx, input.eventId),
  'sync.discardDeadLetter': (input, ctx) =>
    sync.issues.discardDeadLetter(asStaff(ctx), input.eventId),
});
