import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const products = sqliteTable(
  'products',
  {
    id: text().primaryKey(),
    sku: text().notNull(),
    name: text().notNull(),
    category: text().notNull().default(''),
    unit: text().notNull().default('件'),
    priceFen: integer().notNull(),
    costFen: integer(),
    /** The price a member pays (a level benefit on chosen products); null: the same as anyone. */
    memberPriceFen: integer(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
    /** Pinyin initials of the name (百花茶 → bhc), for search; see initials.ts. */
    nameInitials: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('products_sku_unique').on(t.sku),
    index('products_name_idx').on(t.name),
    index('products_category_idx').on(t.category),
  ],
);

/** A product may carry several barcodes (maker's EAN-13, the shop's own label); each is unique. */
export const productBarcodes = sqliteTable(
  'product_barcodes',
  {
    barcode: text().primaryKey(),
    productId: text()
      .notNull()
      .references(() => products.id),
  },
  (t) => [index('product_barcodes_product_idx').on(t.productId)],
);
