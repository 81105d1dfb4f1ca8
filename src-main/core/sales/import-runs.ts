import { eq } from 'drizzle-orm';
import type { AlertsService } from '../alerts/service';
import type { AppDatabase } from '../db/database';
import { OutboxService } from '../outbox/service';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { salesImportOutbox, salesImportRunSales, salesImportRuns } from './schema';

/**
 * The outbox of a sales import written in chunks: the cloud must not learn of sales the import
 * may still undo, so their rows are staged with the run (`salesImportOutbox`) and moved to the
 * outbox by the run's last transaction.
 */
export class HeldOutbox extends OutboxService {
  private runId: string | null = null;

  constructor(
    private readonly adb: AppDatabase,
    private readonly heldClock: Clock,
  ) {
    super(adb, heldClock);
  }

  /** From now on, rows are staged for this run (null: written to the outbox as usual). */
  holdFor(runId: string | null): void {
    this.runId = runId;
  }

  override add(topic: string, entityId: string, payload: Record<string, unknown>): void {
    if (this.runId === null) return super.add(topic, entityId, payload);
    this.adb.db
      .insert(salesImportOutbox)
      .values({
        id: newId(),
        runId: this.runId,
        topic,
        entityId,
        payload,
        createdAt: this.heldClock.now(),
      })
      .run();
  }
}

/**
 * The runs of large sales imports (see `salesImportRuns`): started, the sales of each chunk
 * noted, finished; or undone whole when one fails or the app stopped half-way. Undoing puts the
 * stock back, removes the run's sales and movements, checks the alerts of what it touched, and
 * leaves the analytics rollups to be rebuilt from the sales that remain.
 */
export class SalesImportRuns {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly alerts: AlertsService,
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
    this.adb.sqlite
      .prepare(
        `INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at)
         SELECT id, topic, entity_id, payload, created_at, NULL FROM sales_import_outbox
         WHERE run_id = ? ORDER BY id`,
      )
      .run(runId);
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
    const { sqlite } = this.adb;
    return this.adb.write(() => {
      const run = this.adb.db
        .select()
        .from(salesImportRuns)
        .where(eq(salesImportRuns.id, runId))
        .get();
      if (!run || run.status !== 'running') return { sales: 0 };
      sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_sales (id TEXT PRIMARY KEY) WITHOUT ROWID;
        DELETE FROM temp.undo_sales;`);
      const sales = sqlite
        .prepare(
          'INSERT INTO temp.undo_sales SELECT sale_id FROM sales_import_run_sales WHERE run_id = ?',
        )
        .run(runId).changes;
      const taken = sqlite
        .prepare(
          `SELECT s.store_id AS storeId, l.product_id AS productId, sum(l.qty) AS qty
           FROM temp.undo_sales u JOIN sales s ON s.id = u.id JOIN sale_lines l ON l.sale_id = u.id
           GROUP BY s.store_id, l.product_id`,
        )
        .all() as { storeId: string; productId: string; qty: number }[];
      const putBack = sqlite.prepare(
        'UPDATE stock_levels SET qty = qty + ?, updated_at = ? WHERE store_id = ? AND product_id = ?',
      );
      // Every movement of the run carries the run's time: found through the level's index.
      const dropMovements = sqlite.prepare(
        `DELETE FROM stock_movements WHERE product_id = ? AND store_id = ? AND created_at = ?
           AND ref_type = 'sale' AND ref_id IN (SELECT id FROM temp.undo_sales)`,
      );
      const now = this.clock.now();
      for (const pair of taken) {
        putBack.run(pair.qty, now, pair.storeId, pair.productId);
        dropMovements.run(pair.productId, pair.storeId, run.startedAt);
      }
      sqlite.exec(`
        DELETE FROM sale_lines WHERE sale_id IN (SELECT id FROM temp.undo_sales);
        DELETE FROM sale_coupons WHERE sale_id IN (SELECT id FROM temp.undo_sales);
        DELETE FROM sales WHERE id IN (SELECT id FROM temp.undo_sales);
        UPDATE analytics_state SET rebuilt_at = NULL WHERE id = 1;
        DELETE FROM temp.undo_sales;`);
      this.adb.db.delete(salesImportOutbox).where(eq(salesImportOutbox.runId, runId)).run();
      this.adb.db.delete(salesImportRunSales).where(eq(salesImportRunSales.runId, runId)).run();
      this.adb.db
        .update(salesImportRuns)
        .set({ status: 'undone', finishedAt: now })
        .where(eq(salesImportRuns.id, runId))
        .run();
      if (taken.length)
        this.alerts.evaluateWithin({
          pairs: taken.map(({ storeId, productId }) => ({ storeId, productId })),
        });
      return { sales };
    });
  }
}
