import { and, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import { newId } from '../../src-node/ids';
import type { Queryable } from '../db/open';
import type { IssuanceRow } from './availability';
import { findTemplate } from './claims';
import { walletIssuances, walletStoreDefaults } from './schema';

/** The template a store's fixed poster gives now (the manager may change it without reprinting). */
export async function storeDefaultTemplate(db: Queryable, merchantId: string, storeId: string) {
  const [row] = await db
    .select()
    .from(walletStoreDefaults)
    .where(
      and(eq(walletStoreDefaults.merchantId, merchantId), eq(walletStoreDefaults.storeId, storeId)),
    );
  const template = row?.templateId ? await findTemplate(db, merchantId, row.templateId) : null;
  if (!template) throw new AppError('STORE_NO_COUPON');
  return template;
}

/** A store poster's terms: no cap, one coupon per phone, always on (`id`: its issuance's). */
export const storePosterTerms = (
  merchantId: string,
  id: string,
  storeId: string,
  template: { templateId: string; name: string },
  now: number,
): IssuanceRow => ({
  merchantId,
  id,
  source: 'store',
  templateId: template.templateId,
  title: template.name,
  count: null,
  perPerson: 1,
  startsAt: null,
  endsAt: null,
  storeId,
  status: 'active',
  updatedAt: now,
  claimed: 0,
});

/**
 * The issuance behind a store's poster for its current template: made at the first claim, one
 * per store and template, no cap, one coupon per phone. Changing the default starts a new one
 * (a phone may claim the new coupon); going back to an old template finds the old one again.
 */
export async function storePosterIssuance(
  db: Queryable,
  merchantId: string,
  storeId: string,
  template: { templateId: string; name: string },
  now: number,
) {
  const find = () =>
    db
      .select()
      .from(walletIssuances)
      .where(
        and(
          eq(walletIssuances.merchantId, merchantId),
          eq(walletIssuances.source, 'store'),
          eq(walletIssuances.storeId, storeId),
          eq(walletIssuances.templateId, template.templateId),
        ),
      );
  const [existing] = await find();
  if (existing) return existing;
  // Two first claims at once: the partial unique index keeps one row, both read it.
  await db
    .insert(walletIssuances)
    .values(storePosterTerms(merchantId, newId(), storeId, template, now))
    .onConflictDoNothing();
  return (await find())[0]!;
}
