import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { OutboxService } from '../outbox/service';
import type { DesktopEventKind, EventPayloadInput } from '../../../src-shared/sync/events';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { SalesLedger } from './ledger';
import { salesImportOutbox, salesImportRunSales, salesImportRuns } from './schema';

/**
 * The outbox of a sales import written in chunks: the cloud must not learn of sales the import
 * may still undo, so their rows are staged with the run (`salesImportOutbox`) and moved to the
 * outbox by the run's last transaction.
 */
export class HeldOutbox extends OutboxService {
  private runId: string | null = null;

  constructor(
    adb: AppDatabase,
    private readonly heldClock: Clock,
  ) {
    super(adb, heldClock);
  }

  /** From now on, rows are staged for this run (null: written to the outbox as usual). */
  holdFor(runId: string | null): void {
    this.runId = runId;
  }

  override add<K extends DesktopEventKind>(
    topic: K,
    entityId: string,
    payload: EventPayloadInput<K>,
  ): void {
    if (this.runId === null) return super.add(topic, entityId, payload);
    this.adb.db
      .insert(salesImportOutbox)
      .values({
        id: newId(),
        runId: this.runId,
        ...OutboxService.kind(topic),
        entityId,
        payload,
        createdAt: this.heldClock.now(),
      })
      .run();
  }
}

/**
 * The runs of large sales imports (see `salesImportRuns`): started, the sales of each chunk
 * noted, finished; or undone whole when one fails or the app stopped half-way, through the sales
 * ledger (the stock back, the alerts checked again, the rollups left to a rebuild).
 */
export class SalesImportRuns {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: SalesLedger,
    private readonly outbox: OutboxService,
  ) {}

  start(fileName: string): string {
    const id = newId();
    this.adb.write(() =>
      this.adb.db
        .insert(salesImportRuns)
        .values({ id, fileName, status: 'running', startedAt: this.clock.now(), finishedAt: null })
        .run(),
    );
    return id;
  }

  /** Inside the chunk's write. */
  noteSales(runId: string, saleIds: string[]): void {
    for (const saleId of saleIds)
      this.adb.db.insert(salesImportRunSales).values({ runId, saleId }).run();
  }

  /** Inside the last write: the run stands, its outbox rows go out, its list is not needed. */
  finish(runId: string): void {
    this.outbox.addStaged(runId);
    this.adb.db.delete(salesImportOutbox).where(eq(salesImportOutbox.runId, runId)).run();
    this.adb.db.delete(salesImportRunSales).where(eq(salesImportRunSales.runId, runId)).run();
    this.adb.db
      .update(salesImportRuns)
      .set({ status: 'done', finishedAt: this.clock.now() })
      .where(eq(salesImportRuns.id, runId))
      .run();
  }

  /** A run left running by a crash or a power cut is undone at start-up; returns how many. */
  recoverInterrupted(): number {
    const running = this.adb.db
      .select({ id: salesImportRuns.id })
      .from(salesImportRuns)
      .where(eq(salesImportRuns.status, 'running'))
      .all();
    for (const run of running) this.undo(run.id);
    return running.length;
  }

  /** Removes every sale the run recorded, as if the import had never started. */
  undo(runId: string): { sales: number } {
    return this.adb.write(() => {
      const run = this.adb.db
        .select()
        .from(salesImportRuns)
        .where(eq(salesImportRuns.id, runId))
        .get();
      if (!run || run.status !== 'running') return { sales: 0 };
      const sales = this.ledger.undoImportRun(SYSTEM_CONTEXT, runId, run.startedAt);
      this.adb.db.delete(salesImportOutbox).where(eq(salesImportOutbox.runId, runId)).run();
      this.adb.db.delete(salesImportRunSales).where(eq(salesImportRunSales.runId, runId)).run();
      this.adb.db
        .update(salesImportRuns)
        .set({ status: 'undone', finishedAt: this.clock.now() })
        .where(eq(salesImportRuns.id, runId))
        .run();
      return { sales };
    });
  }
}
