// Desktop sync metrics (issue 8, desktop side): 100k outbox rows in a real shop database pushed
// by the desktop's sync client (batches of 1000, results recorded per event) to the reference
// cloud on 127.0.0.1, beside the cloud-only push of as many events measured as cloud.bench.ts
// does (pre-built batches POSTed straight to the cloud); then a second shop PC of the merchant
// pulls and applies those 100k changes (its product page size), beside a bare client paging
// through the same stream. BENCH_SYNC_EVENTS for another count.
import type { Core } from '../src-main/core';
import { defaultSyncConfig } from '../src-main/core/sync/config';
import { outboxEvent, post, startBenchCloud } from './cloud.bench';
import { round, type Metric } from './harness';
import { benchShop, must } from './support';

const TOTAL = Number(process.env.BENCH_SYNC_EVENTS ?? 100_000);
const BATCH = 1000;

/** The outbox as the services would have filled it, written in one go. */
function fillOutbox(core: Core) {
  const insert = core.sqlite.prepare(
    'INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at) VALUES (?, ?, ?, ?, ?, NULL)',
  );
  core.sqlite.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const event = outboxEvent(i);
      insert.run(
        event.id,
        event.kind,
        event.entityId,
        JSON.stringify(event.payload),
        event.occurredAt,
      );
    }
  })();
}

/** A shop PC of its own data directory, set up and paired with the bench cloud. */
async function pairedCore(cloud: Awaited<ReturnType<typeof startBenchCloud>>, name: string) {
  const shop = await benchShop('sync', {
    storeName: `基准门店${name}`,
    core: {
      config: {
        sync: {
          ...defaultSyncConfig,
          autoStart: false,
          batchSize: BATCH,
          requestTimeoutMs: 120_000,
        },
      },
    },
  });
  const { core, token } = shop;
  await must(
    core,
    'sync.pair',
    { cloudUrl: cloud.base, pairingCode: await cloud.pairingCode(), deviceName: `收银机${name}` },
    token,
  );
  // The pairing's own first round sends the setup's few rows.
  await must(core, 'sync.now', {}, token);
  return { core, token, close: shop.close };
}

/** A bare client paging through the merchant's stream: the cloud's share of a desktop pull. */
async function barePull(base: string, token: string, limit: number) {
  let pulled = 0;
  for (let cursor = '0'; ;) {
    const response = await fetch(`${base}/v1/sync/pull?after=${cursor}&limit=${limit}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { data } = (await response.json()) as {
      data: { events: unknown[]; cursor: string; hasMore: boolean };
    };
    pulled += data.events.length;
    cursor = data.cursor;
    if (!data.hasMore) return pulled;
  }
}

export async function syncBench(): Promise<Metric[]> {
  const cloud = await startBenchCloud();
  const shops: { close(): Promise<void> }[] = [];
  try {
    const pusher = await pairedCore(cloud, 'A');
    shops.push(pusher);
    const puller = await pairedCore(cloud, 'B');
    shops.push(puller);
    fillOutbox(pusher.core);

    let start = performance.now();
    const status = await must<{ pendingCount: number; lastError: string | null }>(
      pusher.core,
      'sync.now',
      {},
      pusher.token,
    );
    const desktopSeconds = (performance.now() - start) / 1000;
    if (status.pendingCount !== 0 || status.lastError)
      throw new Error(`sync left ${status.pendingCount} pending: ${status.lastError}`);

    // The other shop PC pulls and applies all of it, a page (its product size) per transaction.
    const applied = puller.core.sqlite.prepare('SELECT count(*) AS n FROM sync_applied');
    const appliedBefore = (applied.get() as { n: number }).n;
    start = performance.now();
    const pulled = await must<{ lastError: string | null }>(
      puller.core,
      'sync.now',
      {},
      puller.token,
    );
    const desktopPullSeconds = (performance.now() - start) / 1000;
    const appliedNow = (applied.get() as { n: number }).n - appliedBefore;
    if (pulled.lastError || appliedNow < TOTAL)
      throw new Error(`pull applied ${appliedNow} of ${TOTAL}: ${pulled.lastError}`);

    // The cloud alone, pulling: a bare client paging through the same stream.
    const pullLimit = defaultSyncConfig.pullLimit;
    start = performance.now();
    const barePulled = await barePull(cloud.base, await cloud.pair('C'), pullLimit);
    const barePullSeconds = (performance.now() - start) / 1000;
    if (barePulled < TOTAL) throw new Error(`the bare pull saw ${barePulled} of ${TOTAL}`);

    // The cloud alone, pushing: as many fresh events, pre-built batches POSTed by a bare client.
    const device = await cloud.pair('D');
    const batches: string[] = [];
    for (let i = 0; i < TOTAL; i += BATCH)
      batches.push(
        JSON.stringify({
          events: Array.from({ length: Math.min(BATCH, TOTAL - i) }, (_, j) => outboxEvent(i + j)),
        }),
      );
    start = performance.now();
    for (const batch of batches) await post(`${cloud.base}/v1/sync/push`, batch, device);
    const cloudSeconds = (performance.now() - start) / 1000;

    return [
      {
        name: `desktop sync push ${TOTAL} outbox events (batches of ${BATCH}, ${cloud.kind})`,
        unit: 's',
        value: round(desktopSeconds),
        baselineName: 'cloud-only push of as many events (cloud.bench method)',
        baseline: round(cloudSeconds),
        ratio: round(desktopSeconds / cloudSeconds),
        target: '<= 20 s',
        met: desktopSeconds <= 20,
        extra: {
          events: TOTAL,
          eventsPerSecond: Math.round(TOTAL / desktopSeconds),
          cloudOnlyEventsPerSecond: Math.round(TOTAL / cloudSeconds),
        },
      },
      {
        name: `desktop sync pull + apply ${TOTAL} changes (pages of ${pullLimit}, ${cloud.kind})`,
        unit: 's',
        value: round(desktopPullSeconds),
        baselineName: `bare client paging the same stream (pages of ${pullLimit})`,
        baseline: round(barePullSeconds),
        ratio: round(desktopPullSeconds / barePullSeconds),
        target: '<= 20 s',
        met: desktopPullSeconds <= 20,
        extra: {
          events: appliedNow,
          eventsPerSecond: Math.round(appliedNow / desktopPullSeconds),
          bareEventsPerSecond: Math.round(barePulled / barePullSeconds),
        },
      },
    ];
  } finally {
    for (const shop of shops) await shop.close();
    await cloud.close();
  }
}
