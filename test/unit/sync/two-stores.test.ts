import { sellApples } from '../../support/cashback';
import { expect, it } from 'vitest';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { freshPhone } from '../../support/phones';
import { pairedShop } from '../../support/sync';
import { localDate } from '../../../src-shared/time';

describeOnEachBackend('two stores of a chain through the cloud', (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(backend, (started) => ({ cloud, proxy } = started));

  it('a code issued at store A is redeemed at store B after sync, and A then refuses it', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const b = await pairedShop(cloud, merchant.id, '二号店');
    const template = await a.activeTemplate();
    const coupon = await a.issueOne(template.id);
    expect((await a.status()).pendingCount).toBeGreaterThan(0);

    const afterA = await a.syncNow();
    expect(afterA).toMatchObject({ state: 'idle', pendingCount: 0, lastError: null });
    await b.syncNow();

    const redeemed = await b.ok(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-000100' },
      b.cashierToken,
    );
    expect(redeemed.verdict.discountFen).toBe(2000);
    await b.syncNow();
    await a.syncNow();

    const refused = await a.fails(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-a-000100' },
      a.cashierToken,
    );
    expect(refused.code).toBe('COUPON_ALREADY_REDEEMED');
    // Syncing again applies nothing twice.
    await a.syncNow();
    const list = await a.ok('redemption.list', { code: coupon.code }, a.ownerToken);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.id).toBe(redeemed.redemption.id);
  });

  it('both stores redeem one code while the cloud is out of reach: one wins, the other sees the conflict', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    const b = await pairedShop(cloud, merchant.id, '二号店', { url: proxy.url });
    const template = await a.activeTemplate();
    const coupon = await a.issueOne(template.id);
    await a.syncNow();
    await b.syncNow();

    proxy.faults.down = true;
    const atA = await a.ok(
      'redemption.redeem',
      {
        code: coupon.code,
        order: { subtotalFen: 12000, customerPhone: '13812345678' },
        idempotencyKey: 'till-a-100000',
      },
      a.cashierToken,
    );
    const atB = await b.ok(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 15000 }, idempotencyKey: 'till-b-100000' },
      b.cashierToken,
    );
    const offline = await a.syncNow();
    expect(offline.state).toBe('offline');
    expect(offline.pendingCount).toBeGreaterThan(0);
    expect(offline.lastError).toMatch(/NETWORK/);

    proxy.faults.down = false;
    expect(await a.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0, conflictCount: 0 });
    expect(await b.syncNow()).toMatchObject({ state: 'idle', pendingCount: 0, conflictCount: 1 });

    const [conflict] = await b.ok('sync.conflicts', { includeResolved: false }, b.ownerToken);
    expect(conflict).toMatchObject({
      code: coupon.code,
      winner: {
        redemptionId: atA.redemption.id,
        deviceId: a.deviceId,
        deviceName: '一号店',
        amountFen: 2000,
      },
      loser: { redemptionId: atB.redemption.id, deviceId: b.deviceId, deviceName: '二号店' },
    });

    const resolved = await b.ok(
      'sync.resolveConflict',
      { eventId: conflict!.eventId, note: '已向顾客收回优惠' },
      b.ownerToken,
    );
    expect(resolved.resolvedAt).not.toBeNull();
    const local = await b.ok('redemption.list', { code: coupon.code }, b.ownerToken);
    expect(local.items.find((r) => r.id === atB.redemption.id)?.status).toBe('voided');
    expect((await b.status()).conflictCount).toBe(0);
    // The winner's store keeps its redemption.
    const winner = await a.ok('redemption.list', { code: coupon.code }, a.ownerToken);
    expect(winner.items.map((r) => r.status)).toEqual(['completed']);
  });

  it('redeems an unseen but genuinely signed code offline, within the daily limits', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const b = await pairedShop(cloud, merchant.id, '二号店');
    const template = await a.activeTemplate();
    await a.syncNow();
    await b.syncNow(); // B knows the template, not the codes issued next
    await b.ok(
      'sync.setSettings',
      { intervalSeconds: 60, offlineMaxCountPerDay: 1, offlineMaxFenPerDay: 5000 },
      b.ownerToken,
    );
    const first = await a.issueOne(template.id);
    const second = await a.issueOne(template.id);
    const qr = (code: { code: string; validUntil: number }) =>
      a.core.services.issuer.qrPayload(code.code, template.id, code.validUntil);

    // Typed digits of an unseen code: nothing to vouch for it.
    const typed = await b.fails(
      'redemption.redeem',
      { code: second.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-typed0' },
      b.cashierToken,
    );
    expect(typed.code).toBe('COUPON_NOT_FOUND');
    // A forged QR: refused as forged.
    const forged = qr(first).slice(0, -3) + 'AAA';
    const verdict = await b.ok(
      'redemption.verify',
      { code: forged, order: { subtotalFen: 12000 } },
      b.cashierToken,
    );
    expect(verdict).toMatchObject({ valid: false, reason: 'FORGED' });
    const forgedRedeem = await b.fails(
      'redemption.redeem',
      { code: forged, order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-forged' },
      b.cashierToken,
    );
    expect(forgedRedeem.code).toBe('COUPON_FORGED');

    const admitted = await b.ok(
      'redemption.redeem',
      { code: qr(first), order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-offline-1' },
      b.cashierToken,
    );
    expect(admitted.verdict.discountFen).toBe(2000);
    const overCount = await b.fails(
      'redemption.redeem',
      { code: qr(second), order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-offline-2' },
      b.cashierToken,
    );
    expect(overCount.code).toBe('COUPON_OFFLINE_LIMIT_REACHED');
    expect(overCount.message).toContain('今日离线核销已达上限');

    // The claim goes to the cloud like any other and is accepted (nobody redeemed it first).
    expect(await b.syncNow()).toMatchObject({ pendingCount: 0, conflictCount: 0 });
    await a.syncNow();
    const atA = await a.fails(
      'redemption.redeem',
      { code: first.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-a-late00' },
      a.cashierToken,
    );
    expect(atA.code).toBe('COUPON_ALREADY_REDEEMED');
  });

  it("a store created and edited at store A appears at store B; A's staff are known at B by name only", async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const b = await pairedShop(cloud, merchant.id, '二号店');
    const opened = await a.ok(
      'stores.create',
      { name: '鲜果优选 中山路店', code: 'ZSL', districtCode: '320106' },
      a.ownerToken,
    );
    await a.ok('stores.update', { id: opened.id, name: '鲜果优选 中山北路店' }, a.ownerToken);
    const picker = await a.ok(
      'staff.create',
      { name: '赵拣货', role: 'manager', pin: '975312', storeId: opened.id },
      a.ownerToken,
    );
    await a.syncNow();
    await b.syncNow();

    const atB = await b.ok('stores.list', { includeInactive: true }, b.ownerToken);
    const copied = atB.find((store) => store.id === opened.id);
    expect(copied).toMatchObject({
      name: '鲜果优选 中山北路店',
      code: 'ZSL',
      districtCode: '320106',
      terminals: [],
    });
    // Both shops called their first store S01: A's keeps a code of its own at B.
    const homeOfA = atB.find((store) => store.id === a.ids.storeId)!;
    expect(homeOfA.name).toBe('鲜果优选 新街口店');
    expect(homeOfA.code).not.toBe(atB.find((store) => store.id === b.ids.storeId)!.code);
    expect(new Set(atB.map((store) => store.code)).size).toBe(atB.length);

    // A later edit at A wins at B; syncing again changes nothing.
    await a.ok('stores.update', { id: opened.id, active: false }, a.ownerToken);
    await a.syncNow();
    await b.syncNow();
    await b.syncNow();
    const closed = (await b.ok('stores.list', { includeInactive: true }, b.ownerToken)).find(
      (store) => store.id === opened.id,
    );
    expect(closed).toMatchObject({ active: false, name: '鲜果优选 中山北路店' });

    // A's manager is in B's directory, not an account at B: not in the picker, cannot sign in.
    const options = await b.ok('auth.loginOptions', {}, undefined);
    expect(options.staff.map((person) => person.id)).not.toContain(picker.id);
    expect((await b.fails('auth.login', { staffId: picker.id, pin: '975312' })).code).not.toBe(
      undefined,
    );
    expect(
      b.core.sqlite
        .prepare('SELECT name, role, store_id FROM synced_staff WHERE id = ?')
        .get(picker.id),
    ).toEqual({ name: '赵拣货', role: 'manager', store_id: opened.id });

    // A redemption at A shows at B with A's store and cashier by name.
    const template = await a.activeTemplate();
    const coupon = await a.issueOne(template.id);
    await a.ok(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-a-000200' },
      a.cashierToken,
    );
    await a.syncNow();
    await b.syncNow();
    const listed = await b.ok('redemption.list', { code: coupon.code }, b.ownerToken);
    expect(listed.items[0]).toMatchObject({ storeName: '鲜果优选 新街口店', staffName: '李收银' });
    const refused = await b.fails(
      'redemption.redeem',
      { code: coupon.code, order: { subtotalFen: 12000 }, idempotencyKey: 'till-b-000200' },
      b.cashierToken,
    );
    expect(refused).toMatchObject({
      code: 'COUPON_ALREADY_REDEEMED',
      details: { storeName: '鲜果优选 新街口店', staffName: '李收银' },
    });
  });

  it('a cashback code paid to a consumer through the cloud is no longer payable at the counter, and analytics counts the payout', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    await a.activeTemplate({
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [a.products.apple.id], categories: [] },
    });
    await sellApples(a.ok, a.cashierToken, a.ids.storeId);
    const cashback = await a.ok(
      'cashback.requestCode',
      { barcode: '6901234567892', terminalId: a.ids.terminalId },
      a.cashierToken,
    );
    await a.syncNow();
    const consumer = freshPhone();
    const paid = await cloud.request('POST', `/v1/consumers/${merchant.code}/cashback/redeem`, {
      body: {
        code: cashback.qrPayload,
        phone: consumer,
        otp: await cloud.otpFor(merchant.code, consumer),
      },
    });
    expect(paid.status).toBe(200);

    await a.syncNow();
    const late = await a.fails(
      'cashback.redeem',
      { code: cashback.code, phone: '13900000000' },
      a.cashierToken,
    );
    expect(late.code).toBe('CASHBACK_ALREADY_REDEEMED');

    // Analytics counts the payout on the cloud's day of it, for the consumer who was paid.
    const day = localDate(cloud.clock.now(), 'Asia/Shanghai');
    const range = { from: day, to: day };
    const byRegion = await a.ok(
      'analytics.redemptionsByRegion',
      { ...range, level: 'province', kinds: ['cashback'] },
      a.ownerToken,
    );
    expect(byRegion.total).toBe(1);
    const profile = await a.ok('analytics.consumer', { ...range, phone: consumer }, a.ownerToken);
    expect(profile).toMatchObject({ rewardFen: 200, total: { total: 1 } });
    // Pulling again counts nothing twice.
    await a.syncNow();
    expect(
      (
        await a.ok(
          'analytics.redemptionsByRegion',
          { ...range, level: 'province', kinds: ['cashback'] },
          a.ownerToken,
        )
      ).total,
    ).toBe(1);
  });

  it('a cashback code paid at the counter offline after a consumer was paid through the cloud: the manager sees both and records the counter payout as reversed', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    await a.activeTemplate({
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [a.products.apple.id], categories: [] },
    });
    await sellApples(a.ok, a.cashierToken, a.ids.storeId);
    const cashback = await a.ok(
      'cashback.requestCode',
      { barcode: '6901234567892', terminalId: a.ids.terminalId },
      a.cashierToken,
    );
    await a.syncNow();

    // The shop's line is down; the consumer is paid through the cloud, and someone else is paid
    // the same code at the counter.
    proxy.faults.down = true;
    const consumer = freshPhone();
    const online = await cloud.request('POST', `/v1/consumers/${merchant.code}/cashback/redeem`, {
      body: {
        code: cashback.qrPayload,
        phone: consumer,
        otp: await cloud.otpFor(merchant.code, consumer),
      },
    });
    expect(online.status).toBe(200);
    await a.ok('cashback.redeem', { code: cashback.code, phone: '13900000000' }, a.cashierToken);
    proxy.faults.down = false;
    expect(await a.syncNow()).toMatchObject({ pendingCount: 0, conflictCount: 1 });

    const [conflict] = await a.ok('sync.conflicts', { includeResolved: false }, a.ownerToken);
    expect(conflict).toMatchObject({
      code: cashback.code,
      winner: { kind: 'cashback', deviceId: null, phone: `+86${consumer}`, amountFen: 200 },
      loser: { kind: 'cashback', deviceName: '一号店', phone: '+8613900000000', amountFen: 200 },
    });
    expect(
      (await a.fails('sync.resolveConflict', { eventId: conflict!.eventId }, a.cashierToken)).code,
    ).toBe('FORBIDDEN');

    const resolved = await a.ok(
      'sync.resolveConflict',
      { eventId: conflict!.eventId, note: '已联系顾客退回 2 元' },
      a.ownerToken,
    );
    expect(resolved).toMatchObject({ resolution: 'cashback.reversed: 已联系顾客退回 2 元' });
    expect((await a.status()).conflictCount).toBe(0);
    const [entry] = (await a.ok('audit.list', { action: 'sync.resolveConflict' }, a.ownerToken))
      .items;
    expect(entry).toMatchObject({
      targetType: 'cashbackCode',
      details: {
        outcome: 'payoutReversed',
        amountFen: 200,
        paidHereTo: '139****0000',
        paidFirstTo: `137****${consumer.slice(-4)}`,
        paidFirstVia: 'cloud',
      },
    });
    // Settled once: the conflict is no longer open.
    expect(
      (await a.fails('sync.resolveConflict', { eventId: conflict!.eventId }, a.ownerToken)).code,
    ).toBe('SYNC_ISSUE_NOT_FOUND');
  });
});
