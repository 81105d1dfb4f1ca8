import type { MemberSettings } from '../../../src-shared/contract/members';
import type { SettingsService } from '../settings/service';

const KEY = 'members.settings';

export const DEFAULT_MEMBER_SETTINGS: MemberSettings = {
  earnPointsPerYuan: 1,
  pointsPerYuan: 100,
  excludedCategories: [],
  expiry: { kind: 'endOfNextYear' },
  pendingDays: 0,
  dailyBurnCap: 0,
  welcomeTemplateId: null,
  birthdayTemplateId: null,
  birthdayDaysBefore: 3,
  exchanges: [],
  consentTexts: {
    marketingSms: '同意接收本店的优惠活动短信（可随时回复 R 退订或在店内撤回）',
    location: '同意本店使用我的大致位置推荐附近门店的优惠（可随时撤回）',
    profiling: '同意本店根据我的消费记录为我推荐商品和优惠（可随时撤回）',
  },
};

// Read on every member sale: kept per connection, dropped when written (only here).
const cache = new WeakMap<SettingsService, MemberSettings>();

/** The member settings (earn, value and expiry of points, coupons, consent texts). */
export function readMemberSettings(settings: SettingsService): MemberSettings {
  let value = cache.get(settings);
  if (!value) {
    value = { ...DEFAULT_MEMBER_SETTINGS, ...settings.get<Partial<MemberSettings>>(KEY) };
    cache.set(settings, value);
  }
  return value;
}

export function writeMemberSettings(settings: SettingsService, value: MemberSettings): void {
  settings.set(KEY, value);
  cache.delete(settings);
}
