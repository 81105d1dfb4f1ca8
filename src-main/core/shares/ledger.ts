import type { AppDatabase } from '../db/database';
import { couponShares } from './schema';

export type ShareRow = typeof couponShares.$inferSelect;

/**
 * The only writer of the share history: rows come from the cloud (the wallet decides shares),
 * each once by its id. Nothing here follows from them but reading.
 */
export class SharesLedger {
  constructor(private readonly adb: AppDatabase) {}

  applyRemote(row: ShareRow): void {
    this.adb.db.insert(couponShares).values(row).onConflictDoNothing().run();
  }
}
