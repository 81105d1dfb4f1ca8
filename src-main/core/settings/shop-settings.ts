import { SETTING_KEYS, type ShopSettings } from '../../../src-shared/contract/settings';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import { merchant } from '../setup/schema';
import type { SettingsService } from './service';

/** Marks a database as the demo shop's (written once, when the demo shop is made). */
export const DEMO_SHOP_KEY = 'shop.demo';

const DEFAULTS = {
  receiptHeader: '',
  receiptFooter: '谢谢惠顾，欢迎再次光临',
  dayCutoff: '00:00',
  businessDistricts: {} as Record<string, string>,
  dailyBackup: true,
};

/** The owner's settings page: a few named rows of the settings table, and the merchant's name. */
export class ShopSettingsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  isDemo(): boolean {
    return this.settings.get<boolean>(DEMO_SHOP_KEY) === true;
  }

  dailyBackup(): boolean {
    return this.settings.get<boolean>(SETTING_KEYS.dailyBackup) ?? DEFAULTS.dailyBackup;
  }

  get(): ShopSettings {
    const read = <K extends keyof typeof SETTING_KEYS>(key: K) =>
      this.settings.get<ShopSettings[K]>(SETTING_KEYS[key]) ?? DEFAULTS[key];
    return {
      merchantName: this.adb.db.select().from(merchant).get()?.name ?? '',
      receiptHeader: read('receiptHeader'),
      receiptFooter: read('receiptFooter'),
      dayCutoff: read('dayCutoff'),
      businessDistricts: read('businessDistricts'),
      dailyBackup: read('dailyBackup'),
    };
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'settings.update'>): ShopSettings {
    this.adb.write(() => {
      const { merchantName, ...rest } = input;
      if (merchantName !== undefined)
        this.adb.db.update(merchant).set({ name: merchantName }).run();
      for (const [field, value] of Object.entries(rest) as [keyof typeof SETTING_KEYS, unknown][]) {
        if (value === undefined) continue;
        // A district cleared is a store without one, not an empty string kept forever.
        const stored =
          field === 'businessDistricts'
            ? Object.fromEntries(
                Object.entries({ ...this.get().businessDistricts, ...(value as object) }).filter(
                  ([, text]) => text !== '',
                ),
              )
            : value;
        this.settings.set(SETTING_KEYS[field], stored);
      }
      this.audit.record(ctx, {
        action: 'settings.update',
        targetType: 'settings',
        details: {
          fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined),
        },
      });
    });
    return this.get();
  }
}
