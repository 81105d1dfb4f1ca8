import { eq } from 'drizzle-orm';
import type { MerchantKey } from '../../../src-shared/sync/pairing';
import type { AppDatabase } from '../db/database';
import { merchantKeys, syncLink } from './schema';
import { isSealed, plainSealer, type SecretSealer } from '../platform/secret-sealer';

export type LinkRow = typeof syncLink.$inferSelect;
const LINK_ID = 1;

/**
 * The stored pairing (one row) and the merchant's signing keys. Every change is written at once:
 * a token the cloud handed out is on disk before it is ever sent. The device tokens and the keys
 * are sealed on the way in and opened on the way out (see platform/secret-sealer.ts).
 */
export class SyncLink {
  /** kid → secrets, rebuilt when the cloud sends keys. */
  private keyCache: Map<string, Buffer[]> | null = null;

  constructor(
    private readonly adb: AppDatabase,
    private readonly sealer: SecretSealer = plainSealer,
  ) {}

  get(): LinkRow | null {
    const row = this.adb.db.select().from(syncLink).where(eq(syncLink.id, LINK_ID)).get();
    if (!row) return null;
    return {
      ...row,
      token: this.sealer.open(row.token),
      nextToken: row.nextToken === null ? null : this.sealer.open(row.nextToken),
    };
  }

  private sealTokens<T extends Partial<Pick<LinkRow, 'token' | 'nextToken'>>>(changes: T): T {
    const sealed = { ...changes };
    if (typeof sealed.token === 'string') sealed.token = this.sealer.seal(sealed.token);
    if (typeof sealed.nextToken === 'string') sealed.nextToken = this.sealer.seal(sealed.nextToken);
    return sealed;
  }

  /** Seals what an older version (or browser mode) stored in plain text. */
  sealStored(): void {
    if (this.sealer.kind === 'plain') return;
    const link = this.adb.db.select().from(syncLink).where(eq(syncLink.id, LINK_ID)).get();
    this.adb.write(() => {
      if (link)
        this.update({
          token: this.sealer.open(link.token),
          nextToken: link.nextToken === null ? null : this.sealer.open(link.nextToken),
        });
      for (const row of this.adb.db.select().from(merchantKeys).all())
        if (!isSealed(row.secret))
          this.adb.db
            .update(merchantKeys)
            .set({ secret: this.sealer.seal(row.secret) })
            .where(eq(merchantKeys.id, row.id))
            .run();
    });
  }

  create(row: Omit<LinkRow, 'id'>, keys: MerchantKey[]): void {
    this.adb.write(() => {
      this.adb.db.delete(syncLink).run();
      this.adb.db
        .insert(syncLink)
        .values({ ...this.sealTokens(row), id: LINK_ID })
        .run();
      this.replaceKeys(keys);
    });
  }

  update(changes: Partial<Omit<LinkRow, 'id'>>): void {
    this.adb.write(() =>
      this.adb.db
        .update(syncLink)
        .set(this.sealTokens(changes))
        .where(eq(syncLink.id, LINK_ID))
        .run(),
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
            secret: this.sealer.seal(key.secret),
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
        list.push(Buffer.from(this.sealer.open(row.secret), 'base64'));
        cache.set(row.kid, list);
      }
      this.keyCache = cache;
    }
    return this.keyCache.get(kid) ?? [];
  }
}
