import { eq } from 'drizzle-orm';
import type { MerchantKey } from '../../../src-shared/sync/pairing';
import type { AppDatabase } from '../db/database';
import { merchantKeys, syncLink } from './schema';

export type LinkRow = typeof syncLink.$inferSelect;
const LINK_ID = 1;

/**
 * The stored pairing (one row) and the merchant's signing keys. Every change is written at once:
 * a token the cloud handed out is on disk before it is ever sent.
 */
export class SyncLink {
  /** kid → secrets, rebuilt when the cloud sends keys. */
  private keyCache: Map<string, Buffer[]> | null = null;

  constructor(private readonly adb: AppDatabase) {}

  get(): LinkRow | null {
    return this.adb.db.select().from(syncLink).where(eq(syncLink.id, LINK_ID)).get() ?? null;
  }

  create(row: Omit<LinkRow, 'id'>, keys: MerchantKey[]): void {
    this.adb.write(() => {
      this.adb.db.delete(syncLink).run();
      this.adb.db
        .insert(syncLink)
        .values({ ...row, id: LINK_ID })
        .run();
      this.replaceKeys(keys);
    });
  }

  update(changes: Partial<Omit<LinkRow, 'id'>>): void {
    this.adb.write(() =>
      this.adb.db.update(syncLink).set(changes).where(eq(syncLink.id, LINK_ID)).run(),
    );
  }

  /**
   * Forgets the pairing. The merchant's keys stay: codes already out there must keep verifying
   * (and a re-pair replaces them).
   */
  remove(): void {
    this.adb.write(() => this.adb.db.delete(syncLink).run());
  }

  replaceKeys(keys: MerchantKey[]): void {
    this.adb.write(() => {
      this.adb.db.delete(merchantKeys).run();
      for (const key of keys)
        this.adb.db
          .insert(merchantKeys)
          .values({
            kid: key.kid,
            secret: key.secret,
            active: key.active,
            createdAt: key.createdAt,
            retiredAt: key.retiredAt,
          })
          .run();
    });
    this.keyCache = null;
  }

  /** The merchant's secrets under a kid (several when two shops both started at `k1`). */
  secretsFor(kid: string): Buffer[] {
    if (!this.keyCache) {
      const cache = new Map<string, Buffer[]>();
      for (const row of this.adb.db.select().from(merchantKeys).all()) {
        const list = cache.get(row.kid) ?? [];
        list.push(Buffer.from(row.secret, 'base64'));
        cache.set(row.kid, list);
      }
      this.keyCache = cache;
    }
    return this.keyCache.get(kid) ?? [];
  }
}
