import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Logger } from '../../../src-node/logger';
import { privateFile, privateFolder, privateTree } from '../platform/private-files';

/**
 * drizzle over the shop database. Queries name their tables (each feature's schema.ts); the
 * relational query API is unused, so the connection needs no schema object (and the bottom of
 * the core imports no feature).
 */
export type Drizzle = BetterSQLite3Database;
export type Sqlite = Database.Database;

/**
 * Where the drizzle-kit migrations live: beside this file in the sources, and copied to
 * out/main/migrations by the build (this code may sit in out/main or in a chunk below it).
 */
export function defaultMigrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, '..', 'migrations')];
  return (
    candidates.find((dir) => fs.existsSync(path.join(dir, 'meta', '_journal.json'))) ??
    candidates[0]!
  );
}

/** The pragmas every connection to the shop database uses (the bench uses them for its baseline). */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Money moves through this database: a committed write must survive a power cut.
  sqlite.pragma('synchronous = FULL');
}

/**
 * drizzle prepares every query anew; on the till's hot path that costs more than running it.
 * Prepared statements are kept by their SQL text instead (a statement's raw/pluck mode is reset
 * on each reuse, since drizzle switches it per call).
 */
function cacheStatements(sqlite: Sqlite): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= 1000) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false).pluck(false);
    }
    return statement;
  }) as Sqlite['prepare'];
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsDir: string): JournalEntry[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: JournalEntry[] };
  return journal.entries;
}

function appliedMigrationCount(sqlite: Sqlite): number {
  const table = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`,
    )
    .get();
  if (!table) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
    .n;
}

const KEPT_BACKUPS = 5;

async function backupBeforeMigrating(sqlite: Sqlite, backupDir: string, logger: Logger) {
  privateFolder(backupDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `storedesk-${stamp}-before-migration.db`);
  await sqlite.backup(privateFile(target));
  logger.info('database backed up before migration', { target });
  const old = fs
    .readdirSync(backupDir)
    .filter((name) => name.endsWith('-before-migration.db'))
    .sort()
    .slice(0, -KEPT_BACKUPS);
  for (const name of old) fs.rmSync(path.join(backupDir, name), { force: true });
}

export interface OpenedDatabase {
  sqlite: Sqlite;
  db: Drizzle;
}

/**
 * Opens (or creates) the shop database, takes an online backup when migrations are pending on
 * an existing file, then applies them. Throws if a migration fails; the backup stays.
 */
export async function openDatabase(options: {
  file: string;
  backupDir: string;
  migrationsDir?: string;
  logger: Logger;
}): Promise<OpenedDatabase> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  privateFolder(path.dirname(options.file));
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;
  // SQLite gives the -wal and -shm files the database file's mode: 0600 for all three.
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(options.file + suffix)) privateFile(options.file + suffix);
  }
  privateTree(options.backupDir);
  const sqlite = new Database(privateFile(options.file));
  try {
    applyPragmas(sqlite);
    const pending = readJournal(migrationsDir).length - appliedMigrationCount(sqlite);
    if (existed && pending > 0)
      await backupBeforeMigrating(sqlite, options.backupDir, options.logger);
    cacheStatements(sqlite);
    const db = drizzle({ client: sqlite, casing: 'snake_case' });
    if (pending > 0) {
      migrate(db, { migrationsFolder: migrationsDir });
      options.logger.info('database migrated', { applied: pending });
    }
    return { sqlite, db };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
