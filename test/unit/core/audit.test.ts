import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';

describe('audit log', () => {
  it('records who did what, when and at which terminal, newest first', async () => {
    const { ok, fails, ownerToken, ids, clock } = await initializedShop();
    clock.advance(1000);
    const cashier = await ok(
      'staff.create',
      { name: '李收银', role: 'cashier', pin: '135790' },
      ownerToken,
    );
    await fails('auth.login', { staffId: cashier.id, pin: '161803' });
    const { items } = await ok('audit.list', {}, ownerToken);
    expect(items.map((e) => e.action)).toEqual([
      'auth.loginFailed',
      'staff.create',
      'auth.login',
      'setup.initialize',
      'stores.create',
    ]);
    const created = items[1]!;
    expect(created).toMatchObject({
      staffName: '王店主',
      terminalId: ids.terminalId,
      terminalCode: 'T01',
      storeId: ids.storeId,
      source: 'app',
      targetId: cashier.id,
      details: { name: '李收银', role: 'cashier' },
    });
    expect(items[0]).toMatchObject({ staffName: '李收银', terminalCode: 'T01' });
  });

  it('filters by action, staff and time, and pages with a cursor', async () => {
    const { ok, ownerToken, ids, clock } = await initializedShop();
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      await ok('terminals.create', { storeId: ids.storeId, name: `收银台${i}` }, ownerToken);
    }
    const first = await ok('audit.list', { action: 'terminals.create', limit: 2 }, ownerToken);
    expect(first.items).toHaveLength(2);
    const second = await ok(
      'audit.list',
      { action: 'terminals.create', limit: 2, before: first.nextBefore! },
      ownerToken,
    );
    const third = await ok(
      'audit.list',
      { action: 'terminals.create', limit: 2, before: second.nextBefore! },
      ownerToken,
    );
    expect(third.nextBefore).toBeNull();
    const names = [...first.items, ...second.items, ...third.items].map((e) => e.details.name);
    expect(names).toEqual(['收银台4', '收银台3', '收银台2', '收银台1', '收银台0']);

    const recent = await ok('audit.list', { from: clock.now() - 90_000 }, ownerToken);
    expect(recent.items.map((e) => e.details.name)).toEqual(['收银台4', '收银台3']);
    const byOwner = await ok(
      'audit.list',
      { staffId: ids.ownerId, action: 'auth.login' },
      ownerToken,
    );
    expect(byOwner.items).toHaveLength(1);
  });

  it('writes nothing to the log when the change itself is refused', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const before = (await ok('audit.list', {}, ownerToken)).items.length;
    await fails('stores.create', { name: '重复', code: 'S01', districtCode: '320102' }, ownerToken);
    expect((await ok('audit.list', {}, ownerToken)).items.length).toBe(before);
  });
});
