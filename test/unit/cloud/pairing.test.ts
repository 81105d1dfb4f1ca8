import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeOnEachBackend,
  newSigningKey,
  CLOUD_START_TIMEOUT_MS,
  startCloud,
  TestClock,
  type TestCloud,
} from '../../support/cloud';

describeOnEachBackend('cloud pairing and device tokens', (backend) => {
  let cloud: TestCloud;
  const clock = new TestClock();
  beforeAll(async () => {
    cloud = await startCloud(backend, { clock });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('pairs with a single-use code: device token, merchant, keys from the first device', async () => {
    const merchant = await cloud.newMerchant('好邻居便利');
    const firstKeys = [
      { ...newSigningKey('k1', 1000), retiredAt: 2000 },
      newSigningKey('k2', 2000),
    ];
    const code = await cloud.pairingCode(merchant.id);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const paired = await cloud.ok('POST', '/v1/devices/pair', {
      body: { pairingCode: code.toLowerCase(), device: { name: '一号店' }, signingKeys: firstKeys },
    });
    expect(paired).toMatchObject({
      merchant: { id: merchant.id, name: '好邻居便利', code: merchant.code },
      cursor: '0',
    });
    expect(paired.deviceToken).toMatch(/^sdc_/);
    // The first device's keys become the merchant's: codes it printed stay valid everywhere,
    // and its current key signs for every till.
    expect(paired.signingKeys).toEqual([
      { ...firstKeys[0], active: false },
      { ...firstKeys[1], active: true },
    ]);

    const again = await cloud.request('POST', '/v1/devices/pair', {
      body: { pairingCode: code, device: { name: '冒名者' } },
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 'PAIRING_CODE_INVALID',
      message: '配对码无效、已过期或已被使用',
    });

    // A second store that printed codes before pairing keeps them valid, retired: the same kid
    // with another secret is kept beside the first one.
    const secondKey = newSigningKey('k1', 5000);
    const second = await cloud.pair(merchant.id, '二号店', [secondKey]);
    expect(second.signingKeys).toHaveLength(3);
    expect(second.signingKeys.filter((k: any) => k.active)).toEqual([
      { ...firstKeys[1], active: true },
    ]);
    const kept = second.signingKeys.find((k: any) => k.secret === secondKey.secret);
    expect(kept).toMatchObject({ kid: 'k1', active: false });
    expect(kept.retiredAt).not.toBeNull();

    // A rotation at a till: the till uploads its new key, the operator makes it the merchant's
    // active key for every device (test/unit/cloud/device-trust.test.ts: a till cannot).
    const rotated = newSigningKey('k3', 9000);
    await cloud.ok('POST', '/v1/device/signing-keys', {
      token: second.token,
      body: { keys: [rotated] },
    });
    const uploaded = await cloud.admin(
      'POST',
      `/v1/admin/merchants/${merchant.id}/signing-keys/k3/activate`,
    );
    expect(uploaded.signingKeys.filter((k: any) => k.active)).toEqual([
      { ...rotated, active: true },
    ]);
    const seenByFirst = await cloud.ok('GET', '/v1/device/signing-keys', {
      token: paired.deviceToken,
    });
    expect(seenByFirst.signingKeys).toEqual(uploaded.signingKeys);
    expect(seenByFirst.signingKeys.filter((k: any) => k.retiredAt === null)).toHaveLength(1);
  });

  it('refuses an expired pairing code and a malformed one', async () => {
    const merchant = await cloud.newMerchant();
    const code = (
      await cloud.admin('POST', `/v1/admin/merchants/${merchant.id}/pairing-codes`, {
        ttlMinutes: 5,
      })
    ).code;
    clock.advance(6 * 60_000);
    const late = await cloud.request('POST', '/v1/devices/pair', {
      body: { pairingCode: code, device: { name: 'late' } },
    });
    expect(late.body.error.code).toBe('PAIRING_CODE_INVALID');
    const malformed = await cloud.request('POST', '/v1/devices/pair', {
      body: { pairingCode: 'abc', device: { name: '' } },
      headers: { 'accept-language': 'en' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    expect(malformed.body.error.details.issues.map((i: any) => i.path.join('.')).sort()).toEqual([
      'device.name',
      'pairingCode',
    ]);
    expect(malformed.body.error.message).toContain('A pairing code is 8 letters or digits');
  });

  it('answers 401 to no token, unknown tokens, the wrong admin token and revoked devices', async () => {
    const merchant = await cloud.newMerchant();
    const device = await cloud.pair(merchant.id);
    const me = await cloud.ok('GET', '/v1/device', { token: device.token });
    expect(me).toMatchObject({ deviceId: device.deviceId, merchant: { id: merchant.id } });

    for (const token of [undefined, 'sdc_forged', cloud.adminToken]) {
      const answer = await cloud.request('GET', '/v1/sync/pull', { token });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    }
    const notAdmin = await cloud.request('GET', '/v1/admin/merchants', { token: device.token });
    expect(notAdmin.status).toBe(401);

    const revoked = await cloud.admin(
      'POST',
      `/v1/admin/merchants/${merchant.id}/devices/${device.deviceId}/revoke`,
    );
    expect(revoked.revokedAt).toBeTypeOf('number');
    expect((await cloud.request('GET', '/v1/device', { token: device.token })).status).toBe(401);
    const listed = await cloud.admin('GET', `/v1/admin/merchants/${merchant.id}/devices`);
    expect(listed.devices).toEqual([
      expect.objectContaining({ id: device.deviceId, revokedAt: revoked.revokedAt }),
    ]);

    // A device may unpair itself too.
    const other = await cloud.pair(merchant.id, '二号店');
    expect((await cloud.request('POST', '/v1/device/unpair', { token: other.token })).status).toBe(
      200,
    );
    expect((await cloud.request('GET', '/v1/device', { token: other.token })).status).toBe(401);
  });

  it('rotates a token: the old one works until the new one is first used', async () => {
    const merchant = await cloud.newMerchant();
    const device = await cloud.pair(merchant.id);
    const rotated = await cloud.ok('POST', '/v1/device/token', { token: device.token });
    expect(rotated.deviceToken).not.toBe(device.token);
    // The answer might have been lost: the old token still gets in.
    expect((await cloud.request('GET', '/v1/device', { token: device.token })).status).toBe(200);
    expect((await cloud.request('GET', '/v1/device', { token: rotated.deviceToken })).status).toBe(
      200,
    );
    expect((await cloud.request('GET', '/v1/device', { token: device.token })).status).toBe(401);
  });

  it('keeps merchants apart: a device reaches only its own merchant', async () => {
    const a = await cloud.newMerchant();
    const b = await cloud.newMerchant();
    const deviceOfB = await cloud.pair(b.id);
    const duplicate = await cloud.request('POST', '/v1/admin/merchants', {
      token: cloud.adminToken,
      body: { name: 'copy', code: a.code },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('DUPLICATE_CODE');
    const me = await cloud.ok('GET', '/v1/device', { token: deviceOfB.token });
    expect(me.merchant.id).toBe(b.id);
    const unknown = await cloud.request(
      'POST',
      `/v1/admin/merchants/${a.id}/devices/${deviceOfB.deviceId}/revoke`,
      { token: cloud.adminToken },
    );
    expect(unknown.status).toBe(404);
    expect((await cloud.request('GET', '/v1/device', { token: deviceOfB.token })).status).toBe(200);
  });
});
