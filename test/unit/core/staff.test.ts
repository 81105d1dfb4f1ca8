import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';

describe('staff management', () => {
  it('adds a cashier who can log in but not manage staff', async () => {
    const { ok, fails, ownerToken, ids } = await initializedShop();
    const cashier = await ok(
      'staff.create',
      { name: '李收银', role: 'cashier', pin: '135790', storeId: ids.storeId },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: cashier.id, pin: '135790' });
    const refused = await fails('staff.list', {}, token);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '当前账号无权执行此操作' });
    expect((await ok('stores.list', {}, token)).length).toBe(1);
  });

  it('refuses a duplicate name among active staff, then allows it once the first is deactivated', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const first = await ok(
      'staff.create',
      { name: '张三', role: 'cashier', pin: '412311' },
      ownerToken,
    );
    const duplicate = await fails(
      'staff.create',
      { name: '张三', role: 'cashier', pin: '374166' },
      ownerToken,
    );
    expect(duplicate).toMatchObject({ code: 'DUPLICATE_NAME', message: '名称“张三”已被使用' });
    await ok('staff.deactivate', { id: first.id }, ownerToken);
    await ok('staff.create', { name: '张三', role: 'cashier', pin: '374166' }, ownerToken);
    // Reactivating the first would make two active 张三.
    expect((await fails('staff.reactivate', { id: first.id }, ownerToken)).code).toBe(
      'DUPLICATE_NAME',
    );
  });

  it('refuses PINs that are not 6 digits and keeps nothing', async () => {
    const { fails, ok, ownerToken } = await initializedShop();
    for (const pin of ['12345', '1234567', '12a456', '']) {
      const error = await fails('staff.create', { name: '赵六', role: 'cashier', pin }, ownerToken);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details!.issues).toContainEqual({
        path: ['pin'],
        message: 'PIN 码必须是 6 位数字',
      });
    }
    expect((await ok('staff.list', {}, ownerToken)).map((s) => s.name)).toEqual(['王店主']);
  });

  it('lets managers manage cashiers only', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const manager = await ok(
      'staff.create',
      { name: '周店长', role: 'manager', pin: '360556' },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: manager.id, pin: '360556' });
    await ok('staff.create', { name: '吴收银', role: 'cashier', pin: '346410' }, token);
    expect(
      (await fails('staff.create', { name: '郑店长', role: 'manager', pin: '346410' }, token)).code,
    ).toBe('FORBIDDEN');
    const owner = (await ok('staff.list', {}, token)).find((s) => s.role === 'owner')!;
    expect((await fails('staff.deactivate', { id: owner.id }, token)).code).toBe('FORBIDDEN');
    expect(
      (await fails('stores.create', { name: '新店', districtCode: '110105' }, token)).code,
    ).toBe('FORBIDDEN');
  });

  it('ends every session of a deactivated staff member and tells their UI', async () => {
    const { ok, fails, ownerToken, core } = await initializedShop();
    const cashier = await ok(
      'staff.create',
      { name: '钱收银', role: 'cashier', pin: '173205' },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: cashier.id, pin: '173205' });
    const heard: string[] = [];
    core.events.subscribe(
      () => token,
      (name) => heard.push(name),
    );
    await ok('staff.deactivate', { id: cashier.id }, ownerToken);
    expect((await fails('auth.session', {}, token)).code).toBe('SESSION_EXPIRED');
    expect(heard).toContain('session.revoked');
    expect((await fails('auth.login', { staffId: cashier.id, pin: '173205' })).code).toBe(
      'STAFF_INACTIVE',
    );
  });

  it('resets a PIN: the old one stops working, a lock-out is lifted, sessions end', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const cashier = await ok(
      'staff.create',
      { name: '孙收银', role: 'cashier', pin: '264575' },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: cashier.id, pin: '264575' });
    for (let i = 0; i < 5; i++) await fails('auth.login', { staffId: cashier.id, pin: '161803' });
    await ok('staff.resetPin', { id: cashier.id, pin: '282843' }, ownerToken);
    expect((await fails('auth.session', {}, token)).code).toBe('SESSION_EXPIRED');
    expect((await fails('auth.login', { staffId: cashier.id, pin: '264575' })).code).toBe(
      'WRONG_PIN',
    );
    await ok('auth.login', { staffId: cashier.id, pin: '282843' });
  });

  it('keeps at least one active owner and refuses changes to oneself', async () => {
    const { ok, fails, ownerToken, ids } = await initializedShop();
    expect((await fails('staff.deactivate', { id: ids.ownerId }, ownerToken)).code).toBe(
      'CANNOT_CHANGE_SELF',
    );
    expect(
      (await fails('staff.update', { id: ids.ownerId, role: 'cashier' }, ownerToken)).code,
    ).toBe('CANNOT_CHANGE_SELF');
    const second = await ok(
      'staff.create',
      { name: '二老板', role: 'owner', pin: '331663' },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: second.id, pin: '331663' });
    await ok('staff.deactivate', { id: ids.ownerId }, token);
    expect((await fails('staff.update', { id: second.id, role: 'manager' }, token)).code).toBe(
      'CANNOT_CHANGE_SELF',
    );
  });

  it('renames and moves a staff member, recording what changed', async () => {
    const { ok, ownerToken, ids } = await initializedShop();
    const cashier = await ok(
      'staff.create',
      { name: '冯收银', role: 'cashier', pin: '387298' },
      ownerToken,
    );
    const updated = await ok(
      'staff.update',
      { id: cashier.id, name: '冯小收', storeId: ids.storeId },
      ownerToken,
    );
    expect(updated).toMatchObject({ name: '冯小收', storeId: ids.storeId });
    const { items } = await ok('audit.list', { action: 'staff.update' }, ownerToken);
    expect(items[0]!.details).toMatchObject({ name: { from: '冯收银', to: '冯小收' } });
  });
});
