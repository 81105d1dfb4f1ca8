import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { CloudTx } from '../db/open';
import { merchants } from '../merchants/schema';

/**
 * The merchant's event stream, held for one transaction. Locking the merchant row serializes
 * every write that decides something for this merchant (pushes, consumer redemptions): first
 * claim wins by commit order, and sequence numbers commit in the order they were handed out,
 * so a puller that saw seq n has seen everything before it.
 */
export interface HeldStream {
  merchant: typeof merchants.$inferSelect;
  next(): number;
  /** Records the last number handed out; call before the transaction commits. */
  save(): Promise<void>;
}

export async function holdStream(tx: CloudTx, merchantId: string): Promise<HeldStream> {
  const [merchant] = await tx
    .select()
    .from(merchants)
    .where(eq(merchants.id, merchantId))
    .for('update');
  if (!merchant) throw new AppError('NOT_FOUND', { entity: 'merchant', id: merchantId });
  let seq = merchant.lastSeq;
  return {
    merchant,
    next: () => ++seq,
    save: async () => {
      if (seq !== merchant.lastSeq)
        await tx
          .update(merchants)
          .set({ lastSeq: sql`${seq}` })
          .where(eq(merchants.id, merchantId));
    },
  };
}
