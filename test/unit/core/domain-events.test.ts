import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from '../../../src-main/core/db/database';
import { openDatabase } from '../../../src-main/core/db/open';
import type { RedemptionRow } from '../../../src-main/core/events/catalogue';
import { DomainEvents, SYSTEM_CONTEXT } from '../../../src-main/core/events/domain-events';
import { EventBus } from '../../../src-main/core/platform/event-bus';
import { createMemoryLogger } from '../../../src-node/logger';
import { tempDir } from '../../support/core';

async function openEvents() {
  const dir = tempDir();
  const { sqlite, db } = await openDatabase({
    file: path.join(dir, 'events.db'),
    backupDir: path.join(dir, 'backups'),
    logger: createMemoryLogger(),
  });
  const adb = new AppDatabase(sqlite, db, new EventBus());
  return { adb, sqlite, events: new DomainEvents(adb) };
}

const redemption = { id: 'r1', storeId: 's1' } as RedemptionRow;

describe('domain events', () => {
  it('runs in-transaction subscribers at once, in order, and after-commit ones once committed', async () => {
    const { adb, events } = await openEvents();
    const seen: string[] = [];
    events.on('redemption.completed', ({ redemption: r }) => seen.push(`rollups ${r.id}`));
    events.on('redemption.completed', ({ origin }, ctx) =>
      seen.push(`outbox ${origin} ${ctx.source}`),
    );
    events.afterCommit('redemption.completed', () => seen.push('push'));
    adb.write(() => {
      events.record(SYSTEM_CONTEXT, 'redemption.completed', { redemption, origin: 'remote' });
      seen.push('write ends');
    });
    expect(seen).toEqual(['rollups r1', 'outbox remote system', 'write ends', 'push']);
  });

  it('rolls the subscribers’ rows back with the change, and pushes nothing', async () => {
    const { adb, sqlite, events } = await openEvents();
    sqlite.exec('CREATE TABLE effects (what TEXT)');
    const pushed: string[] = [];
    events.on('redemption.completed', () => {
      sqlite.prepare("INSERT INTO effects VALUES ('rollup')").run();
    });
    events.afterCommit('redemption.completed', () => pushed.push('push'));
    expect(() =>
      adb.write(() => {
        events.record(SYSTEM_CONTEXT, 'redemption.completed', { redemption, origin: 'local' });
        throw new Error('the till refused');
      }),
    ).toThrow('the till refused');
    expect(sqlite.prepare('SELECT count(*) AS n FROM effects').get()).toEqual({ n: 0 });
    expect(pushed).toEqual([]);
  });

  it('refuses an event recorded outside a write, whose effects would commit apart', async () => {
    const { events } = await openEvents();
    expect(() =>
      events.record(SYSTEM_CONTEXT, 'redemption.completed', { redemption, origin: 'local' }),
    ).toThrow('domain event redemption.completed recorded outside a write');
  });
});
