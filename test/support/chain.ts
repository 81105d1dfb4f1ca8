import type { CoreConfig } from '../../src-main/core';
import { startCloud, type CloudBackend } from './cloud';
import type { TestCloud } from './cloud';
import { couponShop } from './coupons';
import { testSyncConfig } from './sync';

// A chain of shops on one real cloud, for the ledger tests: like `pairedShop` (test/support/
// sync.ts), with sessions that outlive the days a test moves through and a void window of days,
// so voids land on other days than their redemptions.

const DAY = 86_400_000;

/** Shop settings a long random run needs: sessions last, voids allowed for three days. */
export const chainCoreConfig = (): Partial<CoreConfig> => ({
  sessionIdleMs: 365 * DAY,
  voidWindowMs: 3 * DAY,
  sync: testSyncConfig(),
});

/** A cloud whose rate limits let a test pair dozens of tills and pay many consumers from one address. */
export const startChainCloud = (backend: CloudBackend) =>
  startCloud(backend, {
    config: (config) => {
      config.rateLimits.public = { capacity: 100_000, refillPerSecond: 100_000 };
      config.rateLimits.device = { capacity: 100_000, refillPerSecond: 100_000 };
    },
  });

/** A coupon shop (products, cashier, templates helper) paired with the cloud. */
export async function chainShop(cloud: TestCloud, merchantId: string, name: string) {
  const shop = await couponShop({ config: chainCoreConfig() });
  const status = await shop.ok(
    'sync.pair',
    { cloudUrl: cloud.base, pairingCode: await cloud.pairingCode(merchantId), deviceName: name },
    shop.ownerToken,
  );
  /** A sync round (push, then pull); fails the test unless it ended well. */
  async function syncNow() {
    const after = await shop.ok('sync.now', {}, shop.ownerToken);
    if (after.state !== 'idle' || after.lastError)
      throw new Error(`sync at ${name} ended ${after.state}: ${String(after.lastError)}`);
    return after;
  }
  // These tills decide redemptions on their own, as tills the cloud does not answer in time:
  // the conflicts the ledgers must survive come from that path (the cloud asked first has its
  // own test, test/unit/sync/online-claims.test.ts).
  const settings = await shop.ok('sync.getSettings', {}, shop.ownerToken);
  await shop.ok('sync.setSettings', { ...settings, onlineClaimTimeoutMs: 0 }, shop.ownerToken);
  // Pairing starts a round in the background: let it end, so every later round is the test's.
  await syncNow();
  return { ...shop, name, deviceId: status.deviceId!, syncNow };
}
export type ChainShop = Awaited<ReturnType<typeof chainShop>>;
