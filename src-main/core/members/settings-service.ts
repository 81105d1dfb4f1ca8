import type { MemberSettings } from '../../../src-shared/contract/members';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import { readMemberSettings, writeMemberSettings } from './settings';

/** memberSettings.get / save: the settings as a whole, each change audited. */
export class MemberSettingsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  get(): MemberSettings {
    return readMemberSettings(this.settings);
  }

  save(ctx: HandlerContext, input: Partial<MemberSettings>): MemberSettings {
    return this.adb.write(() => {
      const next = { ...this.get(), ...input };
      writeMemberSettings(this.settings, next);
      this.audit.record(ctx, {
        action: 'memberSettings.save',
        targetType: 'settings',
        targetId: 'members',
        details: input,
      });
      return next;
    });
  }
}
