import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { listenPostgres, type ListenHandlers } from './listen';

/** The same query builder over either driver. */
export type CloudDb = PgDatabase<PgQueryResultHKT>;
export type CloudTx = Parameters<Parameters<CloudDb['transaction']>[0]>[0];
/** Where a query may run: the database or an open transaction. */
export type Queryable = CloudDb | CloudTx;

export interface CloudDatabase {
  db: CloudDb;
  kind: 'pglite' | 'postgres';
  /**
   * NOTIFYs on `channel` from every process on this database, as their transactions commit.
   * Resolves once listening; the function it gives stops listening.
   */
  listen(
    channel: string,
    handlers: ListenHandlers,
    onError: (error: Error) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: servers starting together take turns to migrate. */
const MIGRATION_LOCK = 80_521_001;

/**
 * PostgreSQL when a connection string is given (DATABASE_URL), otherwise PGlite (the same
 * engine compiled to WebAssembly) in `<dataDir>/pglite`. Migrations are applied before use.
 */
export async function openCloudDatabase(options: {
  dataDir: string;
  databaseUrl?: string | null;
}): Promise<CloudDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = drizzleNodePg({ client: pool, casing: 'snake_case' });
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrateNodePg(db, { migrationsFolder: MIGRATIONS_DIR });
    } catch (error) {
      lock.release();
      await pool.end();
      throw error;
    }
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    lock.release();
    const connectionString = options.databaseUrl;
    return {
      db,
      kind: 'postgres',
      listen: (channel, handlers, onError) =>
        listenPostgres(connectionString, channel, handlers, onError),
      close: () => pool.end(),
    };
  }
  const dir = path.join(options.dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite({ client, casing: 'snake_case' });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    await client.close();
    throw error;
  }
  // PGlite writes its files when it closes: a server must close it on shutdown.
  return {
    db,
    kind: 'pglite',
    // One process holds a PGlite: its NOTIFYs are its own, and none is lost in transit.
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, (payload) => handlers.notify(payload));
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

/** A unique index refused the row (PostgreSQL's unique_violation). */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: unknown }).code === '23505' ||
    (error as { cause?: { code?: unknown } }).cause?.code === '23505');
