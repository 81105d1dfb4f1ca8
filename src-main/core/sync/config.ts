import type { SyncSettings } from '../../../src-shared/contract/sync';
import type { SettingsService } from '../settings/service';

export interface SyncConfig {
  requestTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Events per push (the cloud takes up to 1000 and 1 MiB). */
  batchSize: number;
  pullLimit: number;
  /** Off in tests that drive rounds with `sync.now` only. */
  autoStart: boolean;
}

export const defaultSyncConfig: SyncConfig = {
  requestTimeoutMs: 15_000,
  backoffBaseMs: 2_000,
  backoffCapMs: 5 * 60_000,
  batchSize: 500,
  // A page is applied in one transaction: ~10 ms for 500 relayed events (bench/sync.bench.ts),
  // so the main thread stays responsive while fewer, larger pages spare the cloud round trips.
  pullLimit: 500,
  autoStart: true,
};

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  intervalSeconds: 60,
  offlineMaxCountPerDay: 20,
  offlineMaxFenPerDay: 50_000,
  onlineClaimTimeoutMs: 800,
};
export const SYNC_SETTINGS_KEY = 'sync.settings';

export const readSyncSettings = (settings: SettingsService): SyncSettings => ({
  ...DEFAULT_SYNC_SETTINGS,
  ...settings.get<Partial<SyncSettings>>(SYNC_SETTINGS_KEY),
});
