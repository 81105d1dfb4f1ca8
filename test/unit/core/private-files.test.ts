// The data folder is the user's alone on Linux and macOS: folder 0700; database, WAL, exports,
// logs and backups 0600, for a new data folder and for one an older version left at 755/644.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core';
import { defaultMigrationsDir, openDatabase } from '../../../src-main/core/db/open';
import { createFileLogger, createMemoryLogger } from '../../../src-node/logger';
import { initializedShop, tempDir, testCore } from '../../support/core';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every folder and file under `dir`, with its mode in octal. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    out[path.relative(dir, at) || '.'] = modeOf(at).toString(8);
    if (fs.statSync(at).isDirectory())
      for (const name of fs.readdirSync(at)) walk(path.join(at, name));
  };
  walk(dir);
  return out;
}

/** The migrations without the last one: a database made by the previous version. */
function previousMigrations(): string {
  const dir = tempDir('storedesk-migrations-');
  fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries.pop();
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe.skipIf(process.platform === 'win32')('files in the data folder', () => {
  it('are 0600 in 0700 folders: database, WAL, logs, exports', async () => {
    const dataDir = path.join(tempDir(), 'StoreDesk');
    const { ok, ownerToken } = await initializedShop({
      dataDir,
      logger: createFileLogger(path.join(dataDir, 'logs')),
    });
    const csv = await ok(
      'reports.export',
      {
        request: {
          report: 'analytics.redemptionsByRegion',
          input: { from: '2026-11-20', to: '2026-11-21', level: 'province' },
        },
        format: 'csv',
      },
      ownerToken,
    );
    const xlsx = await ok(
      'reports.export',
      {
        request: {
          report: 'analytics.storeTrend',
          input: { from: '2026-11-20', to: '2026-11-21' },
        },
        format: 'xlsx',
      },
      ownerToken,
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // the log's appends
    const seen = modes(dataDir);
    for (const name of [
      DATABASE_FILE,
      `${DATABASE_FILE}-wal`,
      `${DATABASE_FILE}-shm`,
      'logs/storedesk.log',
      `exports/${csv.fileName}`,
      `exports/${xlsx.fileName}`,
    ])
      expect(seen[name], name).toBe('600');
    for (const [name, mode] of Object.entries(seen))
      expect(mode, name).toBe(fs.statSync(path.join(dataDir, name)).isDirectory() ? '700' : '600');
  });

  it('tightens a data folder an older version left readable, and keeps backups private', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({
      file: path.join(dataDir, DATABASE_FILE),
      backupDir: path.join(dataDir, 'backups'),
      migrationsDir: previousMigrations(),
      logger: createMemoryLogger(),
    });
    first.sqlite.close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, DATABASE_FILE), 0o644);
    fs.mkdirSync(path.join(dataDir, 'exports'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'exports', 'old.csv'), 'a,b\n', { mode: 0o644 });
    fs.mkdirSync(path.join(dataDir, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'logs', 'storedesk.log'), '{}\n', { mode: 0o644 });

    // Opening with the current migrations backs the database up first.
    await testCore({ dataDir, logger: createFileLogger(path.join(dataDir, 'logs')) });
    const seen = modes(dataDir);
    const backups = Object.keys(seen).filter((name) => name.startsWith('backups/'));
    expect(backups).toHaveLength(1);
    for (const [name, mode] of Object.entries(seen))
      expect(mode, name).toBe(fs.statSync(path.join(dataDir, name)).isDirectory() ? '700' : '600');
  });
});
