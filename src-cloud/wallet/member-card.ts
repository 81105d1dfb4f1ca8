import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { memberCardSchema } from '../../src-shared/sync/wallet';
import { signMemberQr } from '../../src-node/members/member-qr';
import type { Queryable } from '../db/open';
import { signingKeys } from '../merchants/schema';
import { walletMembers } from './schema';

type MemberCard = z.infer<typeof memberCardSchema>;

/**
 * The merchant's member record of this phone (or the member it was merged into), with its
 * spendable points (pending ones not yet: their `availableAt` is ahead; those of records merged
 * into it included) and a member code of this moment, signed with the merchant's active key as a
 * till would sign it. The level's name is not known to the cloud (the PCs do not send their level
 * list): null.
 */
/** The member a phone belongs to (the kept one, when merged); null: not a member, or deleted. */
export async function memberOfPhone(
  db: Queryable,
  merchantId: string,
  phone: string,
): Promise<string | null> {
  const [record] = await db
    .select({ memberId: walletMembers.memberId, mergedInto: walletMembers.mergedInto })
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
  return record ? (record.mergedInto ?? record.memberId) : null;
}

export async function memberCard(
  db: Queryable,
  merchantId: string,
  phone: string,
  now: number,
): Promise<MemberCard | null> {
  const memberId = await memberOfPhone(db, merchantId, phone);
  if (!memberId) return null;
  const [member] = await db
    .select({
      memberId: walletMembers.memberId,
      name: walletMembers.name,
      // Named in full: drizzle leaves a column unqualified in a query without joins, and
      // inside the subquery that would name wallet_points' own column.
      points: sql<number>`(select coalesce(sum(p.points), 0) from wallet_points p
        where p.merchant_id = wallet_members.merchant_id
          and p.member_id in (select w.member_id from wallet_members w
            where w.merchant_id = wallet_members.merchant_id
              and (w.member_id = wallet_members.member_id
                or w.merged_into = wallet_members.member_id))
          and (p.available_at is null or p.available_at <= ${now}::bigint))`.mapWith(Number),
      kid: signingKeys.kid,
      secret: signingKeys.secret,
    })
    .from(walletMembers)
    .leftJoin(
      signingKeys,
      and(eq(signingKeys.merchantId, walletMembers.merchantId), eq(signingKeys.active, true)),
    )
    .where(
      and(
        eq(walletMembers.merchantId, merchantId),
        eq(walletMembers.memberId, memberId),
        eq(walletMembers.deleted, false),
      ),
    );
  if (!member) return null;
  return {
    memberId: member.memberId,
    name: member.name || null,
    levelName: null,
    points: member.points,
    code:
      member.kid && member.secret
        ? signMemberQr(
            { kid: member.kid, memberId: member.memberId, at: now },
            Buffer.from(member.secret, 'base64'),
          )
        : null,
  };
}
