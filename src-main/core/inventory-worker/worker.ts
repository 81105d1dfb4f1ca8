// The inventory worker: large product, sales and member imports (preview and commit) and the full alert
// pass, off the main thread, on its own SQLite connection with the main thread's services. The
// events the work raises are collected and forwarded (once each) when it is done.
import type { EventName, PayloadOf } from '../../../src-shared/contract';
import { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import { EventBus } from '../platform/event-bus';
import { startWorkerJob } from '../platform/worker-job';
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

/**
 * The ledgers' services, wired as on the main thread, for the jobs that write sales, members and
 * alerts. Loaded only for those: a products import needs none of them, and loading them all
 * (every ledger and its effects) was about a third of a products job's start under tsx.
 */
async function sharedServices() {
  const [{ buildSharedServices }, { defaultCoreConfig }, { HeldOutbox, SalesImportRuns }] =
    await Promise.all([
      import('../shared-services'),
      import('../config'),
      import('../sales/import-runs'),
    ]);
  // A large import's sales reach the outbox only with its last chunk (see HeldOutbox).
  const heldOutbox = new HeldOutbox(adb, clock);
  const services = buildSharedServices(adb, clock, defaultCoreConfig, { outbox: heldOutbox });
  const chunked = {
    runs: new SalesImportRuns(adb, clock, services.ledgers.sales, heldOutbox),
    outbox: heldOutbox,
    mainWrites,
  };
  return { ...services, chunked };
}

/** The products import writes products, barcodes and its audit entry, nothing else. */
async function productImport() {
  const [{ ProductImportService }, { AuditService }] = await Promise.all([
    import('../products/import'),
    import('../audit/service'),
  ]);
  return new ProductImportService(adb, clock, new AuditService(adb, clock));
}

async function salesImport() {
  const [{ SalesImportService }, { audit, sales, chunked }] = await Promise.all([
    import('../sales/import'),
    sharedServices(),
  ]);
  return new SalesImportService(adb, audit, sales, chunked);
}

async function memberImport() {
  const [{ MemberImportService }, services] = await Promise.all([
    import('../members/import'),
    sharedServices(),
  ]);
  const { audit, ledgers, levels, settings, stores } = services;
  return new MemberImportService({
    adb,
    clock,
    audit,
    members: ledgers.members,
    points: ledgers.points,
    levels,
    settings,
    stores,
  });
}

async function run(job: InventoryTask) {
  switch (job.kind) {
    case 'products.importPreview':
      return (await productImport()).preview(job.ctx, job.input);
    case 'products.import':
      return (await productImport()).commit(job.ctx, job.input, progress);
    case 'sales.importPreview':
      return (await salesImport()).preview(job.ctx, job.input);
    case 'sales.import':
      return (await salesImport()).commit(job.ctx, job.input, progress);
    case 'members.importPreview':
      return (await memberImport()).preview(job.ctx, job.input);
    case 'members.import':
      return (await memberImport()).commit(job.ctx, job.input, progress);
    case 'alerts.evaluate':
      return (await sharedServices()).alerts.evaluate(job.input);
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
