import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { TemplateRule } from '../../../src-shared/contract/coupons';
import type { CouponScope } from '../../../src-shared/coupons/pricing';

export const couponTemplates = sqliteTable('coupon_templates', {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  type: text({ enum: ['threshold', 'percent', 'voucher', 'item', 'gift', 'cashback'] }).notNull(),
  status: text({ enum: ['draft', 'active', 'paused', 'ended'] }).notNull(),
  /** The money rule in force for new codes; issued codes keep the version they were issued under. */
  version: integer().notNull(),
  validityKind: text({ enum: ['fixed', 'relative'] }).notNull(),
  validStartDate: text(),
  validEndDate: text(),
  validDays: integer(),
  storeIds: text({ mode: 'json' }).$type<string[]>().notNull(),
  perCustomerLimit: integer(),
  totalIssueLimit: integer(),
  budgetCount: integer(),
  budgetFen: integer(),
  shareMode: text({ enum: ['none', 'transfer', 'copy'] }).notNull(),
  maxShares: integer(),
  shareMaxHops: integer().notNull().default(2),
  issueOnSpendFen: integer(),
  codeFormat: text({ enum: ['numeric', 'base32'] }).notNull(),
  issuedCount: integer().notNull().default(0),
  redeemedCount: integer().notNull().default(0),
  redeemedFen: integer().notNull().default(0),
  /** Codes phones claimed from this PC's issuance and store QRs (issued by the cloud, pulled). */
  claimedCount: integer().notNull().default(0),
  createdBy: text(),
  createdAt: integer().notNull(),
  updatedAt: integer().notNull(),
});

/** Each money-rule change after issue makes a version; a code is priced by its own. */
export const couponTemplateVersions = sqliteTable(
  'coupon_template_versions',
  {
    templateId: text()
      .notNull()
      .references(() => couponTemplates.id),
    version: integer().notNull(),
    rule: text({ mode: 'json' }).$type<TemplateRule>().notNull(),
    scope: text({ mode: 'json' }).$type<CouponScope>().notNull(),
    stackable: integer({ mode: 'boolean' }).notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

export const coupons = sqliteTable(
  'coupons',
  {
    id: text().primaryKey(),
    /** Normalized (no spaces or hyphens), check symbol included. */
    code: text().notNull(),
    templateId: text()
      .notNull()
      .references(() => couponTemplates.id),
    templateVersion: integer().notNull(),
    status: text({ enum: ['active', 'redeemed', 'cancelled'] }).notNull(),
    customerPhone: text(),
    validFrom: integer().notNull(),
    validUntil: integer().notNull(),
    batchId: text(),
    issuedStoreId: text(),
    issuedAt: integer().notNull(),
    /**
     * Issued by the cloud to a phone that claimed it (an issuance QR or a store's QR poster): a
     * poster's batch is never known here, so the batch id alone cannot tell such a code.
     */
    claimed: integer({ mode: 'boolean' }).notNull().default(false),
    cancelledAt: integer(),
    cancelReason: text(),
  },
  (t) => [
    uniqueIndex('coupons_code_unique').on(t.code),
    index('coupons_template_idx').on(t.templateId),
    index('coupons_phone_idx').on(t.customerPhone, t.templateId),
    // Codes claimed from an issuance QR carry its id as their batch: counted per issuance.
    index('coupons_batch_idx').on(t.batchId),
  ],
);

export const redemptions = sqliteTable(
  'redemptions',
  {
    id: text().primaryKey(),
    couponId: text()
      .notNull()
      .references(() => coupons.id),
    code: text().notNull(),
    templateId: text().notNull(),
    templateVersion: integer().notNull(),
    storeId: text().notNull(),
    terminalId: text(),
    staffId: text(),
    customerPhone: text(),
    idempotencyKey: text().notNull(),
    subtotalFen: integer().notNull(),
    discountFen: integer().notNull(),
    /** The priced order lines (product, qty, unit price, discount) as verified. */
    lines: text({ mode: 'json' }).$type<unknown[]>().notNull(),
    gift: text({ mode: 'json' }).$type<{ productId: string; qty: number } | null>(),
    status: text({ enum: ['completed', 'voided'] }).notNull(),
    createdAt: integer().notNull(),
    voidedAt: integer(),
    voidedBy: text(),
    voidReason: text(),
  },
  (t) => [
    uniqueIndex('redemptions_idempotency_unique').on(t.idempotencyKey),
    // The database itself refuses a second live redemption of one coupon.
    uniqueIndex('redemptions_one_live_per_coupon')
      .on(t.couponId)
      .where(sql`status = 'completed'`),
    index('redemptions_created_idx').on(t.createdAt),
    index('redemptions_store_idx').on(t.storeId, t.createdAt),
    index('redemptions_template_idx').on(t.templateId, t.createdAt),
    index('redemptions_phone_idx').on(t.customerPhone, t.templateId),
  ],
);

/** Merchant signing keys for the QR tokens; old keys stay to verify codes signed with them. */
export const signingKeys = sqliteTable('signing_keys', {
  kid: text().primaryKey(),
  secret: text().notNull(),
  createdAt: integer().notNull(),
  retiredAt: integer(),
});

export const cashbackCodes = sqliteTable(
  'cashback_codes',
  {
    id: text().primaryKey(),
    code: text().notNull(),
    templateId: text()
      .notNull()
      .references(() => couponTemplates.id),
    productId: text().notNull(),
    terminalId: text().notNull(),
    storeId: text().notNull(),
    provinceCode: text().notNull(),
    cityCode: text().notNull(),
    districtCode: text().notNull(),
    rewardFen: integer().notNull(),
    issuedAt: integer().notNull(),
    validUntil: integer().notNull(),
    status: text({ enum: ['issued', 'redeemed'] }).notNull(),
    phone: text(),
    redeemedAt: integer(),
    redeemedVia: text({ enum: ['counter', 'terminal', 'cloud'] }),
    redeemedBy: text(),
    /** The recorded sale line the code was given for (null: issued elsewhere or before 0.x). */
    saleLineId: text(),
  },
  (t) => [
    uniqueIndex('cashback_code_unique').on(t.code),
    index('cashback_sale_line_idx').on(t.saleLineId),
    index('cashback_phone_idx').on(t.phone),
    index('cashback_product_idx').on(t.productId, t.issuedAt),
    index('cashback_region_idx').on(t.provinceCode, t.cityCode, t.issuedAt),
  ],
);

/** A large issue run in a worker: how far it got, and whether it finished. */
export const couponBatches = sqliteTable(
  'coupon_batches',
  {
    id: text().primaryKey(),
    templateId: text()
      .notNull()
      .references(() => couponTemplates.id),
    requested: integer().notNull(),
    issued: integer().notNull().default(0),
    status: text({ enum: ['running', 'done', 'cancelled', 'failed'] }).notNull(),
    error: text(),
    storeId: text(),
    createdBy: text(),
    createdAt: integer().notNull(),
    finishedAt: integer(),
  },
  (t) => [index('coupon_batches_template_idx').on(t.templateId, t.createdAt)],
);
