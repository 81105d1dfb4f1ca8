import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { pairedShop, streamIds, type PairedShop } from '../../support/sync';
import { CloudClient, CloudError } from '../../../src-main/core/sync/cloud-client';
import { isWeakPin } from '../../../src-shared/auth/weak-pin';

/** Outbox rows the shop has made (every one must reach the cloud exactly once). */
const outboxIds = (shop: PairedShop) =>
  (shop.core.sqlite.prepare('SELECT id FROM outbox ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );

/** A distinct PIN for the i-th staff member that the weak-PIN rule accepts. */
function pinFor(i: number): string {
  for (let pin = 304817 + i * 97; ; pin++) if (!isWeakPin(String(pin))) return String(pin);
}

/** n changes the cloud must learn: each staff member added is one outbox row. */
async function makeChanges(shop: PairedShop, n: number, prefix: string) {
  for (let i = 0; i < n; i++)
    await shop.ok(
      'staff.create',
      { name: `${prefix}${i}`, role: 'cashier', pin: pinFor(i) },
      shop.ownerToken,
    );
}

async function expectStreamHoldsExactly(cloud: TestCloud, merchantId: string, shop: PairedShop) {
  const stream = await streamIds(cloud, merchantId);
  expect(new Set(stream).size).toBe(stream.length);
  expect(stream.sort()).toEqual(outboxIds(shop).sort());
}

describeOnEachBackend('sync under faults', (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(backend, (started) => ({ cloud, proxy } = started));
  beforeEach(() => {
    Object.assign(proxy.faults, {
      down: false,
      fail500: 0,
      fail429: 0,
      loseAnswer: 0,
      delayMs: 0,
      path: '/v1/sync/push',
      poison: null,
    });
  });

  it('cloud down for a while: the queue grows, nothing is lost, it drains once with no duplicate', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { batchSize: 7 },
    });
    proxy.faults.down = true;
    await makeChanges(shop, 10, '甲');
    const first = await shop.syncNow();
    await makeChanges(shop, 10, '乙');
    const second = await shop.syncNow();
    expect(first.state).toBe('offline');
    expect(second.pendingCount).toBeGreaterThan(first.pendingCount);
    expect(second.pendingCount).toBe(outboxIds(shop).length);

    proxy.faults.down = false;
    const drained = await shop.syncNow();
    expect(drained).toMatchObject({ state: 'idle', pendingCount: 0, lastError: null });
    await expectStreamHoldsExactly(cloud, merchant.id, shop);
  });

  it('500s and answers lost mid-batch are retried; idempotency keeps every event once', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { batchSize: 5 },
    });
    await makeChanges(shop, 23, '丙');
    // Second batch: a 500; third: the cloud commits but the answer never arrives.
    proxy.faults.fail500 = 1;
    proxy.faults.loseAnswer = 1;
    const failed = await shop.syncNow();
    expect(failed.state).toBe('offline');
    const again = await shop.syncNow();
    const last = again.pendingCount ? await shop.syncNow() : again;
    expect(last).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });
    expect(proxy.pushes().some((p) => p.status === 500)).toBe(true);
    expect(proxy.pushes().some((p) => p.status === 'lost')).toBe(true);
    await expectStreamHoldsExactly(cloud, merchant.id, shop);
  });

  it('a slow cloud is waited for; one slower than the timeout is retried', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { requestTimeoutMs: 1_000 },
    });
    await makeChanges(shop, 3, '丁');
    proxy.faults.delayMs = 400;
    expect(await shop.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0 });
    await makeChanges(shop, 2, '戊');
    proxy.faults.delayMs = 1_500;
    const timedOut = await shop.syncNow();
    expect(timedOut.state).toBe('offline');
    expect(timedOut.lastError).toMatch(/NETWORK/);
    proxy.faults.delayMs = 0;
    expect(await shop.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0 });
    await expectStreamHoldsExactly(cloud, merchant.id, shop);
  });

  it('a token revoked by the admin: state revoked, no more pushes, the outbox kept for a re-pair', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await shop.syncNow();
    await cloud.admin('POST', `/v1/admin/merchants/${merchant.id}/devices/${shop.deviceId}/revoke`);
    await makeChanges(shop, 2, '己');
    const revoked = await shop.syncNow();
    expect(revoked).toMatchObject({ state: 'revoked', pendingCount: 2 });
    expect(revoked.lastError).toMatch(/UNAUTHENTICATED/);
    const pushesBefore = proxy.pushes().length;
    expect((await shop.syncNow()).state).toBe('revoked');
    expect(proxy.pushes().length).toBe(pushesBefore);

    // Pairing again (a new code) sends what waited.
    const repaired = await shop.ok(
      'sync.pair',
      {
        cloudUrl: proxy.url,
        pairingCode: await cloud.pairingCode(merchant.id),
        deviceName: '一号店',
      },
      shop.ownerToken,
    );
    expect(repaired.state).not.toBe('revoked');
    expect(await shop.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0 });
    await expectStreamHoldsExactly(cloud, merchant.id, shop);
  });

  it('closing the core cuts a round off at once (the request is aborted, the queue kept)', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { requestTimeoutMs: 30_000 },
    });
    await shop.syncNow();
    await makeChanges(shop, 3, '辛');
    proxy.faults.delayMs = 20_000;
    const round = shop.syncNow().catch((error: unknown) => error);
    // The push is now held by the slow cloud.
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await shop.core.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await round;
  });

  it('429: the client reads Retry-After; the round keeps the queue, "sync now" waits what the cloud asked, then drains it', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await shop.syncNow();
    const link = shop.core.services.sync.link.get()!;
    proxy.faults.path = '/v1/sync/pull';
    proxy.faults.fail429 = 1;
    const client = new CloudClient({
      baseUrl: proxy.url,
      token: link.token,
      timeoutMs: 2000,
      lang: 'zh-CN',
    });
    const refused = await client
      .call('sync.pull', { query: { after: '0', limit: '1' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CloudError);
    expect(refused).toMatchObject({ failure: 'rateLimited', retryAfterMs: 2000 });

    await makeChanges(shop, 2, '壬');
    proxy.faults.path = '/v1/sync/push';
    proxy.faults.fail429 = 1;
    const limited = await shop.syncNow();
    expect(limited).toMatchObject({ pendingCount: 2 });
    expect(limited.lastError).toMatch(/RATE_LIMITED/);
    expect(limited).toMatchObject({ retryNotBefore: shop.clock.now() + 2000, failedRounds: 1 });

    // A manager presses "sync now" at once: the cloud is not called before its Retry-After.
    const requests = proxy.seen.length;
    shop.clock.advance(1500);
    const waiting = await shop.syncNow();
    expect(proxy.seen.length).toBe(requests);
    expect(waiting).toMatchObject({ pendingCount: 2, retryNotBefore: limited.retryNotBefore });
    shop.clock.advance(501);
    expect(await shop.syncNow()).toMatchObject({
      pendingCount: 0,
      lastError: null,
      retryNotBefore: null,
      failedRounds: 0,
    });
    await expectStreamHoldsExactly(cloud, merchant.id, shop);
  });

  it('"sync now" skips the backoff after failures but counts its own failure; only a success ends it', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await shop.syncNow(); // the pairing's own round is over before the faults begin
    await makeChanges(shop, 1, '子');
    proxy.faults.fail500 = 2;
    const pushes = proxy.pushes().length;
    expect(await shop.syncNow()).toMatchObject({ failedRounds: 1, retryNotBefore: null });
    // No Retry-After: the demand runs at once, and its failure lengthens the backoff.
    expect(await shop.syncNow()).toMatchObject({ failedRounds: 2, pendingCount: 1 });
    expect(proxy.pushes().length).toBe(pushes + 2);
    expect(await shop.syncNow()).toMatchObject({ failedRounds: 0, pendingCount: 0 });
  });

  it('a change the cloud refuses for good is dead-lettered once; "sync now" leaves it there until a manager acts', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await shop.syncNow();
    // A kind this cloud does not know (a newer desktop's change): rejected, not retried.
    const eventId = '019a0000-0000-7000-8000-00000000dead';
    shop.core.sqlite
      .prepare(
        "INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at) VALUES (?, 'loyalty.changed', 'x', '{}', ?, NULL)",
      )
      .run(eventId, shop.clock.now());
    await makeChanges(shop, 1, '丑');
    expect(await shop.syncNow()).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    const [dead] = await shop.ok('sync.deadLetters', {}, shop.ownerToken);
    expect(dead).toMatchObject({
      eventId,
      eventKind: 'loyalty.changed',
      errorCode: 'UNKNOWN_EVENT_KIND',
    });

    const pushes = proxy.pushes().length;
    expect(await shop.syncNow()).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    expect(await shop.syncNow()).toMatchObject({ deadLetterCount: 1, failedRounds: 0 });
    expect(proxy.pushes().length).toBe(pushes); // nothing pushed again

    // Retried by a manager: pushed once more, refused once more, dead again.
    await shop.ok('sync.retryDeadLetter', { eventId }, shop.ownerToken);
    expect(await shop.syncNow()).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    expect(proxy.pushes().length).toBe(pushes + 1);
    await shop.ok('sync.discardDeadLetter', { eventId }, shop.ownerToken);
    expect(await shop.syncNow()).toMatchObject({ deadLetterCount: 0 });
    expect(proxy.pushes().length).toBe(pushes + 1);
  });

  it('a row the cloud cannot store (a NUL from an older desktop) is set aside alone; the changes after it go through in the same round', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { batchSize: 10 },
    });
    await shop.syncNow();
    const eventId = '019a0000-0000-7000-8000-0000000000a0';
    shop.core.sqlite
      .prepare(
        "INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at) VALUES (?, 'stock.moved', 'doc', ?, ?, NULL)",
      )
      .run(eventId, JSON.stringify({ note: 'to\u0000day' }), shop.clock.now());
    await makeChanges(shop, 3, '卯');
    expect(await shop.syncNow()).toMatchObject({
      state: 'idle',
      pendingCount: 0,
      deadLetterCount: 1,
    });
    const [dead] = await shop.ok('sync.deadLetters', {}, shop.ownerToken);
    expect(dead).toMatchObject({ eventId, errorCode: 'UNSAFE_TEXT' });
    const stream = await streamIds(cloud, merchant.id);
    expect(stream).not.toContain(eventId);
    expect(stream.sort()).toEqual(
      outboxIds(shop)
        .filter((id) => id !== eventId)
        .sort(),
    );
  });

  it('a batch the cloud fails on with 5xx is sent one by one: the event it breaks on is dead-lettered, the rest goes on; a cloud that fails them all is an outage', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', {
      url: proxy.url,
      sync: { batchSize: 10 },
    });
    await shop.syncNow();
    await makeChanges(shop, 2, '辰');
    const eventId = '019a0000-0000-7000-8000-0000000000b0';
    shop.core.sqlite
      .prepare(
        "INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at) VALUES (?, 'staff.changed', 'x', ?, ?, NULL)",
      )
      .run(eventId, JSON.stringify({ name: 'BREAKS-THE-CLOUD' }), shop.clock.now());
    await makeChanges(shop, 2, '巳');
    proxy.faults.poison = 'BREAKS-THE-CLOUD';
    expect(await shop.syncNow()).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    const [dead] = await shop.ok('sync.deadLetters', {}, shop.ownerToken);
    expect(dead).toMatchObject({ eventId, errorCode: 'INTERNAL' });
    expect((await streamIds(cloud, merchant.id)).sort()).toEqual(
      outboxIds(shop)
        .filter((id) => id !== eventId)
        .sort(),
    );

    // Down for everyone: nothing is dead-lettered, the round fails and the queue waits.
    proxy.faults.poison = null;
    await makeChanges(shop, 4, '午');
    proxy.faults.fail500 = 100;
    const failedBefore = proxy.pushes().filter((p) => p.status === 500).length;
    const outage = await shop.syncNow();
    expect(outage).toMatchObject({ state: 'offline', pendingCount: 4, deadLetterCount: 1 });
    // The batch, then a few of its events one by one: not one request per event.
    expect(proxy.pushes().filter((p) => p.status === 500).length - failedBefore).toBe(4);
    proxy.faults.fail500 = 0;
    expect(await shop.syncNow()).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
  });

  it('a manager rotates the device token: the old one stops working, syncing goes on', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    const link = () => shop.core.services.sync.link.get()!;
    const old = link().token;
    expect((await shop.fails('sync.rotateToken', {}, shop.cashierToken)).code).toBe('FORBIDDEN');

    const status = await shop.ok('sync.rotateToken', {}, shop.ownerToken);
    expect(status.state).toBe('idle');
    expect(link().token).not.toBe(old);
    expect(link().nextToken).toBeNull();
    expect((await cloud.request('GET', '/v1/device', { token: old })).status).toBe(401);
    expect((await cloud.request('GET', '/v1/device', { token: link().token })).status).toBe(200);
    await makeChanges(shop, 2, '癸');
    expect(await shop.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0, lastError: null });
    const audit = await shop.ok('audit.list', { action: 'sync.rotateToken' }, shop.ownerToken);
    expect(audit.items).toHaveLength(1);

    await shop.ok('sync.unpair', {}, shop.ownerToken);
    expect((await shop.fails('sync.rotateToken', {}, shop.ownerToken)).code).toBe(
      'SYNC_NOT_PAIRED',
    );
  });

  it('a rotated token whose first use is lost is kept and taken up by the next round', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    const link = () => shop.core.services.sync.link.get()!;
    const old = link().token;
    // The cloud rotates; the confirming call (GET /v1/device with the new token) gets a 500.
    proxy.faults.path = /^\/v1\/device$/;
    proxy.faults.fail500 = 1;
    await shop.ok('sync.rotateToken', {}, shop.ownerToken);
    expect(link()).toMatchObject({ token: old });
    expect(link().nextToken).toMatch(/^sdc_/);
    // The old token still works until the new one is used…
    expect((await cloud.request('GET', '/v1/device', { token: old })).status).toBe(200);
    // …which the next round does.
    expect(await shop.syncNow()).toMatchObject({ state: 'idle', lastError: null });
    expect(link().nextToken).toBeNull();
    expect(link().token).not.toBe(old);
    expect((await cloud.request('GET', '/v1/device', { token: old })).status).toBe(401);
  });

  it('the desktop process killed in the middle of a push: restart resumes, nothing lost or doubled', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await makeChanges(shop, 60, '庚');
    const dataDir = shop.dataDir;
    await shop.core.close();

    // The child pushes batches of 20 through a slow cloud; it is killed while a push is in
    // flight (the cloud commits that batch, the child never records the answer).
    proxy.faults.delayMs = 300;
    const pushesBefore = proxy.pushes().length;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('test', 'support', 'sync-process.ts'), dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    while (proxy.pushes().length < pushesBefore + 2) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // the third batch is on its way
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    proxy.faults.delayMs = 0;

    const restarted = await pairedShopAgain(dataDir);
    const status = await restarted.ok('sync.status', {}, restarted.token);
    expect(status.pendingCount).toBeGreaterThan(0);
    expect(await restarted.ok('sync.now', {}, restarted.token)).toMatchObject({ pendingCount: 0 });
    const stream = await streamIds(cloud, merchant.id);
    expect(new Set(stream).size).toBe(stream.length);
    const ids = (
      restarted.core.sqlite.prepare('SELECT id FROM outbox').all() as { id: string }[]
    ).map((r) => r.id);
    expect(stream.sort()).toEqual(ids.sort());
  }, 60_000);
});

/** The same data dir opened again, the owner logged in. */
async function pairedShopAgain(dataDir: string) {
  const { testCore, OWNER_PIN } = await import('../../support/core');
  const { testSyncConfig } = await import('../../support/sync');
  const t = await testCore({ dataDir, config: { sync: testSyncConfig() } });
  const owner = t.core.sqlite.prepare("SELECT id FROM staff WHERE role = 'owner'").get() as {
    id: string;
  };
  const { token } = await t.ok('auth.login', { staffId: owner.id, pin: OWNER_PIN });
  return { ...t, token };
}
