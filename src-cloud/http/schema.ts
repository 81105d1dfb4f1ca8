import { bigint, boolean, doublePrecision, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Token buckets of the rate limits, shared by every cloud node on one PostgreSQL: `limiter` is
 * the bucket set (device, public), `key` what is limited (a device id, an address).
 */
export const rateBuckets = pgTable(
  'rate_buckets',
  {
    limiter: text().notNull(),
    key: text().notNull(),
    tokens: doublePrecision().notNull(),
    at: bigint({ mode: 'number' }).notNull(),
    /** Whether the last take found a token: the upsert answers it with the row. */
    taken: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.limiter, t.key] })],
);
