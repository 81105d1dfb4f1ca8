import { defaultSyncConfig, type SyncConfig } from '../../src-main/core/sync/config';
import type { TestCloud } from './cloud';
import { couponShop } from './coupons';

/** Short timings: rounds are driven by `sync.now` unless a test starts the schedule. */
export const testSyncConfig = (changes: Partial<SyncConfig> = {}): SyncConfig => ({
  ...defaultSyncConfig,
  autoStart: false,
  requestTimeoutMs: 2_000,
  backoffBaseMs: 50,
  backoffCapMs: 500,
  ...changes,
});

/** A shop with coupons, paired with the cloud (through `url`, a fault proxy or the cloud itself). */
export async function pairedShop(
  cloud: TestCloud,
  merchantId: string,
  name: string,
  options: { url?: string; sync?: Partial<SyncConfig> } = {},
) {
  const shop = await couponShop({ config: { sync: testSyncConfig(options.sync) } });
  const status = await shop.ok(
    'sync.pair',
    {
      cloudUrl: options.url ?? cloud.base,
      pairingCode: await cloud.pairingCode(merchantId),
      deviceName: name,
    },
    shop.ownerToken,
  );
  const syncNow = () => shop.ok('sync.now', {}, shop.ownerToken);
  const status_ = () => shop.ok('sync.status', {}, shop.ownerToken);
  return { ...shop, deviceId: status.deviceId!, syncNow, status: status_ };
}
export type PairedShop = Awaited<ReturnType<typeof pairedShop>>;

/** Every event id in the merchant's stream, as a fresh device pulls it (own ones included). */
export async function streamIds(cloud: TestCloud, merchantId: string): Promise<string[]> {
  const reader = await cloud.pair(merchantId, '审计读取');
  const ids: string[] = [];
  let cursor = '0';
  for (;;) {
    const page = await cloud.pull(reader.token, `?after=${cursor}&limit=1000`);
    ids.push(...page.events.map((e: { id: string }) => e.id));
    cursor = page.cursor;
    if (!page.hasMore) return ids;
  }
}
