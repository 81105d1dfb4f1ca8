import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DESKTOP_EVENT_KINDS,
  EVENT_CATALOGUE,
  EVENT_KINDS,
  isEventKind,
} from '../../../src-shared/sync/events';
import { OutboxService } from '../../../src-main/core/outbox/service';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  event,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { doEveryKind } from '../../support/every-kind';
import { pairedShop, testSyncConfig } from '../../support/sync';
import { OWNER_PIN, testCore } from '../../support/core';
import { appendEvents } from '../../../src-cloud/sync/event-log';
import { eventHash } from '../../../src-cloud/sync/payload-hash';

/** Every topic a writer in src-main names literally (outbox.add('x', ...) and topic maps). */
function writtenTopics(): Set<string> {
  const topics = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/outbox\.add\(\s*'([^']+)'/g)) topics.add(m[1]!);
        // A map of topics (stock/effects.ts): the values of its object literal.
        const map = /OUTBOX_TOPICS[^=]*= \{([^}]*)\}/.exec(text)?.[1] ?? '';
        for (const m of map.matchAll(/: '([^']+)'/g)) topics.add(m[1]!);
      }
    }
  };
  walk(path.resolve(__dirname, '../../../src-main/core'));
  return topics;
}

it('the catalogue names every kind a desktop writer writes, with a schema and a version', () => {
  const written = writtenTopics();
  expect(written.size).toBeGreaterThanOrEqual(14);
  for (const topic of written) expect(DESKTOP_EVENT_KINDS).toContain(topic);
  for (const kind of EVENT_KINDS) {
    expect(EVENT_CATALOGUE[kind].version).toBeGreaterThanOrEqual(1);
    expect(EVENT_CATALOGUE[kind].payload).toBeDefined();
  }
  // Today's kinds and the names of the first cloud documentation are all in it.
  for (const kind of ['sale.recorded', 'stock.received', 'sales.recorded', 'stock.moved'])
    expect(isEventKind(kind)).toBe(true);
  expect(DESKTOP_EVENT_KINDS).not.toContain('sales.recorded');
  // A kind made up at run time never reaches the outbox.
  expect(() => OutboxService.kind('sale.recordedd')).toThrow(/catalogue/);
  expect(() => OutboxService.kind('stock.moved')).toThrow(/catalogue/);
});

describeOnEachBackend('every event kind a desktop writes, pushed to the real cloud', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('a shop that receives, counts, transfers, sells, returns and redeems has no dead letters', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    await doEveryKind(shop);
    const topics = new Set(
      (
        shop.core.sqlite.prepare('SELECT DISTINCT topic FROM outbox').all() as { topic: string }[]
      ).map((r) => r.topic),
    );
    // Every kind of the catalogue a desktop writes was really written by the actions above.
    expect([...topics].sort()).toEqual([...DESKTOP_EVENT_KINDS].sort());

    const status = await shop.syncNow();
    expect(status).toMatchObject({
      state: 'idle',
      pendingCount: 0,
      deadLetterCount: 0,
      conflictCount: 0,
    });
    expect(await shop.ok('sync.deadLetters', {}, shop.ownerToken)).toEqual([]);
    // Another PC of the chain pulls them all.
    const reader = await cloud.pair(merchant.id, '审计读取');
    const pulled = await cloud.pull(reader.token, '?limit=1000');
    const kinds = new Set(pulled.events.map((e: { kind: string }) => e.kind));
    expect([...kinds].sort()).toEqual([...DESKTOP_EVENT_KINDS].sort());
    expect(pulled.events.every((e: { version: number }) => e.version === 1)).toBe(true);
  });

  it('keeps accepting what older tills and documents send, and refuses unknown kinds and versions', async () => {
    const merchant = await cloud.newMerchant();
    const till = await cloud.pair(merchant.id);
    const old = [
      event('sales.recorded', { anything: 1 }),
      event('stock.moved', { documentId: 'x', movements: [] }),
    ];
    const accepted = await cloud.push(till.token, old);
    expect(accepted.body.data.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    const unknown = await cloud.push(till.token, [
      event('stock.teleported', {}),
      { ...event('stores.changed', { id: 's', name: 'x' }), version: 9 },
    ]);
    expect(
      unknown.body.data.results.map((r: { error?: { code: string } }) => r.error?.code),
    ).toEqual(['UNKNOWN_EVENT_KIND', 'UNKNOWN_EVENT_KIND']);
  });

  it('dead letters an older cloud refused as unknown kinds go out again after the upgrade', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    await shop.syncNow();
    await shop.ok(
      'stock.receive',
      { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 5 }] },
      shop.ownerToken,
    );
    const row = shop.core.sqlite
      .prepare(`SELECT * FROM outbox WHERE topic = 'stock.received'`)
      .get() as {
      id: string;
      topic: string;
      entity_id: string;
      created_at: number;
      payload: string;
    };
    const pushed = {
      id: row.id,
      kind: row.topic,
      entityId: row.entity_id,
      occurredAt: row.created_at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    };
    // As an older cloud answered it: refused for good and stored with that answer...
    const refusal = {
      eventId: row.id,
      status: 'rejected' as const,
      seq: null,
      error: {
        code: 'UNKNOWN_EVENT_KIND',
        message: '未知的事件类型',
        details: { kind: row.topic },
      },
    };
    await appendEvents(cloud.database.db, [
      {
        merchantId: merchant.id,
        eventId: row.id,
        seq: null,
        deviceId: shop.deviceId,
        kind: row.topic,
        entityId: row.entity_id,
        occurredAt: row.created_at,
        payload: pushed.payload,
        payloadHash: eventHash(pushed),
        status: 'rejected',
        result: refusal,
        receivedAt: row.created_at,
      },
    ]);
    // ...and a dead letter at the shop.
    shop.core.sqlite
      .prepare(
        `INSERT INTO sync_issues (event_id, kind, event_kind, entity_id, error_code, error_message, created_at)
         VALUES (?, 'dead', ?, ?, 'UNKNOWN_EVENT_KIND', '未知的事件类型', ?)`,
      )
      .run(row.id, row.topic, row.entity_id, row.created_at);
    shop.core.sqlite
      .prepare('UPDATE outbox SET sent_at = ? WHERE id = ?')
      .run(row.created_at, row.id);
    expect(await shop.status()).toMatchObject({ deadLetterCount: 1, pendingCount: 0 });

    // The upgrade: the app starts again over the same data, and the next round takes it.
    await shop.core.close();
    const again = await testCore({ dataDir: shop.dataDir, config: { sync: testSyncConfig() } });
    const { token } = await again.ok('auth.login', { staffId: shop.ids.ownerId, pin: OWNER_PIN });
    expect(await again.ok('sync.status', {}, token)).toMatchObject({
      deadLetterCount: 0,
      pendingCount: 1,
    });
    expect(await again.ok('sync.now', {}, token)).toMatchObject({
      state: 'idle',
      deadLetterCount: 0,
      pendingCount: 0,
    });
    const reader = await cloud.pair(merchant.id, '审计读取');
    const pulled = await cloud.pull(reader.token, '?limit=1000');
    expect(pulled.events.map((e: { id: string }) => e.id)).toContain(row.id);
  });
});
