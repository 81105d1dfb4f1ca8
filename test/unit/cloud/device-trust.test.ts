import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  event,
  newSigningKey,
  numericCode,
  redemptionClaim,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';

// A paired device is trusted for its own stores only: it claims, voids and issues cashback
// codes there; which key signs for every till is the operator's choice.

describeOnEachBackend('cloud device trust', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  const results = async (token: string, events: ReturnType<typeof event>[]) => {
    const answer = await cloud.push(token, events);
    expect(answer.status).toBe(200);
    return answer.body.data.results as any[];
  };
  const voidOf = (claim: ReturnType<typeof redemptionClaim>) =>
    event('redemption.voided', { redemptionId: claim.payload.id, voidedAt: Date.now() });

  it("refuses a void of another store's claim and a cashback code for another store; a re-paired PC takes its store back", async () => {
    const merchant = await cloud.newMerchant();
    const a = await cloud.pair(merchant.id, '一号店');
    const b = await cloud.pair(merchant.id, '二号店');
    const storeA = v7();
    const code = numericCode();
    const claim = redemptionClaim(code, { storeId: storeA });
    expect((await results(a.token, [claim]))[0].status).toBe('accepted');

    // B voids A's claim: refused, named, and the claim still holds the code.
    const [forged] = await results(b.token, [voidOf(claim)]);
    expect(forged).toMatchObject({
      status: 'rejected',
      seq: null,
      error: { code: 'DEVICE_STORE_FORBIDDEN', details: { storeId: storeA } },
    });
    expect(forged.error.message).toBe('本设备不负责该门店，不能更改其记录');
    const [taken] = await results(b.token, [redemptionClaim(code)]);
    expect(taken).toMatchObject({
      status: 'conflict',
      conflict: { winner: { deviceId: a.deviceId } },
    });
    // B cannot claim codes in A's name either.
    const [inAsName] = await results(b.token, [
      redemptionClaim(numericCode(), { storeId: storeA }),
    ]);
    expect(inAsName.error.code).toBe('DEVICE_STORE_FORBIDDEN');

    // B adds a cashback code for A's store: refused; the consumer cannot be paid on it.
    const cashback = {
      id: v7(),
      code: numericCode(),
      templateId: v7(),
      productId: v7(),
      terminalId: v7(),
      storeId: storeA,
      rewardFen: 50_000,
      issuedAt: Date.now(),
      validUntil: Date.now() + 86_400_000,
    };
    const [injected] = await results(b.token, [event('cashback.issued', cashback, cashback.id)]);
    expect(injected.error.code).toBe('DEVICE_STORE_FORBIDDEN');
    const phone = freshPhone();
    const payout = await cloud.request('POST', `/v1/consumers/${merchant.code}/cashback/redeem`, {
      body: { code: cashback.code, phone, otp: await cloud.otpFor(merchant.code, phone) },
    });
    expect(payout.status).not.toBe(200);
    // A's own cashback code at its own store is taken.
    const [own] = await results(a.token, [event('cashback.issued', cashback, cashback.id)]);
    expect(own.status).toBe('accepted');

    // A voids its own claim: accepted, and the code is free again.
    expect((await results(a.token, [voidOf(claim)]))[0].status).toBe('accepted');
    const again = redemptionClaim(code, { storeId: storeA });
    expect((await results(a.token, [again]))[0].status).toBe('accepted');

    // The PC of store A is unpaired and paired again (a new device): it speaks for A again.
    await cloud.ok('POST', '/v1/device/unpair', { token: a.token });
    const a2 = await cloud.pair(merchant.id, '一号店（重新配对）');
    expect((await results(a2.token, [voidOf(again)]))[0].status).toBe('accepted');
    // ... and B still does not.
    const third = redemptionClaim(code, { storeId: storeA });
    expect((await results(a2.token, [third]))[0].status).toBe('accepted');
    expect((await results(b.token, [voidOf(third)]))[0].error.code).toBe('DEVICE_STORE_FORBIDDEN');
  });

  it('keeps the active signing key unless the operator changes it', async () => {
    const merchant = await cloud.newMerchant();
    const first = newSigningKey('k1');
    const a = await cloud.pair(merchant.id, '一号店', [first]);
    const b = await cloud.pair(merchant.id, '二号店');
    const activeKid = async (token: string) =>
      (await cloud.ok('GET', '/v1/device/signing-keys', { token })).signingKeys.find(
        (k: any) => k.active,
      )?.kid;
    expect(await activeKid(b.token)).toBe('k1');

    // B rotates and asks for its key to sign for all: refused, nothing kept.
    const rotated = newSigningKey('k9');
    const asked = await cloud.request('POST', '/v1/device/signing-keys', {
      token: b.token,
      body: { keys: [rotated], activeKid: 'k9' },
    });
    expect(asked.status).toBe(403);
    expect(asked.body.error).toMatchObject({
      code: 'SIGNING_KEY_NEEDS_ADMIN',
      details: { kid: 'k9' },
    });
    const held = (await cloud.ok('GET', '/v1/device/signing-keys', { token: a.token })).signingKeys;
    expect(held.map((k: any) => k.kid)).toEqual(['k1']);

    // Uploaded without asking: kept to verify B's codes, retired, still not the active one.
    const kept = await cloud.ok('POST', '/v1/device/signing-keys', {
      token: b.token,
      body: { keys: [rotated] },
    });
    expect(kept.signingKeys.find((k: any) => k.kid === 'k9')).toMatchObject({ active: false });
    expect(kept.signingKeys.find((k: any) => k.kid === 'k9').retiredAt).not.toBeNull();
    expect(await activeKid(a.token)).toBe('k1');

    // A device's token cannot reach the operator's endpoint; the operator's can.
    const path = `/v1/admin/merchants/${merchant.id}/signing-keys/k9/activate`;
    expect((await cloud.request('POST', path, { token: b.token })).status).toBe(401);
    const activated = await cloud.admin('POST', path);
    expect(activated.signingKeys.filter((k: any) => k.retiredAt === null)).toEqual([
      { ...rotated, active: true },
    ]);
    expect(await activeKid(a.token)).toBe('k9');
    const unknown = await cloud.request(
      'POST',
      `/v1/admin/merchants/${merchant.id}/signing-keys/nope/activate`,
      { token: cloud.adminToken },
    );
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
