import { describe, expect, it } from 'vitest';
import { initializedShop, OWNER_PIN, testCore } from '../../support/core';
import { couponShop } from '../../support/coupons';

describe('the lock screen is held by the server (issue 18, item 12)', () => {
  it('answers SESSION_LOCKED to everything but unlock, logout and session until the PIN', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    expect(await ok('auth.lock', {}, ownerToken)).toEqual({ locked: true });
    expect(await fails('staff.list', {}, ownerToken)).toMatchObject({
      code: 'SESSION_LOCKED',
      message: '屏幕已锁定，请先输入 PIN 码解锁',
    });
    expect((await fails('stores.list', {}, ownerToken)).code).toBe('SESSION_LOCKED');
    // The lock screen still knows whose PIN to ask for after a reload.
    expect(await ok('auth.session', {}, ownerToken)).toMatchObject({ locked: true });
    expect((await fails('auth.unlock', { pin: '111111' }, ownerToken)).code).toBe('WRONG_PIN');
    expect((await fails('staff.list', {}, ownerToken)).code).toBe('SESSION_LOCKED');
    await ok('auth.unlock', { pin: OWNER_PIN }, ownerToken);
    expect(await ok('auth.session', {}, ownerToken)).toMatchObject({ locked: false });
    await ok('staff.list', {}, ownerToken);
  });

  it('stays locked across a restart, and logout still works', async () => {
    const first = await initializedShop();
    await first.ok('auth.lock', {}, first.ownerToken);
    await first.core.close();
    const again = await testCore({ dataDir: first.dataDir });
    expect((await again.fails('staff.list', {}, first.ownerToken)).code).toBe('SESSION_LOCKED');
    await again.ok('auth.logout', {}, first.ownerToken);
    expect((await again.fails('staff.list', {}, first.ownerToken)).code).toBe('SESSION_EXPIRED');
  });

  it('locks only that session: the same staff member elsewhere works on', async () => {
    const { ok, fails, ids, ownerToken } = await initializedShop();
    const { token: other } = await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
    await ok('auth.lock', {}, ownerToken);
    await ok('staff.list', {}, other);
    expect((await fails('staff.list', {}, ownerToken)).code).toBe('SESSION_LOCKED');
  });
});

describe('changing your own PIN needs the current one (issue 18, item 12)', () => {
  it('refuses without the current PIN or with a wrong one, then changes it', async () => {
    const { ok, fails, ids, ownerToken } = await initializedShop();
    expect(
      await fails('staff.resetPin', { id: ids.ownerId, pin: '619273' }, ownerToken),
    ).toMatchObject({ code: 'CURRENT_PIN_REQUIRED' });
    expect(
      (
        await fails(
          'staff.resetPin',
          { id: ids.ownerId, pin: '619273', currentPin: '999999' },
          ownerToken,
        )
      ).code,
    ).toBe('WRONG_PIN');
    await ok(
      'staff.resetPin',
      { id: ids.ownerId, pin: '619273', currentPin: OWNER_PIN },
      ownerToken,
    );
    await ok('auth.login', { staffId: ids.ownerId, pin: '619273' });
    const { items } = await ok('audit.list', { action: 'staff.resetPin' }, ownerToken);
    expect(items[0]!.details).toMatchObject({ own: true });
  });

  it("lets a manager reset a cashier's PIN without theirs, audited", async () => {
    const { ok, cashier, ownerToken } = await couponShop();
    await ok('staff.resetPin', { id: cashier.id, pin: '804152' }, ownerToken);
    await ok('auth.login', { staffId: cashier.id, pin: '804152' });
    const { items } = await ok('audit.list', { action: 'staff.resetPin' }, ownerToken);
    expect(items[0]).toMatchObject({ targetId: cashier.id, details: { own: false } });
  });
});
