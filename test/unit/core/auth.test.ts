import { describe, expect, it } from 'vitest';
import { initializedShop, OWNER_PIN } from '../../support/core';

describe('PIN login and sessions', () => {
  it('logs in with the right PIN and answers a 256-bit token', async () => {
    const { ok, ids } = await initializedShop();
    const login = await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
    expect(Buffer.from(login.token, 'base64url')).toHaveLength(32);
    expect(login.staff).toMatchObject({ id: ids.ownerId, role: 'owner', name: '王店主' });
    const session = await ok('auth.session', {}, login.token);
    expect(session.storeName).toBe('鲜果优选 新街口店');
  });

  it('never stores the PIN or the token in the database', async () => {
    const { core, ownerToken } = await initializedShop();
    const dump =
      JSON.stringify(core.sqlite.prepare('SELECT * FROM staff').all()) +
      JSON.stringify(core.sqlite.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain(OWNER_PIN);
    expect(dump).not.toContain(ownerToken);
    expect(dump).toMatch(/scrypt\$16384\$8\$1\$/);
  });

  it('counts wrong PINs, locks for 5 minutes after the fifth, and unlocks after', async () => {
    const { fails, ok, ids, clock } = await initializedShop();
    for (let remaining = 4; remaining >= 1; remaining--) {
      const error = await fails('auth.login', { staffId: ids.ownerId, pin: '161803' });
      expect(error.code).toBe('WRONG_PIN');
      expect(error.details).toEqual({ remaining });
    }
    const locked = await fails('auth.login', { staffId: ids.ownerId, pin: '161803' });
    expect(locked).toMatchObject({
      code: 'STAFF_LOCKED',
      message: '连续输错 PIN 码，该员工已锁定，请 5 分钟后再试',
    });
    // Even the right PIN is refused while locked.
    expect((await fails('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).code).toBe(
      'STAFF_LOCKED',
    );
    expect((await ok('auth.loginOptions', {})).staff[0]!.locked).toBe(true);
    clock.advance(5 * 60 * 1000 + 1);
    await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
  });

  it('counts parallel wrong PINs one by one', async () => {
    const { core, ids, fails } = await initializedShop();
    await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() =>
        core.call('auth.login', { staffId: ids.ownerId, pin: '141421' }, { source: 'http' }),
      ),
    );
    expect((await fails('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).code).toBe(
      'STAFF_LOCKED',
    );
  });

  it('ends a session after 12 hours idle, and keeps it alive while used', async () => {
    const { ok, fails, clock, ownerToken } = await initializedShop();
    clock.advance(11 * 60 * 60 * 1000);
    await ok('auth.session', {}, ownerToken);
    clock.advance(11 * 60 * 60 * 1000);
    await ok('auth.session', {}, ownerToken); // 22 h after login, 11 h after last use
    clock.advance(12 * 60 * 60 * 1000 + 1);
    expect((await fails('auth.session', {}, ownerToken)).code).toBe('SESSION_EXPIRED');
  });

  it('revokes the token on logout', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    await ok('auth.logout', {}, ownerToken);
    expect((await fails('staff.list', {}, ownerToken)).code).toBe('SESSION_EXPIRED');
    expect((await fails('staff.list', {}, 'made-up-token')).code).toBe('UNAUTHENTICATED');
  });

  it('unlocks the lock screen with the own PIN only, slowing wrong ones down', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    expect(await ok('auth.unlock', { pin: OWNER_PIN }, ownerToken)).toEqual({ unlocked: true });
    for (let i = 0; i < 9; i++) await fails('auth.unlock', { pin: '999999' }, ownerToken);
    const waiting = await fails('auth.unlock', { pin: '999999' }, ownerToken);
    expect(waiting).toMatchObject({ code: 'PIN_TRY_LATER', details: { retryAfterSeconds: 30 } });
    // The lock screen cannot be brute-forced around, and nobody is locked out or logged out.
    expect((await fails('auth.unlock', { pin: OWNER_PIN }, ownerToken)).code).toBe('PIN_TRY_LATER');
    expect((await ok('auth.session', {}, ownerToken)).staff.role).toBe('owner');
    expect((await ok('auth.loginOptions', {})).staff[0]!.locked).toBe(false);
  });

  it('lets a stale token reach the login screen', async () => {
    const { ok, ownerToken } = await initializedShop();
    await ok('auth.logout', {}, ownerToken);
    const options = await ok('auth.loginOptions', {}, ownerToken);
    expect(options.merchantName).toBe('鲜果优选');
  });
});
