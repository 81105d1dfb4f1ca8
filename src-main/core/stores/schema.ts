import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const stores = sqliteTable(
  'stores',
  {
    id: text().primaryKey(),
    code: text().notNull(),
    name: text().notNull(),
    /** GB/T 2260 six-digit codes. */
    provinceCode: text().notNull(),
    cityCode: text().notNull(),
    districtCode: text().notNull(),
    address: text().notNull().default(''),
    lat: real(),
    lng: real(),
    /** The system lat/lng are given in: GCJ-02 (AMap, Tencent), BD-09 (Baidu) or WGS-84 (GPS). */
    coordSystem: text({ enum: ['gcj02', 'wgs84', 'bd09'] })
      .notNull()
      .default('gcj02'),
    /** 商圈: the business district the store sits in (optional), shown to consumers nearby. */
    businessDistrict: text(),
    /** IANA zone: business days and expiry are cut here, never in the PC's zone. */
    timezone: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [uniqueIndex('stores_code_unique').on(t.code)],
);

export const terminals = sqliteTable(
  'terminals',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    code: text().notNull(),
    name: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('terminals_store_code_unique').on(t.storeId, t.code),
    index('terminals_store_idx').on(t.storeId),
  ],
);
