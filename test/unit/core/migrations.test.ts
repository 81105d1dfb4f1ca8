import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readJournal } from '../../../src-main/core/db/open';
import { tempDir, testCore } from '../../support/core';

describe('migrations', () => {
  it('have strictly increasing journal timestamps and a SQL file each', () => {
    const dir = defaultMigrationsDir();
    const entries = readJournal(dir);
    expect(entries.length).toBeGreaterThan(0);
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.when).toBeGreaterThan(entries[i - 1]!.when);
    entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(fs.existsSync(path.join(dir, `${entry.tag}.sql`))).toBe(true);
    });
  });

  it('opens with WAL, foreign keys, a busy timeout and durable commits', async () => {
    const { core } = await testCore();
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('backs up an existing database before applying a new migration', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    await first.ok('setup.initialize', {
      merchant: { name: '老店', code: 'OLD' },
      store: { name: '老店', districtCode: '320102' },
      owner: { name: '老板', pin: '314159' },
    });
    first.core.close();

    // A later version of the app ships one more migration.
    const migrationsDir = path.join(dataDir, 'migrations-next');
    fs.cpSync(defaultMigrationsDir(), migrationsDir, { recursive: true });
    const journalFile = path.join(migrationsDir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({
      ...last,
      idx: last.idx + 1,
      when: last.when + 1,
      tag: '9999_test_note',
    });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(migrationsDir, '9999_test_note.sql'),
      'ALTER TABLE merchant ADD `note` text;',
    );

    const second = await testCore({ dataDir, migrationsDir });
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect((await second.ok('setup.status', {})).merchant?.name).toBe('老店');
    const columns = second.core.sqlite.prepare('PRAGMA table_info(merchant)').all() as {
      name: string;
    }[];
    expect(columns.map((c) => c.name)).toContain('note');
    second.core.close();

    // Opening again with nothing pending takes no new backup.
    await testCore({ dataDir, migrationsDir });
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
  });
});
