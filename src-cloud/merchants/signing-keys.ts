import { and, asc, eq } from 'drizzle-orm';
import { newId } from '../../src-node/ids';
import type { MerchantKey, SigningKey } from '../../src-shared/sync/pairing';
import type { Queryable } from '../db/open';
import { signingKeys } from './schema';

type KeyRow = typeof signingKeys.$inferSelect;

const toMerchantKey = (row: KeyRow): MerchantKey => ({
  kid: row.kid,
  secret: row.secret,
  createdAt: row.createdAt,
  retiredAt: row.retiredAt,
  active: row.active,
});

/**
 * The merchant's coupon signing keys. The cloud never makes one: the first device to pair
 * brings the keys its codes are already signed with, and its current key becomes the active
 * one for every till; other devices' keys are kept, retired, to verify the codes they printed.
 * Which key signs for every till changes only by the operator (`activate`): one device cannot
 * choose it for all the others.
 * Invariant: only the active key has no `retiredAt`, so a till that takes "the newest key
 * without retiredAt" signs with the merchant's key.
 */
export class SigningKeysStore {
  async list(db: Queryable, merchantId: string): Promise<MerchantKey[]> {
    const rows = await db
      .select()
      .from(signingKeys)
      .where(eq(signingKeys.merchantId, merchantId))
      .orderBy(asc(signingKeys.createdAt), asc(signingKeys.addedAt));
    return rows.map(toMerchantKey);
  }

  /** The key every till signs with now, if the merchant has one. */
  async active(db: Queryable, merchantId: string): Promise<KeyRow | null> {
    const [row] = await db
      .select()
      .from(signingKeys)
      .where(and(eq(signingKeys.merchantId, merchantId), eq(signingKeys.active, true)));
    return row ?? null;
  }

  /**
   * Adds the keys the merchant does not hold yet (same kid and secret: already held). Call in
   * the transaction that locked the merchant row. `activeKid` (the operator's choice): make that
   * key the active one; without it, the uploaded current key becomes active only if the
   * merchant has none yet (the first pairing).
   */
  async merge(
    db: Queryable,
    merchantId: string,
    keys: SigningKey[],
    by: { deviceId: string; now: number; activeKid?: string | undefined },
  ): Promise<void> {
    const held = await db.select().from(signingKeys).where(eq(signingKeys.merchantId, merchantId));
    const heldActive = held.find((k) => k.active) ?? null;
    const current = keys
      .filter((k) => k.retiredAt === null)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    let activate: { kid: string; secret: string } | null = null;
    if (by.activeKid !== undefined) {
      const chosen =
        keys.find((k) => k.kid === by.activeKid) ??
        held.filter((k) => k.kid === by.activeKid).sort((a, b) => b.addedAt - a.addedAt)[0];
      if (chosen) activate = { kid: chosen.kid, secret: chosen.secret };
    } else if (!heldActive && current) {
      activate = { kid: current.kid, secret: current.secret };
    }
    const isActivated = (k: { kid: string; secret: string }) =>
      activate !== null && k.kid === activate.kid && k.secret === activate.secret;

    if (activate && heldActive && !isActivated(heldActive))
      await db
        .update(signingKeys)
        .set({ active: false, retiredAt: heldActive.retiredAt ?? by.now })
        .where(eq(signingKeys.id, heldActive.id));

    for (const key of keys) {
      const existing = held.find((k) => k.kid === key.kid && k.secret === key.secret);
      if (existing) continue;
      await db.insert(signingKeys).values({
        id: newId(),
        merchantId,
        kid: key.kid,
        secret: key.secret,
        createdAt: key.createdAt,
        retiredAt: isActivated(key) ? null : (key.retiredAt ?? by.now),
        active: isActivated(key),
        uploadedBy: by.deviceId,
        addedAt: by.now,
      });
    }
    const heldToActivate = activate && held.find((k) => isActivated(k) && !k.active);
    if (heldToActivate)
      await db
        .update(signingKeys)
        .set({ active: true, retiredAt: null })
        .where(and(eq(signingKeys.id, heldToActivate.id), eq(signingKeys.merchantId, merchantId)));
  }
}
