import { describe, expect, it } from 'vitest';
import { signMemberQr, verifyMemberQr } from '../../../src-node/members/member-qr';
import { inventoryShop } from '../../support/inventory';

const MINUTE = 60_000;

describe('the member code (wallet → till)', () => {
  it('finds the member by a code signed with the merchant key; an old, forged or foreign code is refused', async () => {
    const shop = await inventoryShop();
    const { ok, fails, cashierToken, core, clock } = shop;
    const { member } = await ok(
      'members.create',
      { phone: '13600136001', name: '扫码客' },
      cashierToken,
    );
    const [key] = core.services.keys.openAll();
    const secret = Buffer.from(key!.secret, 'base64');
    const code = (at: number, memberId = member.id, kid = key!.kid, with_ = secret) =>
      signMemberQr({ kid, memberId, at }, with_);

    const found = await ok('members.lookup', { qr: code(clock.now()) }, cashierToken);
    expect(found.matches.map((m) => [m.id, m.name])).toEqual([[member.id, '扫码客']]);
    // The phone's clock a minute off still scans; a screenshot of three minutes ago does not.
    expect(
      (await ok('members.lookup', { qr: code(clock.now() + MINUTE) }, cashierToken)).matches,
    ).toHaveLength(1);
    expect(
      (await fails('members.lookup', { qr: code(clock.now() - 3 * MINUTE) }, cashierToken)).code,
    ).toBe('MEMBER_QR_EXPIRED');
    // Another merchant's key, a changed member id, an unknown key id, plain text: not ours.
    const foreign = code(clock.now(), member.id, key!.kid, Buffer.alloc(32, 7));
    const tampered = code(clock.now()).replace(member.id, shop.ids.ownerId);
    for (const qr of [foreign, tampered, code(clock.now(), member.id, 'k999'), 'SDM1.x'])
      expect((await fails('members.lookup', { qr }, cashierToken)).code).toBe('MEMBER_QR_INVALID');
    // A deleted member's code names nobody.
    await ok('members.delete', { id: member.id }, shop.ownerToken);
    expect((await ok('members.lookup', { qr: code(clock.now()) }, cashierToken)).matches).toEqual(
      [],
    );
  });

  it('verifies without a database: slots either side of now', () => {
    const secret = Buffer.alloc(32, 1);
    const memberId = '01890a5d-ac96-7000-8000-000000000001';
    const at = Date.UTC(2026, 11, 7, 8, 0, 0);
    const qr = signMemberQr({ kid: 'k1', memberId, at }, secret);
    expect(qr.startsWith('SDM1.k1.')).toBe(true);
    expect(verifyMemberQr(qr, () => [secret], at + 2 * MINUTE)).toEqual({ ok: true, memberId });
    expect(verifyMemberQr(qr, () => [secret], at + 3 * MINUTE)).toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(verifyMemberQr(qr, () => [], at)).toEqual({ ok: false, problem: 'unknown-key' });
  });
});
