import { eq, sql } from 'drizzle-orm';
import type { MovementKind, StockSettings } from '../../../src-shared/contract/stock';
import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type { MovementRow, StockDocumentFacts } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { stockDocuments, stockLevels, stockMovements, stockSettings } from './schema';

export type { MovementRow } from '../events/catalogue';

/** A new stock document: a receipt, a stocktake, a transfer or goods back from a sale. */
export type DocumentDraft = Pick<
  typeof stockDocuments.$inferInsert,
  'kind' | 'storeId' | 'toStoreId' | 'supplier' | 'note'
>;

/** One change of stock to write: `qty` signed (+ in, − out). */
export interface MovementDraft {
  storeId: string;
  productId: string;
  kind: MovementKind;
  qty: number;
  refType: MovementRow['refType'];
  refId: string;
  /** The sale line moved (a sale's and a return's movements). */
  saleLineId?: string | null;
  unitCostFen?: number | null;
  note?: string;
  /** The input line (1-based), to name it in a refusal. */
  line?: number;
  /** For the refusal's text. */
  productName?: string;
}

export const DEFAULT_STOCK_SETTINGS: Omit<StockSettings, 'storeId'> = {
  allowNegative: false,
  leadTimeDays: 3,
  coverDays: 7,
  salesWindowDays: 14,
};

/** A store and product whose level changed (the alert pass checks exactly these). */
export interface StockPair {
  storeId: string;
  productId: string;
}

/**
 * The only writer of stock: each movement is recorded and added to its level in the caller's
 * transaction, so the levels always equal the sum of the movements, and `stock.moved` is
 * recorded for what follows (alerts, outbox, audit, the UI). A level may go below zero only in
 * a store that allows it.
 */
export class StockLedger {
  private readonly statements;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {
    const { db } = adb;
    this.statements = {
      insertMovement: db.insert(stockMovements).values(placeholdersFor(stockMovements)).prepare(),
      addToLevel: db
        .insert(stockLevels)
        .values({
          storeId: sql.placeholder('storeId'),
          productId: sql.placeholder('productId'),
          qty: sql.placeholder('qty'),
          aboveHighSince: null,
          updatedAt: sql.placeholder('now'),
        })
        .onConflictDoUpdate({
          target: [stockLevels.storeId, stockLevels.productId],
          set: {
            qty: sql`${stockLevels.qty} + excluded.qty`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .returning({ qty: stockLevels.qty })
        .prepare(),
      level: db
        .select({ qty: stockLevels.qty })
        .from(stockLevels)
        .where(
          sql`${stockLevels.storeId} = ${sql.placeholder('storeId')} and ${stockLevels.productId} = ${sql.placeholder('productId')}`,
        )
        .prepare(),
      settings: db
        .select()
        .from(stockSettings)
        .where(eq(stockSettings.storeId, sql.placeholder('storeId')))
        .prepare(),
    };
  }

  settings(storeId: string): StockSettings {
    const row = this.statements.settings.get({ storeId });
    return row
      ? {
          storeId,
          allowNegative: row.allowNegative,
          leadTimeDays: row.leadTimeDays,
          coverDays: row.coverDays,
          salesWindowDays: row.salesWindowDays,
        }
      : { storeId, ...DEFAULT_STOCK_SETTINGS };
  }

  /** The level of a product in a store (0 when it never moved there). */
  level(storeId: string, productId: string): number {
    return this.statements.level.get({ storeId, productId })?.qty ?? 0;
  }

  /** A receipt, stocktake, transfer or return; inside a write. Its id. */
  openDocument(ctx: EventContext, doc: DocumentDraft): string {
    const id = newId();
    this.adb.db
      .insert(stockDocuments)
      .values({ id, ...doc, staffId: staffIdOf(ctx), createdAt: this.clock.now() })
      .run();
    return id;
  }

  /**
   * Records the movements in order and moves the levels. Call inside `adb.write()`: a refusal
   * (INSUFFICIENT_STOCK) throws and the whole transaction, movements before it included, rolls back.
   */
  move(
    ctx: EventContext,
    drafts: MovementDraft[],
    document: StockDocumentFacts,
    storeNames: (id: string) => string,
  ): MovementRow[] {
    const staffId = staffIdOf(ctx);
    const now = this.clock.now();
    const movements: MovementRow[] = [];
    const allowNegative = new Map<string, boolean>();
    for (const draft of drafts) {
      const level = this.statements.addToLevel.get({
        storeId: draft.storeId,
        productId: draft.productId,
        qty: draft.qty,
        now,
      })!.qty;
      if (draft.qty < 0 && level < 0) {
        let allowed = allowNegative.get(draft.storeId);
        if (allowed === undefined) {
          allowed = this.settings(draft.storeId).allowNegative;
          allowNegative.set(draft.storeId, allowed);
        }
        if (!allowed)
          throw new AppError('INSUFFICIENT_STOCK', {
            line: draft.line ?? 1,
            productId: draft.productId,
            productName: draft.productName ?? '',
            storeName: storeNames(draft.storeId),
            available: level - draft.qty,
            qty: -draft.qty,
          });
      }
      const row: MovementRow = {
        id: newId(now),
        storeId: draft.storeId,
        productId: draft.productId,
        kind: draft.kind,
        qty: draft.qty,
        levelAfter: level,
        refType: draft.refType,
        refId: draft.refId,
        saleLineId: draft.saleLineId ?? null,
        unitCostFen: draft.unitCostFen ?? null,
        note: draft.note ?? '',
        staffId,
        createdAt: now,
      };
      this.statements.insertMovement.run(row);
      movements.push(row);
    }
    this.events.record(ctx, 'stock.moved', { movements, document });
    return movements;
  }

  /**
   * Undoes the sale movements of sales that are being removed (an import run taken back): the
   * units go back to the levels and the movements are deleted, as if never made. `saleIds`
   * names a table of the sales' ids; the run's movements all carry its time (`movedAt`), so
   * they are found through the level's index.
   */
  takeBackSales(taken: TakenStock[], saleIds: string, movedAt: number): void {
    const { sqlite } = this.adb;
    const putBack = sqlite.prepare(
      'UPDATE stock_levels SET qty = qty + ?, updated_at = ? WHERE store_id = ? AND product_id = ?',
    );
    const dropMovements = sqlite.prepare(
      `DELETE FROM stock_movements WHERE product_id = ? AND store_id = ? AND created_at = ?
         AND ref_type = 'sale' AND ref_id IN (SELECT id FROM ${saleIds})`,
    );
    const now = this.clock.now();
    for (const pair of taken) {
      putBack.run(pair.qty, now, pair.storeId, pair.productId);
      dropMovements.run(pair.productId, pair.storeId, movedAt);
    }
  }
}

/** The units a set of sales took, per store and product. */
export interface TakenStock {
  storeId: string;
  productId: string;
  qty: number;
}

/** The distinct store/product pairs of some movements. */
export function pairsOf(movements: { storeId: string; productId: string }[]): StockPair[] {
  const seen = new Map<string, StockPair>();
  for (const m of movements)
    seen.set(`${m.storeId}|${m.productId}`, { storeId: m.storeId, productId: m.productId });
  return [...seen.values()];
}

/** The staff member a change is attributed to (none for a terminal or the system). */
export const staffIdOf = (ctx: EventContext) =>
  ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
