import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { memberCardSchema } from '../../src-shared/sync/wallet';
import type { Queryable } from '../db/open';
import { walletMembers } from './schema';

type MemberCard = z.infer<typeof memberCardSchema>;

/**
 * The merchant's member record of this phone, with its spendable points (pending ones not yet:
 * their `availableAt` is ahead). The level's name is not known to the cloud (the PCs do not
 * send their level list): null.
 */
export async function memberCard(
  db: Queryable,
  merchantId: string,
  phone: string,
  now: number,
): Promise<MemberCard | null> {
  const [member] = await db
    .select({
      memberId: walletMembers.memberId,
      name: walletMembers.name,
      points: sql<number>`(select coalesce(sum(p.points), 0) from wallet_points p
        where p.merchant_id = ${walletMembers.merchantId} and p.member_id = ${walletMembers.memberId}
          and (p.available_at is null or p.available_at <= ${now}::bigint))`.mapWith(Number),
    })
    .from(walletMembers)
    .where(
      and(
        eq(walletMembers.merchantId, merchantId),
        eq(walletMembers.phone, phone),
        eq(walletMembers.deleted, false),
      ),
    )
    .orderBy(desc(walletMembers.updatedAt))
    .limit(1);
  if (!member) return null;
  return {
    memberId: member.memberId,
    name: member.name || null,
    levelName: null,
    points: member.points,
  };
}
