import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../../../src-shared/contract/settings';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Logger } from '../../../src-node/logger';
import { readJournal, type Sqlite } from '../db/open';

/** Daily backups kept (a week of days to go back to). */
export const KEPT_DAILY_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const KINDS = ['manual', 'daily', 'before-migration', 'before-restore'] as const;
// `storedesk-2026-11-21T04-01-00-000Z-manual.db`, the naming of the backup before a migration.
const NAME = /^storedesk-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([a-z-]+)\.db$/;

/** The moment in a backup's file name (its stamp uses `-` for `:` and `.`). */
function stampTime(stamp: string): number {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
}

/**
 * Online backups of the shop database into the data folder's `backups`: taken while the till
 * keeps working (SQLite's backup API), by the owner's button or once a day, and the check that a
 * file really is a StoreDesk database before it replaces the shop's.
 */
export class BackupService {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly dir: string,
    private readonly migrationsDir: string,
  ) {}

  list(): Backup[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.db'))
      .map((fileName): Backup => {
        const stat = fs.statSync(path.join(this.dir, fileName));
        const match = NAME.exec(fileName);
        const kind = KINDS.find((k) => k === match?.[2]) ?? 'other';
        const createdAt = match ? stampTime(match[1]!) : Math.round(stat.mtimeMs);
        return { fileName, kind, sizeBytes: stat.size, createdAt };
      })
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async take(kind: 'manual' | 'daily' | 'before-restore'): Promise<Backup> {
    fs.mkdirSync(this.dir, { recursive: true });
    const now = this.clock.now();
    const fileName = `storedesk-${new Date(now).toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
    const target = path.join(this.dir, fileName);
    await this.sqlite.backup(target);
    this.logger.info('database backed up', { target, kind });
    return { fileName, kind, sizeBytes: fs.statSync(target).size, createdAt: now };
  }

  /** The daily backup when the last one is a day old (or there is none); the oldest beyond 7 go. */
  async dailyIfDue(): Promise<Backup | null> {
    const daily = this.list().filter((b) => b.kind === 'daily');
    const newest = daily[0];
    if (newest && this.clock.now() - newest.createdAt < DAY_MS) return null;
    const taken = await this.take('daily');
    for (const old of [taken, ...daily].slice(KEPT_DAILY_BACKUPS))
      fs.rmSync(path.join(this.dir, old.fileName), { force: true });
    return taken;
  }

  /** Checks the hour after start and then every hour; a shop PC switched off at night still gets its backup. */
  scheduleDaily(enabled: () => boolean, firstDelayMs = 60_000): { stop(): void } {
    const run = () => {
      if (!enabled()) return;
      this.dailyIfDue().catch((error: unknown) =>
        this.logger.error('daily backup failed', { error }),
      );
    };
    const first = setTimeout(run, firstDelayMs);
    const hourly = setInterval(run, 60 * 60 * 1000);
    first.unref();
    hourly.unref();
    return {
      stop: () => {
        clearTimeout(first);
        clearInterval(hourly);
      },
    };
  }

  /** The backups folder's file of that name (a bare name: nothing outside the folder). */
  file(fileName: string): string {
    const file = path.join(this.dir, path.basename(fileName));
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { entity: 'backup', id: fileName });
    return file;
  }

  /**
   * Refuses a file that is not a StoreDesk database (not SQLite, damaged, another app's, no shop
   * in it) or that comes from a newer StoreDesk than this one (its schema is unknown here).
   */
  check(file: string): void {
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const quick = db.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new AppError('BACKUP_NOT_STOREDESK');
      const tables = new Set(
        (
          db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
            name: string;
          }[]
        ).map((row) => row.name),
      );
      for (const table of ['__drizzle_migrations', 'merchant', 'settings', 'staff', 'stores'])
        if (!tables.has(table)) throw new AppError('BACKUP_NOT_STOREDESK');
      const shop = db.prepare('SELECT count(*) AS n FROM merchant').get() as { n: number };
      if (shop.n === 0) throw new AppError('BACKUP_NOT_STOREDESK');
      const applied = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
        n: number;
      };
      if (applied.n > readJournal(this.migrationsDir).length)
        throw new AppError('BACKUP_FROM_NEWER_VERSION');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('BACKUP_NOT_STOREDESK');
    } finally {
      db?.close();
    }
  }
}
