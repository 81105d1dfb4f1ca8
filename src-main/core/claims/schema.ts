import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { couponTemplates } from '../coupons/schema';
import { stores } from '../stores/schema';

/**
 * Issuance QR codes (领券二维码): how many coupons of a template phones may claim, when, and
 * where they work. The cloud decides each claim; the codes it issues come back as pulled
 * `coupons.issued` events whose batch id is the issuance id.
 */
export const claimIssuances = sqliteTable(
  'claim_issuances',
  {
    id: text().primaryKey(),
    templateId: text()
      .notNull()
      .references(() => couponTemplates.id),
    title: text().notNull(),
    count: integer().notNull(),
    perPerson: integer().notNull(),
    startsAt: integer(),
    endsAt: integer(),
    storeId: text().references(() => stores.id),
    status: text({ enum: ['active', 'paused', 'ended'] }).notNull(),
    createdBy: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('claim_issuances_created_idx').on(t.createdAt)],
);

/** The coupon each store's fixed QR poster gives now (a row per store that ever had one). */
export const storeDefaultCoupons = sqliteTable('store_default_coupons', {
  storeId: text()
    .primaryKey()
    .references(() => stores.id),
  /** null: the poster gives nothing now (it was taken off). */
  templateId: text().references(() => couponTemplates.id),
  updatedBy: text(),
  updatedAt: integer().notNull(),
});
