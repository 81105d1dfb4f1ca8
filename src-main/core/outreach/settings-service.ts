import type { OutreachSettings } from '../../../src-shared/contract/outreach';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import { readOutreachSettings, writeOutreachSettings } from './settings';

/** outreach.settings / saveSettings: the signature, cap, price and summary phones, audited. */
export class OutreachSettingsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  get(): OutreachSettings {
    return readOutreachSettings(this.settings);
  }

  save(ctx: HandlerContext, input: OutreachSettings): OutreachSettings {
    return this.adb.write(() => {
      writeOutreachSettings(this.settings, input);
      this.audit.record(ctx, {
        action: 'outreach.saveSettings',
        targetType: 'settings',
        targetId: 'outreach',
        details: { signature: input.signature, capPer30Days: input.capPer30Days },
      });
      return input;
    });
  }
}
