import type { TillSettings } from '../../../src-shared/contract/till';
import type { SettingsService } from '../settings/service';

const KEY = 'till.settings';

export const DEFAULT_TILL_SETTINGS: TillSettings = {
  cashRounding: 'fen',
  receiptFooter: '谢谢惠顾，欢迎再来！',
  kickDrawerOnCash: true,
  // A handover off by more than ¥2 needs a manager's PIN.
  handoverThresholdFen: 200,
};

// Read on every cash sale: kept per connection, dropped when they are written (only here).
const cache = new WeakMap<SettingsService, TillSettings>();

/** The till's settings (rounding, receipt footer, drawer, handover threshold), in the database. */
export function readTillSettings(settings: SettingsService): TillSettings {
  let value = cache.get(settings);
  if (!value) {
    value = { ...DEFAULT_TILL_SETTINGS, ...settings.get<Partial<TillSettings>>(KEY) };
    cache.set(settings, value);
  }
  return value;
}

export function writeTillSettings(settings: SettingsService, value: TillSettings): void {
  settings.set(KEY, value);
  cache.delete(settings);
}
