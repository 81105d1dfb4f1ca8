import { expect, it } from 'vitest';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { pairedShop, type PairedShop } from '../../support/sync';

const TRIES = 50;

/** Two paired tills (through the fault proxy) that both know one freshly issued code. */
async function twoTillsAndACode(cloud: TestCloud, proxy: FaultProxy) {
  const merchant = await cloud.newMerchant();
  const a = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
  const b = await pairedShop(cloud, merchant.id, '二号店', { url: proxy.url });
  // A loaded two-core machine answers 50 claims in a row slower than 800 ms: the test waits
  // longer, so every claim is decided by the cloud (the setting is the manager's).
  for (const shop of [a, b]) {
    const settings = await shop.ok('sync.getSettings', {}, shop.ownerToken);
    await shop.ok('sync.setSettings', { ...settings, onlineClaimTimeoutMs: 5000 }, shop.ownerToken);
  }
  const template = await a.activeTemplate();
  const coupon = await a.issueOne(template.id);
  await a.syncNow();
  await b.syncNow();
  return { a, b, code: coupon.code };
}

/** Both tills redeem the code TRIES times at once, alternating; the answers in order. */
async function redeemEverywhere(a: PairedShop, b: PairedShop, code: string, tag: string) {
  return Promise.all(
    Array.from({ length: TRIES }, (_, i) => {
      const till = i % 2 ? b : a;
      return till.core.call(
        'redemption.redeem',
        { code, order: { subtotalFen: 12000 }, idempotencyKey: `${tag}-${i}-000000` },
        { credential: till.cashierToken, source: 'app' },
      );
    }),
  );
}

describeOnEachBackend('a paired till asks the cloud first (POST /v1/sync/claims)', (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(backend, (started) => ({ cloud, proxy } = started));

  it('two online tills redeem one code 50 times at once: one success, decided by the cloud, no conflict', async () => {
    const { a, b, code } = await twoTillsAndACode(cloud, proxy);
    const answers = await redeemEverywhere(a, b, code, 'online');
    const won = answers.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(won[0]!.ok && won[0]!.data).toMatchObject({ decidedBy: 'cloud' });
    const refused = answers.filter((r) => !r.ok);
    for (const r of refused) expect(!r.ok && r.error.code).toBe('COUPON_ALREADY_REDEEMED');
    // The other till was refused by the cloud at once, naming the winner's store.
    const winnerTill = answers.indexOf(won[0]!) % 2 ? b : a;
    const loserTill = winnerTill === a ? b : a;
    const byCloud = answers.filter(
      (r, i) => !r.ok && (i % 2 ? b : a) === loserTill && r.error.details?.decidedBy === 'cloud',
    );
    expect(byCloud.length).toBeGreaterThan(0);
    const named = byCloud[0]!;
    expect(!named.ok && named.error.message).toContain(winnerTill === a ? '一号店' : '二号店');

    // The push of the winner's redemption is the same claim: no conflict anywhere.
    for (const till of [a, b, a, b])
      expect(await till.syncNow()).toMatchObject({ conflictCount: 0, deadLetterCount: 0 });
    const list = await winnerTill.ok('redemption.list', { code }, winnerTill.ownerToken);
    expect(list.items.map((r) => r.status)).toEqual(['completed']);
    const elsewhere = await loserTill.ok('redemption.list', { code }, loserTill.ownerToken);
    expect(elsewhere.items.map((r) => r.id)).toEqual(list.items.map((r) => r.id));
  });

  it('with the cloud out of reach each till decides offline, and the push finds one conflict', async () => {
    const { a, b, code } = await twoTillsAndACode(cloud, proxy);
    proxy.faults.down = true;
    try {
      const answers = await redeemEverywhere(a, b, code, 'offline');
      const won = answers.filter((r) => r.ok);
      // One at each till: neither could ask the cloud.
      expect(won).toHaveLength(2);
      for (const r of won)
        expect(r.ok && (r.data as { decidedBy: string }).decidedBy).toBe('offline');
    } finally {
      proxy.faults.down = false;
    }
    const statuses = [];
    for (const till of [a, b, a, b]) statuses.push(await till.syncNow());
    const conflicts = (await a.status()).conflictCount + (await b.status()).conflictCount;
    expect(conflicts).toBe(1);
    expect(statuses.every((s) => s.deadLetterCount === 0)).toBe(true);
  });
});
