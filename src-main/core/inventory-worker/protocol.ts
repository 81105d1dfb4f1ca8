// What the main thread and the inventory worker tell each other (beside what every worker job is
// given: see platform/worker-job.ts).
import type { EventName, OutputOf, ParsedInputOf, PayloadOf } from '../../../src-shared/contract';
import type { HandlerContext } from '../platform/context';

interface TaskBase {
  /** The worker's clock stands at the moment the job was started on the main thread. */
  now: number;
  ctx: HandlerContext;
}

export type InventoryTask = TaskBase &
  (
    | { kind: 'products.importPreview'; input: ParsedInputOf<'products.importPreview'> }
    | { kind: 'products.import'; input: ParsedInputOf<'products.import'> }
    | { kind: 'sales.importPreview'; input: ParsedInputOf<'sales.importPreview'> }
    | { kind: 'sales.import'; input: ParsedInputOf<'sales.import'> }
    | { kind: 'members.importPreview'; input: ParsedInputOf<'members.importPreview'> }
    | { kind: 'members.import'; input: ParsedInputOf<'members.import'> }
    | { kind: 'alerts.evaluate'; input: ParsedInputOf<'alerts.evaluate'> }
  );
export type InventoryTaskKind = InventoryTask['kind'];

export type InventoryWorkerMessage =
  | { type: 'progress'; phase: 'checking' | 'writing'; done: number; total: number }
  /** The events the work raised, forwarded once it committed. */
  | { type: 'finished'; result: OutputOf<InventoryTaskKind>; events: ForwardedEvent[] }
  | { type: 'failed'; code: string; details: Record<string, unknown>; message: string };

export interface ForwardedEvent {
  name: EventName;
  payload: PayloadOf<EventName>;
}
