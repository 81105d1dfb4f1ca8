import type { Automation, OutreachSettings } from '../../../src-shared/contract/outreach';
import type { SettingsService } from '../settings/service';

const SETTINGS_KEY = 'outreach.settings';
const AUTOMATIONS_KEY = 'outreach.automations';

export const DEFAULT_OUTREACH_SETTINGS: OutreachSettings = {
  signature: '',
  // What carriers and most merchants' own policies accept: about one text a week.
  capPer30Days: 4,
  pricePerPartFen: 5,
  summaryPhones: [],
};

/** The three automations, off until a manager turns one on (each texts real customers). */
export const DEFAULT_AUTOMATIONS: Automation[] = [
  {
    kind: 'expiryReminder',
    enabled: false,
    templateId: null,
    text: '您的优惠券将在 3 天后到期，别忘了到店使用。拒收请回复R',
    days: 3,
    holdoutPct: 10,
    lastRunDay: null,
  },
  {
    kind: 'birthday',
    enabled: false,
    templateId: null,
    text: '生日快乐！生日券已放入您的会员钱包，到店出示即可使用。拒收请回复R',
    days: 1,
    holdoutPct: 10,
    lastRunDay: null,
  },
  {
    kind: 'winBack',
    enabled: false,
    templateId: null,
    text: '好久不见！送您一张回店优惠券，已放入会员钱包。拒收请回复R',
    days: 60,
    holdoutPct: 10,
    lastRunDay: null,
  },
];

export function readOutreachSettings(settings: SettingsService): OutreachSettings {
  return { ...DEFAULT_OUTREACH_SETTINGS, ...settings.get<Partial<OutreachSettings>>(SETTINGS_KEY) };
}

export function writeOutreachSettings(settings: SettingsService, value: OutreachSettings): void {
  settings.set(SETTINGS_KEY, value);
}

export function readAutomations(settings: SettingsService): Automation[] {
  const saved = settings.get<Automation[]>(AUTOMATIONS_KEY) ?? [];
  return DEFAULT_AUTOMATIONS.map((d) => ({ ...d, ...saved.find((a) => a.kind === d.kind) }));
}

export function writeAutomations(settings: SettingsService, value: Automation[]): void {
  settings.set(AUTOMATIONS_KEY, value);
}
