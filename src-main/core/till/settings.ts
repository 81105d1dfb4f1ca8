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

/** The till's settings (rounding, receipt footer, drawer, handover threshold), in the database. */
export function readTillSettings(settings: SettingsService): TillSettings {
  return { ...DEFAULT_TILL_SETTINGS, ...settings.get<Partial<TillSettings>>(KEY) };
}

export function writeTillSettings(settings: SettingsService, value: TillSettings): void {
  settings.set(KEY, value);
}
