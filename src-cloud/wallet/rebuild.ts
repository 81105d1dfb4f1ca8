import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import {
  walletIssuances,
  walletMembers,
  walletPoints,
  walletStoreDefaults,
  walletTemplates,
} from './schema';

/**
 * Before a rebuild: drops what the log describes. Store posters' rows and the claims are the
 * cloud's own records (no event made them), so they stay.
 */
export async function forgetWalletProjections(db: Queryable, merchantId: string) {
  await db.delete(walletTemplates).where(eq(walletTemplates.merchantId, merchantId));
  await db.delete(walletStoreDefaults).where(eq(walletStoreDefaults.merchantId, merchantId));
  await db.delete(walletMembers).where(eq(walletMembers.merchantId, merchantId));
  await db.delete(walletPoints).where(eq(walletPoints.merchantId, merchantId));
  await db
    .delete(walletIssuances)
    .where(and(eq(walletIssuances.merchantId, merchantId), eq(walletIssuances.source, 'desktop')));
}

/** After a rebuild: each issuance's counter is the number of claims it holds. */
export async function recountClaims(db: Queryable, merchantId: string) {
  await db.execute(sql`
    update wallet_issuances i set claimed = (select count(*) from wallet_claims c
      where c.merchant_id = i.merchant_id and c.issuance_id = i.id)
    where i.merchant_id = ${merchantId}`);
}
