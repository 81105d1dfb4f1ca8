import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/core';
import type { MethodName } from '../../../src-shared/contract';
import { defaultPinThrottleConfig } from '../../../src-main/core/auth/pin-throttle';
import { OWNER_PIN, testCore } from '../../support/core';
import { CASHIER_PIN, couponShop } from '../../support/coupons';
import { startServer } from '../../support/server';

const MANAGER_PIN = '975310';
const WRONG = '000000';

/** A call from a till on the shop LAN: over HTTP, from its own address. */
function fromAddress(core: Core, address: string) {
  return (method: MethodName, input: unknown, credential?: string) =>
    core.call(method, input, { credential, source: 'http', remoteAddress: address });
}

/** A shop with a manager (logged in elsewhere) and a cashier's redemption to void. */
async function voidShop() {
  const shop = await couponShop();
  const manager = await shop.ok(
    'staff.create',
    { name: '赵店长', role: 'manager', pin: MANAGER_PIN },
    shop.ownerToken,
  );
  const { token: managerSession } = await shop.ok('auth.login', {
    staffId: manager.id,
    pin: MANAGER_PIN,
  });
  const coupon = await shop.issueOne((await shop.activeTemplate()).id);
  const { redemption } = await shop.ok(
    'redemption.redeem',
    { code: coupon.code, order: { subtotalFen: 12000 }, idempotencyKey: 'void-abuse-1' },
    shop.cashierToken,
  );
  return { ...shop, manager, managerSession, redemption };
}

describe('PIN guessing cannot lock anyone out (issue 18, item 4)', () => {
  it('counts wrong manager PINs against the cashier who typed them, not the manager', async () => {
    const { core, ok, manager, managerSession, redemption, cashierToken } = await voidShop();
    const till = fromAddress(core, '192.168.1.31');
    const voidWith = (managerPin: string) =>
      till(
        'redemption.void',
        { redemptionId: redemption.id, managerId: manager.id, managerPin, reason: '顾客退货' },
        cashierToken,
      );
    // The issue's attack: five wrong manager PINs. They are the cashier's, not the manager's.
    for (let remaining = 9; remaining >= 5; remaining--)
      expect(await voidWith(WRONG)).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PIN', details: { remaining } },
      });
    const picker = await ok('auth.loginOptions', {});
    expect(picker.staff.find((s) => s.id === manager.id)).toMatchObject({ locked: false });
    // Going on, the cashier's till is the one that waits: 30 s from the tenth wrong PIN.
    for (let i = 0; i < 4; i++) await voidWith(WRONG);
    expect(await voidWith(WRONG)).toMatchObject({
      ok: false,
      error: { code: 'PIN_TRY_LATER', details: { retryAfterSeconds: 30 } },
    });
    // While it waits, even the right PIN is not checked from there.
    expect(await voidWith(MANAGER_PIN)).toMatchObject({
      ok: false,
      error: { code: 'PIN_TRY_LATER' },
    });
    // The manager is not locked out, and their open session lives on.
    const options = await ok('auth.loginOptions', {});
    expect(options.staff.find((s) => s.id === manager.id)).toMatchObject({ locked: false });
    await ok('auth.session', {}, managerSession);
    await ok('auth.login', { staffId: manager.id, pin: MANAGER_PIN });
  });

  it('checks 10 of 30 guesses spread over 6 staff from one address, then slows it more', async () => {
    const { core, ok, clock, ownerToken, ids } = await voidShop();
    const others = [];
    for (const [i, name] of ['周一', '吴二', '郑三'].entries())
      others.push(
        await ok('staff.create', { name, role: 'cashier', pin: String(604127 + i * 3313) }, ownerToken),
      );
    const staffIds = (await ok('auth.loginOptions', {})).staff.map((s) => s.id);
    expect(staffIds).toHaveLength(6);
    const attacker = fromAddress(core, '192.168.1.66');
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const result = await attacker('auth.login', { staffId: staffIds[i % 6], pin: WRONG });
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(codes.filter((c) => c === 'WRONG_PIN')).toHaveLength(9);
    expect(codes[9]).toBe('PIN_TRY_LATER');
    expect(codes.slice(10).every((c) => c === 'PIN_TRY_LATER')).toBe(true);
    const { items } = await ok('audit.list', { action: 'auth.loginFailed' }, ownerToken);
    expect(items).toHaveLength(10);
    // Nobody is locked out by it.
    expect((await ok('auth.loginOptions', {})).staff.every((s) => !s.locked)).toBe(true);
    // The waits grow: 30 s, then 60 s after the next wrong PIN.
    clock.advance(30_001);
    const sixth = await attacker('auth.login', { staffId: ids.ownerId, pin: WRONG });
    expect(sixth).toMatchObject({
      ok: false,
      error: { code: 'PIN_TRY_LATER', details: { retryAfterSeconds: 60 } },
    });
  });

  it('keeps a source waiting across a restart', async () => {
    const first = await testCore();
    const ids = await first.ok('setup.initialize', {
      merchant: { name: '鲜果优选', code: 'xgyx-01' },
      store: { name: '新街口店', districtCode: '320102', address: '中山路 18 号' },
      owner: { name: '王店主', pin: OWNER_PIN },
    });
    const attacker = fromAddress(first.core, '192.168.1.66');
    for (let i = 0; i < 5; i++) await attacker('auth.login', { staffId: ids.ownerId, pin: WRONG });
    await first.core.close();
    const again = await testCore({ dataDir: first.dataDir });
    const after = await fromAddress(again.core, '192.168.1.66')('auth.login', {
      staffId: ids.ownerId,
      pin: OWNER_PIN,
    });
    // The staff lock-out of the owner (5 wrong logins) and the address's wait both held.
    expect(after.ok).toBe(false);
    expect(!after.ok && ['PIN_TRY_LATER', 'STAFF_LOCKED']).toContain(!after.ok && after.error.code);
    const row = again.core.sqlite
      .prepare("SELECT failures FROM pin_attempts WHERE key = 'address:192.168.1.66'")
      .get() as { failures: number };
    expect(row.failures).toBe(5);
  });

  it('keeps the victim logged in when their PIN is locked, and grows the lock', async () => {
    const { core, ok, fails, clock, ids, ownerToken } = await voidShop();
    // Five wrong PINs from five addresses: no source is slowed, the owner is locked.
    let last;
    for (let i = 0; i < 5; i++)
      last = await fromAddress(core, `10.0.0.${i + 1}`)('auth.login', {
        staffId: ids.ownerId,
        pin: WRONG,
      });
    expect(last).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', details: { minutes: 5 } },
    });
    // The open session is not ended.
    expect((await ok('auth.session', {}, ownerToken)).staff.id).toBe(ids.ownerId);
    await ok('staff.list', {}, ownerToken);
    expect((await fails('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).code).toBe(
      'STAFF_LOCKED',
    );
    // Another wrong PIN after the lock doubles it.
    clock.advance(5 * 60_000 + 1);
    const again = await fromAddress(core, '10.0.0.9')('auth.login', {
      staffId: ids.ownerId,
      pin: WRONG,
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', details: { minutes: 10 } },
    });
    clock.advance(10 * 60_000 + 1);
    await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
  });

  it('holds a global budget per minute for the network, not for the shop window', async () => {
    const { core, ok, clock, ids, cashier } = await couponShop({
      config: { pinThrottle: { ...defaultPinThrottleConfig, globalPerMinute: 4 } },
    });
    // Four addresses, one wrong PIN each: no source waits, nobody is locked.
    for (let i = 0; i < 4; i++)
      expect(
        await fromAddress(core, `10.1.0.${i + 1}`)('auth.login', {
          staffId: ids.ownerId,
          pin: WRONG,
        }),
      ).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    // The budget is spent: a fifth address waits, even with the right PIN.
    const fresh = await fromAddress(core, '10.2.0.1')('auth.login', {
      staffId: cashier.id,
      pin: CASHIER_PIN,
    });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'PIN_TRY_LATER' } });
    // The PC's own window is outside the budget: a LAN flood cannot keep the shop out.
    await ok('auth.login', { staffId: cashier.id, pin: CASHIER_PIN });
    clock.advance(60_001);
    const later = await fromAddress(core, '10.2.0.1')('auth.login', {
      staffId: cashier.id,
      pin: CASHIER_PIN,
    });
    expect(later.ok).toBe(true);
  });

  it('counts a burst of parallel guesses before their answers', async () => {
    const { core, ok, ids, ownerToken, cashier } = await couponShop();
    const attacker = fromAddress(core, '192.168.1.77');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        attacker('auth.login', { staffId: i % 2 ? ids.ownerId : cashier.id, pin: WRONG }),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'PIN_TRY_LATER')).toHaveLength(6);
    const failed = await ok('audit.list', { action: 'auth.loginFailed' }, ownerToken);
    const lockedOut = await ok('audit.list', { action: 'auth.lockedOut' }, ownerToken);
    expect(failed.items.length + lockedOut.items.length).toBe(10);
  });

  it('answers 429 with Retry-After over HTTP', async () => {
    // No staff lock-out here: the address's own wait is what answers.
    const t = await testCore({ config: { pinMaxAttempts: 100 } });
    const ids = await t.ok('setup.initialize', {
      merchant: { name: '鲜果优选', code: 'xgyx-01' },
      store: { name: '新街口店', districtCode: '320102', address: '中山路 18 号' },
      owner: { name: '王店主', pin: OWNER_PIN },
    });
    const { post } = await startServer(t.core);
    let answer;
    for (let i = 0; i < 11; i++)
      answer = await post(
        'auth.login',
        { staffId: ids.ownerId, pin: WRONG },
        { 'accept-language': 'en' },
      );
    expect(answer!.status).toBe(429);
    expect(answer!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer!.body.error).toMatchObject({
      code: 'PIN_TRY_LATER',
      message: expect.stringMatching(/^Too many wrong PINs; please try again in \d+ s$/),
    });
  });
});
