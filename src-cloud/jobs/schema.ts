import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Who runs a periodic job of a deployment now: the nodes of one deployment share the database,
 * and a job such as the task sweep needs one of them at a time, not all of them.
 */
export const jobLeases = pgTable(
  'job_leases',
  {
    deployment: text().notNull(),
    job: text().notNull(),
    holder: text().notNull(),
    until: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deployment, t.job] })],
);
