import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Coupons that went from one phone to another in the wallet (转赠 / 分享), as the cloud reported
 * them (`shares.accepted`): which code gave which, how, at which hop. The merchant's share
 * history and each campaign's tree (claims → shares → redemptions) are read from these rows.
 */
export const couponShares = sqliteTable(
  'coupon_shares',
  {
    id: text().primaryKey(),
    shareId: text().notNull(),
    templateId: text().notNull(),
    mode: text({ enum: ['transfer', 'copy'] }).notNull(),
    hop: integer().notNull(),
    fromCode: text().notNull(),
    toCode: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [
    index('coupon_shares_template_idx').on(t.templateId, t.at),
    index('coupon_shares_from_idx').on(t.fromCode),
  ],
);
