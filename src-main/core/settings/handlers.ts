import type { MethodName } from '../../../src-shared/contract';
import { AppError } from '../../../src-node/app-error';
import type { Logger } from '../../../src-node/logger';
import type { AuditService } from '../audit/service';
import type { SessionsService } from '../auth/sessions';
import type { HandlerMap } from '../platform/context';
import type { BackupService } from './backups';
import type { ShopControl } from './shop-control';
import type { ShopSettingsService } from './shop-settings';
import { APP_VERSION } from './version';

type SettingsMethods = Extract<MethodName, `settings.${string}` | `shop.${string}`>;

export function settingsHandlers(deps: {
  shopSettings: ShopSettingsService;
  backups: BackupService;
  audit: AuditService;
  sessions: SessionsService;
  logger: Logger;
  dataDir: string;
  databaseFile: string;
  shop: ShopControl | undefined;
}): Pick<HandlerMap, SettingsMethods> {
  const { shopSettings, backups, shop } = deps;
  const control = (): ShopControl => {
    if (!shop) throw new AppError('SHOP_SWITCH_UNAVAILABLE');
    return shop;
  };
  return {
    'settings.get': () => shopSettings.get(),
    'settings.update': (input, ctx) => shopSettings.update(ctx, input),
    'settings.system': () => ({
      version: APP_VERSION,
      dataDir: deps.dataDir,
      databaseFile: deps.databaseFile,
      backupsDir: backups.dir,
      demo: shopSettings.isDemo(),
      backups: backups.list(),
    }),
    'settings.backupNow': async (_input, ctx) => {
      const taken = await backups.take('manual');
      deps.audit.record(ctx, {
        action: 'settings.backup',
        targetType: 'backup',
        targetId: taken.fileName,
      });
      return taken;
    },
    'settings.restore': async (input, ctx) => {
      const host = control();
      if (shopSettings.isDemo()) throw new AppError('NOT_IN_DEMO_SHOP');
      const file = backups.file(input.fileName);
      backups.check(file);
      // What the shop is now stays beside the backups: a wrong choice can be undone.
      const safety = await backups.take('before-restore');
      deps.audit.record(ctx, {
        action: 'settings.restore',
        targetType: 'backup',
        targetId: input.fileName,
        details: { safetyCopy: safety.fileName },
      });
      deps.logger.info('restoring a backup', { file, safetyCopy: safety.fileName });
      host.restoreFrom(file);
      return { restored: true as const, safetyCopy: safety.fileName };
    },
    'shop.enterDemo': (_input, ctx) => {
      const host = control();
      if (shopSettings.isDemo()) return { demo: true as const };
      // The real shop's session ends here: the demo shop has its own staff.
      if (ctx.actor.kind === 'staff') deps.sessions.revoke(ctx.actor.sessionId, 'demo');
      host.switchTo('demo');
      return { demo: true as const };
    },
    'shop.leaveDemo': () => {
      const host = control();
      if (!shopSettings.isDemo()) throw new AppError('NOT_IN_DEMO_SHOP');
      host.switchTo('real');
      return { demo: false as const };
    },
  };
}
