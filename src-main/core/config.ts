// The core's settings: one object handed to createCore, read by the features it builds. It sits at
// the top of the core (beside index.ts) because it names features' settings (sync), which the
// bottom layer (platform, db) may not import.
import { defaultPinThrottleConfig, type PinThrottleConfig } from './auth/pin-throttle';
import { defaultSyncConfig, type SyncConfig } from './sync/config';

/** Timings, limits and thresholds of the core (tests shorten timings and lower thresholds). */
export interface CoreConfig {
  /** A session unused this long is over (12 h). */
  sessionIdleMs: number;
  /** Wrong PINs in a row before the staff member is locked. */
  pinMaxAttempts: number;
  /** The first lock-out; each one after it (without a right PIN between) doubles, up to the max. */
  pinLockMs: number;
  pinLockMaxMs: number;
  /** Wrong PINs per source (session, terminal, window, address) and per minute from the network. */
  pinThrottle: PinThrottleConfig;
  /** How long after a redemption a manager may still void it (30 min). */
  voidWindowMs: number;
  /** Check every answer against the contract too (on in tests and development). */
  validateOutputs: boolean;
  /** Cloud sync timings and batch sizes (tests shorten them). */
  sync: SyncConfig;
  /** From what size imports and the full alert pass leave the main thread (tests lower them). */
  inventoryWorker: { minImportChars: number; minAlertLevels: number };
  /** How long after start the top-consumer slices are read ahead; null: not at all (tests). */
  analytics: { warmUpDelayMs: number | null };
}

/** The defaults; createCore's `config` option overrides them key by key. */
export const defaultCoreConfig: CoreConfig = {
  sessionIdleMs: 12 * 60 * 60 * 1000,
  pinMaxAttempts: 5,
  pinLockMs: 5 * 60 * 1000,
  pinLockMaxMs: 30 * 60 * 1000,
  pinThrottle: defaultPinThrottleConfig,
  voidWindowMs: 30 * 60 * 1000,
  validateOutputs: false,
  sync: defaultSyncConfig,
  // About 2,000 product rows of CSV; a shop with 20k stock levels has a pass worth moving.
  inventoryWorker: { minImportChars: 200_000, minAlertLevels: 20_000 },
  // Past the first screens: the reading ahead then competes with nobody.
  analytics: { warmUpDelayMs: 10_000 },
};
