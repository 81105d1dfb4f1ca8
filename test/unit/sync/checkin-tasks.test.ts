import { expect, it } from 'vitest';
import { convert } from '../../../src-shared/geo/coordinates';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { freshPhone } from '../../support/phones';
import { OWNER_PIN } from '../../support/core';
import { pairedShop } from '../../support/sync';
import { directSession } from '../../support/wallet';

// Check-in tasks from a real paired PC (issue 26): the manager creates, funds (fake provider) and
// publishes through the desktop's methods; a phone accepting too far away becomes a 可能迟到
// notification at the PC's next pull; the till's scan of the phone's task QR releases the reward.

const TARGET = { lat: 32.0409, lng: 118.7845 }; // GCJ-02, 新街口

describeOnEachBackend('check-in tasks from the desktop', (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(
    backend,
    (started) => ({ cloud, proxy } = started),
    (config) => {
      config.tasks.paymentProviders = ['manual', 'fake'];
    },
  );

  it('create, fund, publish; a late risk notifies the managers; the till’s scan rewards the phone once', async () => {
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店', { url: proxy.url });
    const template = await shop.activeTemplate();
    await shop.syncNow();
    // The tasks live in the cloud, on the cloud's time.
    shop.clock.set(cloud.clock.now());
    const { token } = await shop.ok('auth.login', { staffId: shop.ids.ownerId, pin: OWNER_PIN });
    const now = cloud.clock.now();
    const definition = {
      title: '新街口打卡',
      description: '到新街口打卡，扫码领券',
      target: { kind: 'point' as const, ...TARGET, system: 'gcj02' as const, label: '新街口广场' },
      radiusM: 100,
      startsAt: now,
      deadlineAt: now + 15 * 60_000,
      reward: { kind: 'coupon' as const, templateId: template.id, valueFen: 1000 },
      places: 5,
      perPerson: 1,
      onSiteRequired: true,
    };
    const refused = await shop.fails('tasks.create', { ...definition, radiusM: 5 }, token);
    expect(refused).toMatchObject({
      code: 'TASK_INVALID',
      details: { failures: ['radiusOutOfRange'] },
    });
    expect(refused.message).toBe('打卡任务有未通过的校验项，请按提示修改');

    const task = await shop.ok('tasks.create', definition, token);
    const funded = await shop.ok('tasks.fund', { taskId: task.id, provider: 'fake' }, token);
    expect(funded.payment).toMatchObject({ status: 'confirmed', amountFen: 5000 });
    await shop.ok('tasks.publish', { taskId: task.id }, token);
    const site = await shop.ok('tasks.siteCode', { taskId: task.id }, token);
    expect(site.url).toMatch(
      new RegExp(`^${proxy.url}/c/${merchant.code}/tasks/${task.id}/site\\?code=S1-`),
    );

    const heard: unknown[] = [];
    shop.core.events.subscribe(
      () => token,
      (name, payload) => {
        if (name === 'tasks.lateRisk') heard.push(payload);
      },
    );
    // A phone 5 km away on foot with 15 minutes to go.
    const phone = await directSession(cloud, merchant.id, freshPhone());
    const far = convert({ lat: TARGET.lat + 0.045, lng: TARGET.lng }, 'gcj02', 'wgs84');
    const order = await cloud.ok('POST', `/v1/consumers/${merchant.code}/tasks/${task.id}/accept`, {
      token: phone,
      body: { ...far, accuracy: 30, mode: 'walking' },
    });
    expect(order.estimate).toMatchObject({ late: true });
    await shop.ok('sync.now', {}, token);
    expect(heard).toEqual([
      {
        orderId: order.id,
        taskId: task.id,
        title: '新街口打卡',
        phoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/),
        estimatedArrivalAt: order.estimate.arrivalAt,
      },
    ]);
    const [listed] = (await shop.ok('tasks.orders', { taskId: task.id }, token)).orders;
    expect(listed).toMatchObject({ id: order.id, state: 'accepted', lateRisk: true });

    // At the store: the location check-in (the gate), then the till scans the QR it shows.
    const consumer = `/v1/consumers/${merchant.code}`;
    await cloud.ok('POST', `${consumer}/consents`, {
      token: phone,
      body: { marketing: false, location: true, textShown: '使用我的位置用于打卡' },
    });
    const here = convert(TARGET, 'gcj02', 'wgs84');
    cloud.clock.advance(5 * 60_000);
    const arrived = await cloud.ok('POST', `${consumer}/orders/${order.id}/checkin`, {
      token: phone,
      body: { ...here, accuracy: 15, mode: 'walking' },
    });
    expect(arrived).toMatchObject({ verdict: 'checkedIn' });
    const qr = arrived.order.qr as string;
    const verified = await shop.ok('tasks.verify', { code: qr }, token);
    expect(verified).toMatchObject({ completedNow: true, title: '新街口打卡' });
    expect((await shop.ok('tasks.verify', { code: qr }, token)).completedNow).toBe(false);
    expect(await shop.fails('tasks.verify', { code: 'T1-nonsense' }, token)).toMatchObject({
      code: 'TASK_CODE_INVALID',
    });
    const { tasks } = await shop.ok('tasks.list', {}, token);
    expect(tasks[0]).toMatchObject({
      id: task.id,
      orders: { verified: 1 },
      pool: { funded: 5000, released: 1000, available: 4000 },
    });
    // The reward's code reaches the till with the next pull and redeems there like any other.
    await shop.ok('sync.now', {}, token);
    const reward = (
      await cloud.ok('GET', `/v1/consumers/${merchant.code}/orders/${order.id}`, { token: phone })
    ).coupon;
    shop.clock.set(cloud.clock.now());
    const verdict = await shop.ok(
      'redemption.verify',
      { code: reward.token, order: { subtotalFen: 12_000 } },
      token,
    );
    expect(verdict.valid, JSON.stringify(verdict)).toBe(true);

    // Offline, a task call says so in words.
    proxy.faults.down = true;
    expect(await shop.fails('tasks.list', {}, token)).toMatchObject({
      code: 'SYNC_CLOUD_UNREACHABLE',
    });
  });
});
