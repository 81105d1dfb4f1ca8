import { randomBytes } from 'node:crypto';
import { desc, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { isSealed, plainSealer, type SecretSealer } from '../platform/secret-sealer';
import { signingKeys } from './schema';

/**
 * The merchant's HMAC keys for QR tokens. New codes are signed with the newest key; rotation
 * adds a key and keeps the old ones for verifying codes already out there. (Sync shares the
 * keys between the merchant's tills.)
 */
export class SigningKeys {
  private readonly cache = new Map<string, Buffer>();
  private active: { kid: string; secret: Buffer } | null = null;
  /** More keys to verify with: the merchant's keys from the cloud (sync registers them). */
  private readonly moreKeys: ((kid: string) => Buffer[])[] = [];

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    /** Seals the secrets in the database (the OS key store in Electron). */
    private readonly sealer: SecretSealer = plainSealer,
  ) {}

  /**
   * This till's keys in plain form: for the batch worker (which has no key store of its own) and
   * for pairing. Makes the first key if there is none.
   */
  openAll(): { kid: string; secret: string; createdAt: number; retiredAt: number | null }[] {
    this.current();
    return this.adb.db
      .select()
      .from(signingKeys)
      .all()
      .map((row) => ({ ...row, secret: this.secretFor(row.kid)!.toString('base64') }));
  }

  /** Keys handed in already open (the batch worker gets them from the main thread). */
  prime(keys: readonly { kid: string; secret: string }[]): void {
    for (const key of keys) this.cache.set(key.kid, Buffer.from(key.secret, 'base64'));
  }

  /** Seals keys an older version (or browser mode) stored in plain text. */
  sealStored(): number {
    if (this.sealer.kind === 'plain') return 0;
    const plain = this.adb.db
      .select()
      .from(signingKeys)
      .all()
      .filter((row) => !isSealed(row.secret));
    this.adb.write(() => {
      for (const row of plain)
        this.adb.db
          .update(signingKeys)
          .set({ secret: this.sealer.seal(row.secret) })
          .where(eq(signingKeys.kid, row.kid))
          .run();
    });
    return plain.length;
  }

  /** The key to sign with now; made on first use. */
  current(): { kid: string; secret: Buffer } {
    if (this.active) return this.active;
    const row = this.adb.db
      .select()
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt))
      .orderBy(desc(signingKeys.createdAt))
      .get();
    this.active = row ? { kid: row.kid, secret: this.secretFor(row.kid)! } : this.rotate();
    return this.active;
  }

  rotate(): { kid: string; secret: Buffer } {
    return this.adb.write(() => {
      const count = this.adb.db.select().from(signingKeys).all().length;
      const kid = `k${(count + 1).toString(36)}`;
      const secret = randomBytes(32);
      const now = this.clock.now();
      this.adb.db
        .update(signingKeys)
        .set({ retiredAt: now })
        .where(isNull(signingKeys.retiredAt))
        .run();
      this.adb.db
        .insert(signingKeys)
        .values({ kid, secret: this.sealer.seal(secret.toString('base64')), createdAt: now })
        .run();
      this.cache.set(kid, secret);
      this.active = { kid, secret };
      return this.active;
    });
  }

  /** Adds a source of keys that verify (never sign): the merchant's other tills' keys. */
  addVerifyingKeys(source: (kid: string) => Buffer[]): void {
    this.moreKeys.push(source);
  }

  /** Every secret known under this kid: this till's own first, then the merchant's. */
  secretsFor(kid: string): Buffer[] {
    const own = this.secretFor(kid);
    const more = this.moreKeys.flatMap((source) => source(kid));
    return own ? [own, ...more.filter((secret) => !secret.equals(own))] : more;
  }

  secretFor(kid: string): Buffer | null {
    const cached = this.cache.get(kid);
    if (cached) return cached;
    const row = this.adb.db
      .select()
      .from(signingKeys)
      .all()
      .find((k) => k.kid === kid);
    if (!row) return null;
    const secret = Buffer.from(this.sealer.open(row.secret), 'base64');
    this.cache.set(kid, secret);
    return secret;
  }
}
