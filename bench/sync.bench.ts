// Desktop sync metrics (issue 8, desktop side): 100k outbox rows in a real shop database pushed
// by the desktop's sync client (batches of 1000, results recorded per event) to the reference
// cloud on 127.0.0.1, beside the cloud-only push of as many events measured as cloud.bench.ts
// does (pre-built batches POSTed straight to the cloud). BENCH_SYNC_EVENTS for another count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { defaultSyncConfig } from '../src-main/core/sync/config';
import { createMemoryLogger } from '../src-main/core/platform/logger';
import { outboxEvent, post, startBenchCloud } from './cloud.bench';
import { round, type Metric } from './harness';

const TOTAL = Number(process.env.BENCH_SYNC_EVENTS ?? 100_000);
const BATCH = 1000;

async function must<T>(core: Core, method: string, input: unknown, credential?: string) {
  const result = await core.call(method, input, { credential, source: 'app' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

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

export async function syncBench(): Promise<Metric[]> {
  const cloud = await startBenchCloud();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-sync-bench-'));
  const core = await createCore({
    dataDir,
    logger: createMemoryLogger(),
    config: {
      sync: { ...defaultSyncConfig, autoStart: false, batchSize: BATCH, requestTimeoutMs: 120_000 },
    },
  });
  try {
    const { ownerId } = await must<{ ownerId: string }>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: '基准门店', districtCode: '320102' },
      owner: { name: '基准店主', pin: '123456' },
    });
    const { token } = await must<{ token: string }>(core, 'auth.login', {
      staffId: ownerId,
      pin: '123456',
    });
    await must(
      core,
      'sync.pair',
      {
        cloudUrl: cloud.base,
        pairingCode: await cloud.pairingCode(),
        deviceName: '基准收银机',
      },
      token,
    );
    // The pairing's own first round sends the setup's few rows; then the bulk.
    await must(core, 'sync.now', {}, token);
    fillOutbox(core);

    let start = performance.now();
    const status = await must<{ pendingCount: number; lastError: string | null }>(
      core,
      'sync.now',
      {},
      token,
    );
    const desktopSeconds = (performance.now() - start) / 1000;
    if (status.pendingCount !== 0 || status.lastError)
      throw new Error(`sync left ${status.pendingCount} pending: ${status.lastError}`);

    // The cloud alone: as many fresh events, pre-built batches POSTed by a bare client.
    const device = await cloud.pair('B');
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
    ];
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await cloud.close();
  }
}
