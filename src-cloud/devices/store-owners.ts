import { and, eq, sql } from 'drizzle-orm';
import type { CloudTx } from '../db/open';
import type { EventScope, Outcome } from '../sync/outcome';
import { devices, storeOwners } from './schema';

interface Owner {
  deviceId: string;
  revoked: boolean;
}

/**
 * The stores each device of a merchant speaks for, over one push (see `storeOwners`). Loaded
 * in one query for the stores the batch names and decided in memory: the push holds the
 * merchant's lock, so nobody else decides meanwhile.
 */
export class StoreOwnerBook {
  private readonly taken = new Map<string, { deviceId: string; since: number }>();

  private constructor(
    private readonly tx: CloudTx,
    private readonly merchantId: string,
    private readonly owners: Map<string, Owner>,
  ) {}

  static async open(tx: CloudTx, merchantId: string, storeIds: string[]) {
    const owners = new Map<string, Owner>();
    if (storeIds.length) {
      const rows = await tx
        .select({
          storeId: storeOwners.storeId,
          deviceId: storeOwners.deviceId,
          revokedAt: devices.revokedAt,
        })
        .from(storeOwners)
        .innerJoin(devices, eq(devices.id, storeOwners.deviceId))
        .where(
          and(
            eq(storeOwners.merchantId, merchantId),
            // One JSON parameter rather than a thousand.
            sql`${storeOwners.storeId} in (select jsonb_array_elements_text(${JSON.stringify([...new Set(storeIds)])}::jsonb))`,
          ),
        );
      for (const row of rows)
        owners.set(row.storeId, { deviceId: row.deviceId, revoked: row.revokedAt !== null });
    }
    return new StoreOwnerBook(tx, merchantId, owners);
  }

  /**
   * Null when the pushing device may act for the store (taking it when no live device holds
   * it); otherwise the refusal, naming the store.
   */
  speakFor(scope: EventScope, storeId: string): Outcome | null {
    const owner = this.owners.get(storeId);
    if (owner && !owner.revoked)
      return owner.deviceId === scope.deviceId
        ? null
        : { status: 'rejected', code: 'DEVICE_STORE_FORBIDDEN', details: { storeId } };
    this.owners.set(storeId, { deviceId: scope.deviceId, revoked: false });
    this.taken.set(storeId, { deviceId: scope.deviceId, since: scope.receivedAt });
    return null;
  }

  /** Writes the stores taken in this push. */
  async flush(): Promise<void> {
    for (const [storeId, { deviceId, since }] of this.taken)
      await this.tx
        .insert(storeOwners)
        .values({ merchantId: this.merchantId, storeId, deviceId, since })
        .onConflictDoUpdate({
          target: [storeOwners.merchantId, storeOwners.storeId],
          set: { deviceId, since },
        });
  }
}
