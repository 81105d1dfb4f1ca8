// The inventory worker: large product, sales and member imports (preview and commit) and the full alert
// pass, off the main thread, on its own SQLite connection with the main thread's services. The
// events the work raises are collected and forwarded (once each) when it is done.
import type { EventName, PayloadOf } from '../../../src-shared/contract';
import { defaultCoreConfig } from '../config';
import { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import { EventBus } from '../platform/event-bus';
import { startWorkerJob } from '../platform/worker-job';
import { MemberImportService } from '../members/import';
import { ProductImportService } from '../products/import';
import { SalesImportService } from '../sales/import';
import { HeldOutbox, SalesImportRuns } from '../sales/import-runs';
import { buildSharedServices } from '../shared-services';
import type { ForwardedEvent, InventoryTask, InventoryWorkerMessage } from './protocol';

const { task, sqlite, db, mainWrites, post } = await startWorkerJob<
  InventoryTask,
  InventoryWorkerMessage
>();
// A chunk ends every ~12 ms: the UI hears of it a few times a second, and of the last one.
let lastWriting = -Infinity;
const progress = (phase: 'checking' | 'writing', done: number, total: number) => {
  if (phase === 'writing') {
    const now = performance.now();
    if (done < total && now - lastWriting < 200) return;
    lastWriting = now;
  }
  post({ type: 'progress', phase, done, total });
};

const bus = new EventBus();
const raised = new Map<EventName, ForwardedEvent>();
bus.subscribe((name, payload) => {
  const earlier = raised.get(name)?.payload as PayloadOf<'alerts.changed'> | undefined;
  if (name === 'alerts.changed' && earlier) {
    // Many sales may each raise alerts: one event naming the first of them, and every count.
    const more = payload as PayloadOf<'alerts.changed'>;
    earlier.raised = [...earlier.raised, ...more.raised].slice(0, 20);
    earlier.resolved += more.resolved;
  } else raised.set(name, { name, payload });
});

const adb = new AppDatabase(sqlite, db, bus);
const clock = { now: () => task.now };
// A large import's sales reach the outbox only with its last chunk (see HeldOutbox).
const heldOutbox = new HeldOutbox(adb, clock);
const { audit, alerts, sales, ledgers, levels, settings, stores } = buildSharedServices(
  adb,
  clock,
  defaultCoreConfig,
  { outbox: heldOutbox },
);
const memberImport = () =>
  new MemberImportService({
    adb,
    clock,
    audit,
    members: ledgers.members,
    points: ledgers.points,
    levels,
    settings,
    stores,
  });
const chunked = {
  runs: new SalesImportRuns(adb, clock, ledgers.sales, heldOutbox),
  outbox: heldOutbox,
  mainWrites,
};

async function run(job: InventoryTask) {
  switch (job.kind) {
    case 'products.importPreview':
      return new ProductImportService(adb, clock, audit).preview(job.ctx, job.input);
    case 'products.import':
      return new ProductImportService(adb, clock, audit).commit(job.ctx, job.input, progress);
    case 'sales.importPreview':
      return new SalesImportService(adb, audit, sales, chunked).preview(job.ctx, job.input);
    case 'sales.import':
      return new SalesImportService(adb, audit, sales, chunked).commit(
        job.ctx,
        job.input,
        progress,
      );
    case 'members.importPreview':
      return memberImport().preview(job.ctx, job.input);
    case 'members.import':
      return memberImport().commit(job.ctx, job.input, progress);
    case 'alerts.evaluate':
      return alerts.evaluate(job.input);
  }
}

try {
  progress('checking', 0, 1);
  const result = await run(task);
  post({ type: 'finished', result: result!, events: [...raised.values()] });
} catch (error) {
  post(
    error instanceof AppError
      ? { type: 'failed', code: error.code, details: error.details, message: error.message }
      : {
          type: 'failed',
          code: 'INTERNAL',
          details: {},
          message: error instanceof Error ? error.message : String(error),
        },
  );
} finally {
  sqlite.close();
}
