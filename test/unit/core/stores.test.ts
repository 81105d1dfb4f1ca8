import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';

describe('stores and terminals', () => {
  it('opens a store with region names from GB/T 2260 and a first terminal', async () => {
    const { ok, ownerToken } = await initializedShop();
    const store = await ok(
      'stores.create',
      {
        name: '鲜果优选 三里屯店',
        districtCode: '110105',
        address: '工体北路 8 号',
        lat: 39.93,
        lng: 116.45,
      },
      ownerToken,
    );
    expect(store).toMatchObject({
      code: 'S02',
      provinceCode: '110000',
      cityCode: '110100',
      regionName: '北京市 朝阳区',
      timezone: 'Asia/Shanghai',
      lat: 39.93,
    });
    expect(store.terminals.map((t) => t.code)).toEqual(['T01']);
    const second = await ok(
      'terminals.create',
      { storeId: store.id, name: '2号收银台' },
      ownerToken,
    );
    expect(second.code).toBe('T02');
  });

  it('refuses duplicate codes and unknown time zones', async () => {
    const { ok, fails, ownerToken, ids } = await initializedShop();
    expect(
      (
        await fails(
          'stores.create',
          { name: '重复', code: 's01', districtCode: '320102' },
          ownerToken,
        )
      ).code,
    ).toBe('DUPLICATE_CODE');
    expect(
      (
        await fails(
          'terminals.create',
          { storeId: ids.storeId, code: 'T01', name: '又一个' },
          ownerToken,
        )
      ).code,
    ).toBe('DUPLICATE_CODE');
    const zone = await fails(
      'stores.create',
      { name: '火星店', districtCode: '320102', timezone: 'Mars/Olympus' },
      ownerToken,
    );
    expect(zone.details!.issues).toContainEqual({ path: ['timezone'], message: '无效的时区' });
    expect((await ok('stores.list', {}, ownerToken)).length).toBe(1);
  });

  it('edits a store and closes it; closed stores leave the default list', async () => {
    const { ok, ownerToken, ids } = await initializedShop();
    const edited = await ok(
      'stores.update',
      { id: ids.storeId, districtCode: '320106', address: '北京西路 1 号' },
      ownerToken,
    );
    expect(edited.regionName).toBe('江苏省 南京市 鼓楼区');
    await ok('stores.update', { id: ids.storeId, active: false }, ownerToken);
    expect(await ok('stores.list', {}, ownerToken)).toEqual([]);
    expect((await ok('stores.list', { includeInactive: true }, ownerToken))[0]!.active).toBe(false);
  });
});

describe('terminal API keys', () => {
  async function withKey() {
    const shop = await initializedShop();
    const created = await shop.ok(
      'apiKeys.create',
      { terminalId: shop.ids.terminalId, label: '前台 POS' },
      shop.ownerToken,
    );
    const lan = (method: string, input: unknown, credential: string) =>
      shop.core.call(method, input, { credential, source: 'http', allowTerminalKeys: true });
    return { ...shop, ...created, lan };
  }

  it('shows the secret once and stores only its hash', async () => {
    const { key, apiKey, core, ok, ownerToken } = await withKey();
    expect(key).toMatch(/^sdk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(JSON.stringify(core.sqlite.prepare('SELECT * FROM api_keys').all())).not.toContain(key);
    expect(JSON.stringify(await ok('apiKeys.list', {}, ownerToken))).not.toContain(key);
  });

  it('lets a terminal call terminal methods only, and only in LAN mode', async () => {
    const { key, lan, core, ids } = await withKey();
    const whoami = await lan('terminals.whoami', {}, key);
    expect(whoami.ok && whoami.data).toMatchObject({
      terminal: { id: ids.terminalId, code: 'T01' },
    });
    const staffList = await lan('staff.list', {}, key);
    expect(!staffList.ok && staffList.error.code).toBe('FORBIDDEN');
    const loopbackOnly = await core.call(
      'terminals.whoami',
      {},
      { credential: key, source: 'http' },
    );
    expect(!loopbackOnly.ok && loopbackOnly.error.code).toBe('TERMINAL_KEYS_DISABLED');
  });

  it('stops working at once when revoked or when its terminal is taken out of service', async () => {
    const { key, apiKey, lan, ok, ownerToken, ids } = await withKey();
    await ok('apiKeys.revoke', { id: apiKey.id }, ownerToken);
    const revoked = await lan('terminals.whoami', {}, key);
    expect(!revoked.ok && revoked.error.code).toBe('UNAUTHENTICATED');

    const other = await ok(
      'apiKeys.create',
      { terminalId: ids.terminalId, label: '备用' },
      ownerToken,
    );
    await ok('terminals.update', { id: ids.terminalId, active: false }, ownerToken);
    const retired = await lan('terminals.whoami', {}, other.key);
    expect(!retired.ok && retired.error.code).toBe('UNAUTHENTICATED');
  });
});
