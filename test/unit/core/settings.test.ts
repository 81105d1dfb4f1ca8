import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core';
import { KEPT_DAILY_BACKUPS } from '../../../src-main/core/settings/backups';
import { DEMO_FOLDER, ShopHost } from '../../../src-main/core/shop-host';
import { DEMO_STAFF_PIN } from '../../../src-shared/auth/demo';
import { ManualClock } from '../../../src-node/clock';
import { createMemoryLogger } from '../../../src-node/logger';
import { initializedShop, setupInput, START, tempDir } from '../../support/core';

const DAY = 24 * 60 * 60 * 1000;

describe('the settings page', () => {
  it('keeps receipt texts, the day cut-off and districts under plain keys; only the owner changes them', async () => {
    const { ok, fails, core, ownerToken, ids } = await initializedShop();
    const defaults = await ok('settings.get', {}, ownerToken);
    expect(defaults).toMatchObject({
      merchantName: '鲜果优选',
      dayCutoff: '00:00',
      dailyBackup: true,
    });

    const saved = await ok(
      'settings.update',
      {
        merchantName: '鲜果优选（新街口）',
        receiptHeader: '鲜果优选 电话 025-8888',
        receiptFooter: '谢谢惠顾，7 天内凭小票退换',
        dayCutoff: '04:00',
        businessDistricts: { [ids.storeId]: '新街口商圈' },
      },
      ownerToken,
    );
    expect(saved.businessDistricts).toEqual({ [ids.storeId]: '新街口商圈' });
    // The till's receipt reads these rows by name.
    const settings = core.services.settings;
    expect(settings.get('receipt.footer')).toBe('谢谢惠顾，7 天内凭小票退换');
    expect(settings.get('receipt.header')).toBe('鲜果优选 电话 025-8888');
    expect(settings.get('business.dayCutoff')).toBe('04:00');
    expect((await ok('auth.loginOptions', {})).merchantName).toBe('鲜果优选（新街口）');

    expect((await fails('settings.update', { dayCutoff: '25:00' }, ownerToken)).code).toBe(
      'VALIDATION_FAILED',
    );
    const cashier = await ok(
      'staff.create',
      { name: '小李', role: 'cashier', pin: '135790', storeId: ids.storeId },
      ownerToken,
    );
    const cashierToken = (await ok('auth.login', { staffId: cashier.id, pin: '135790' })).token;
    expect((await fails('settings.update', { receiptFooter: 'x' }, cashierToken)).code).toBe(
      'FORBIDDEN',
    );
    // Everyone reads them (the till prints the footer).
    expect((await ok('settings.get', {}, cashierToken)).receiptFooter).toContain('谢谢惠顾');
  });

  it('backs up on the button and once a day, keeps 7 daily ones, and refuses a file that is not a StoreDesk backup', async () => {
    const { ok, fails, core, clock, ids, dataDir, ...shop } = await initializedShop();
    let ownerToken = shop.ownerToken;
    const manual = await ok('settings.backupNow', {}, ownerToken);
    expect(manual.kind).toBe('manual');
    expect(fs.existsSync(path.join(dataDir, 'backups', manual.fileName))).toBe(true);

    const backups = core.services.backups;
    for (let day = 0; day < 10; day++) {
      expect(await backups.dailyIfDue()).not.toBeNull();
      // Within the day: nothing more.
      clock.advance(60 * 60 * 1000);
      expect(await backups.dailyIfDue()).toBeNull();
      clock.advance(DAY);
    }
    const daily = backups.list().filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(KEPT_DAILY_BACKUPS);
    expect(daily[0]!.createdAt).toBeGreaterThan(daily[6]!.createdAt);
    // Ten days on, the owner logs in again.
    ownerToken = (await ok('auth.login', { staffId: ids.ownerId, pin: setupInput.owner.pin }))
      .token;
    const system = await ok('settings.system', {}, ownerToken);
    expect(system.backups.map((b) => b.kind)).toContain('manual');
    expect(system).toMatchObject({ dataDir, demo: false, version: expect.any(String) });

    fs.writeFileSync(path.join(dataDir, 'backups', 'notes.db'), 'not a database at all');
    // Restoring needs the shop host; the check comes first.
    const refused = await fails('settings.restore', { fileName: 'notes.db' }, ownerToken);
    expect(refused.code).toBe('SHOP_SWITCH_UNAVAILABLE');
    expect(() => backups.check(path.join(dataDir, 'backups', 'notes.db'))).toThrow(
      'BACKUP_NOT_STOREDESK',
    );
    expect(() => backups.check(path.join(dataDir, 'backups', manual.fileName))).not.toThrow();
  });

  it('puts no demo data into a real shop', async () => {
    const { fails, ownerToken } = await initializedShop();
    expect((await fails('demo.generate', { days: 14 }, ownerToken)).code).toBe('NOT_A_DEMO_SHOP');
  });
});

describe('the login list', () => {
  it("shows this store's staff first, the last to log in at the top", async () => {
    const { ok, ownerToken, ids, clock } = await initializedShop();
    const other = await ok(
      'stores.create',
      { name: '鲜果优选 夫子庙店', districtCode: '320104' },
      ownerToken,
    );
    const person = (name: string, storeId: string) =>
      ok('staff.create', { name, role: 'cashier', pin: '135790', storeId }, ownerToken);
    const far = await person('阿远', other.id);
    const first = await person('阿甲', ids.storeId);
    const newest = await person('阿新', ids.storeId);
    clock.advance(60_000);
    await ok('auth.login', { staffId: newest.id, pin: '135790' });
    const list = (await ok('auth.loginOptions', {})).staff;
    expect(list.map((p) => p.name)).toEqual(['阿新', '王店主', '阿甲', '阿远']);
    expect(list.find((p) => p.id === far.id)!.atThisStore).toBe(false);
    expect(list.find((p) => p.id === first.id)!.atThisStore).toBe(true);
  });
});

describe('the demo shop and restoring a backup', () => {
  const hosts: ShopHost[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close();
  });

  it('opens in its own folder, is marked, stamps nothing after now, and leaves the real shop untouched', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(START);
    const host = await ShopHost.open({
      dataDir,
      clock,
      logger: createMemoryLogger(),
      demoDays: 14,
      config: { analytics: { warmUpDelayMs: null } },
    });
    hosts.push(host);
    const call = async (method: string, input: unknown, credential?: string) => {
      const result = await host.call(method, input, { credential, source: 'app' });
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.data as Record<string, unknown>;
    };
    const ids = await call('setup.initialize', setupInput);
    const token = (await call('auth.login', { staffId: ids.ownerId, pin: setupInput.owner.pin }))
      .token as string;
    const realBefore = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;

    expect(await call('shop.enterDemo', {}, token)).toEqual({ demo: true });
    expect(host.isDemo).toBe(true);
    expect(host.dataDir).toBe(path.join(dataDir, DEMO_FOLDER));
    expect(await call('setup.status', {})).toMatchObject({ demo: true });
    const demoStaff = (await call('auth.loginOptions', {})).staff as { id: string }[];
    expect(demoStaff.length).toBeGreaterThan(10);
    const latest = host.current.sqlite
      .prepare(
        `SELECT max(at) AS at FROM (SELECT max(created_at) AS at FROM redemptions
           UNION ALL SELECT max(coalesce(voided_at, 0)) FROM redemptions
           UNION ALL SELECT max(sold_at) FROM sales)`,
      )
      .get() as { at: number };
    expect(latest.at).toBeLessThanOrEqual(START);
    // The demo staff log in with the PIN the login screen shows.
    await call('auth.login', { staffId: demoStaff[0]!.id, pin: DEMO_STAFF_PIN });

    expect(await call('shop.leaveDemo', {})).toEqual({ demo: false });
    expect(host.isDemo).toBe(false);
    const real = await call('auth.loginOptions', {});
    expect((real.staff as unknown[]).length).toBe(1);
    expect(real.merchantName).toBe(setupInput.merchant.name);
    const sales = host.current.sqlite.prepare('SELECT count(*) AS n FROM sales').get() as {
      n: number;
    };
    expect(sales.n).toBe(0);
    expect(fs.statSync(path.join(dataDir, DATABASE_FILE)).size).toBeGreaterThan(0);
    expect(realBefore).toBeGreaterThan(0);
  }, 60_000);

  it('restores a backup and restarts on it; a file that is not a StoreDesk backup changes nothing', async () => {
    const dataDir = tempDir();
    const host = await ShopHost.open({
      dataDir,
      clock: new ManualClock(START),
      logger: createMemoryLogger(),
      config: { analytics: { warmUpDelayMs: null } },
    });
    hosts.push(host);
    const call = async (method: string, input: unknown, credential?: string) =>
      host.call(method, input, { credential, source: 'app' });
    const data = async (method: string, input: unknown, credential?: string) => {
      const result = await call(method, input, credential);
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.data as Record<string, unknown>;
    };
    const ids = await data('setup.initialize', setupInput);
    const login = async () =>
      (await data('auth.login', { staffId: ids.ownerId, pin: setupInput.owner.pin }))
        .token as string;
    let token = await login();
    const backup = (await data('settings.backupNow', {}, token)).fileName as string;
    await data('settings.update', { merchantName: '改过的名字' }, token);

    fs.writeFileSync(path.join(dataDir, 'backups', 'other-app.db'), 'SQLite format 3\0garbage');
    const refused = await call('settings.restore', { fileName: 'other-app.db' }, token);
    expect(refused.ok ? null : refused.error.code).toBe('BACKUP_NOT_STOREDESK');
    expect((await data('settings.get', {}, token)).merchantName).toBe('改过的名字');

    const restored = await data('settings.restore', { fileName: backup }, token);
    expect(restored.restored).toBe(true);
    const stale = await call('settings.get', {}, token);
    expect(stale.ok ? null : stale.error.code).toBe('SESSION_EXPIRED');
    // The restarted shop is the backup's: the name from before, everyone logs in again.
    token = await login();
    expect((await data('settings.get', {}, token)).merchantName).toBe(setupInput.merchant.name);
    const kinds = ((await data('settings.system', {}, token)).backups as { kind: string }[]).map(
      (b) => b.kind,
    );
    expect(kinds).toContain('before-restore');
  }, 60_000);
});
