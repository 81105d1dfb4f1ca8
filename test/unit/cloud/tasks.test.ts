import { JobLease } from '../../../src-cloud/jobs/lease';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { checkPools } from '../../../src-cloud/tasks/pool';
import { orderCode } from '../../../src-cloud/tasks/codes';
import { checkinTasks, taskFixes, taskOrders, taskPools } from '../../../src-cloud/tasks/schema';
import { TaskOrders } from '../../../src-cloud/tasks/orders';
import { TasksService } from '../../../src-cloud/tasks/service';
import { TaskSweeper } from '../../../src-cloud/tasks/sweep';
import { ConsumerConsents } from '../../../src-cloud/wallet/consents';
import { verifyToken } from '../../../src-node/coupons/token';
import { createMemoryLogger } from '../../../src-node/logger';
import { convert, type LatLng } from '../../../src-shared/geo/coordinates';
import { normalizeMainlandMobile } from '../../../src-shared/phone';
import { v7 } from 'uuid';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  event,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import {
  directSession,
  postAll,
  pushAccepted,
  templateChanged,
  walletShop,
} from '../../support/wallet';

// Check-in tasks (issue 26): the cloud validates a task and names what fails, keeps its prepaid
// pool as a ledger (funded = available + reserved + released + refunded), reserves a place per
// acceptance exactly under concurrency, decides location check-ins, and releases the reward when
// the till scans the phone's task QR.

const HOUR = 3600_000;

describeOnEachBackend('check-in tasks', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        config.rateLimits.public = { capacity: 100_000, refillPerSecond: 100_000 };
        config.rateLimits.device = { capacity: 100_000, refillPerSecond: 100_000 };
        config.tasks.paymentProviders = ['manual', 'fake'];
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  const codeOf = (answer: { body: any }) => answer.body.error?.code ?? 'ok';

  /** A shop whose store is the target (GCJ-02 31.2304, 121.4737) and a coupon reward worth ¥20. */
  async function taskShop() {
    const shop = await walletShop(cloud);
    const device = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      cloud.request(method, url, { token: shop.till.token, body });
    const definition = (fields: Record<string, unknown> = {}) => ({
      title: '到店打卡领券',
      description: '到人民广场店打卡，扫码领 20 元券',
      target: { kind: 'store', storeId: shop.store.id },
      radiusM: 200,
      startsAt: cloud.clock.now() - HOUR,
      deadlineAt: cloud.clock.now() + 2 * HOUR,
      reward: { kind: 'coupon', templateId: shop.template.id, valueFen: 2000 },
      places: 10,
      perPerson: 1,
      onSiteRequired: true,
      ...fields,
    });
    /** A published task, funded by the fake provider. */
    async function published(fields: Record<string, unknown> = {}) {
      const task = (await device('POST', '/v1/tasks', definition(fields))).body.data;
      const funded = await device('POST', `/v1/tasks/${task.id}/fund`, { provider: 'fake' });
      expect(funded.status, JSON.stringify(funded.body)).toBe(200);
      const answer = await device('POST', `/v1/tasks/${task.id}/publish`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.data;
    }
    const phone = async (consentToLocation = true) => {
      const number = freshPhone();
      const token = await directSession(cloud, shop.merchant.id, number);
      if (consentToLocation)
        await cloud.ok('POST', `/v1/consumers/${shop.merchant.code}/consents`, {
          token,
          body: { marketing: false, location: true, textShown: '使用我的位置用于打卡' },
        });
      const url = (path: string) => `/v1/consumers/${shop.merchant.code}${path}`;
      return {
        number,
        token,
        call: (method: 'GET' | 'POST', path: string, body?: unknown) =>
          cloud.request(method, url(path), { token, body }),
      };
    };
    return { ...shop, device, definition, published, phone };
  }

  /** A WGS-84 fix `metres` north of the store (whose coordinates are GCJ-02). */
  const AT_STORE = {
    ...convert({ lat: 31.2304, lng: 121.4737 }, 'gcj02', 'wgs84'),
    accuracy: 10,
    mode: 'walking' as const,
  };
  function fixNorthOfStore(metres: number, accuracy = 20): LatLng & { accuracy: number } {
    const atStore = convert({ lat: 31.2304, lng: 121.4737 }, 'gcj02', 'wgs84');
    return { lat: atStore.lat + metres / 111_195, lng: atStore.lng, accuracy };
  }

  it('names every rule a task breaks, and publishes only once its pool covers every place', async () => {
    const shop = await taskShop();
    const paused = templateChanged({ status: 'paused' });
    const ending = templateChanged({
      validityKind: 'fixed',
      validStartDate: '2020-01-01',
      validEndDate: '2020-12-31',
    });
    await pushAccepted(cloud, shop.till.token, [paused.event, ending.event]);
    const refused = await shop.device(
      'POST',
      '/v1/tasks',
      shop.definition({
        radiusM: 10,
        deadlineAt: cloud.clock.now() - 1,
        reward: { kind: 'coupon', templateId: paused.template.id, valueFen: 0 },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'TASK_INVALID' });
    expect(refused.body.error.details.failures.sort()).toEqual(
      ['deadlinePassed', 'radiusOutOfRange', 'rewardTemplateInactive', 'rewardValueInvalid'].sort(),
    );
    const unknownStore = await shop.device(
      'POST',
      '/v1/tasks',
      shop.definition({
        target: { kind: 'store', storeId: '0190a0f0-0000-7000-8000-000000000000' },
      }),
    );
    expect(unknownStore.body.error.details.failures).toEqual(['targetStoreUnknown']);
    const endsEarly = await shop.device(
      'POST',
      '/v1/tasks',
      shop.definition({
        reward: { kind: 'coupon', templateId: ending.template.id, valueFen: 2000 },
      }),
    );
    expect(endsEarly.body.error.details.failures).toEqual(['rewardTemplateEndsEarly']);

    const task = (await shop.device('POST', '/v1/tasks', shop.definition())).body.data;
    expect(task).toMatchObject({ status: 'draft', placesLeft: 10, pool: { funded: 0 } });
    const short = await shop.device('POST', `/v1/tasks/${task.id}/publish`);
    expect(short.body.error).toMatchObject({
      code: 'TASK_POOL_SHORT',
      details: { neededFen: 20_000, availableFen: 0 },
    });

    // A manual payment waits for the operator; once confirmed (twice: once), it funds the pool.
    const manual = (await shop.device('POST', `/v1/tasks/${task.id}/fund`, { provider: 'manual' }))
      .body.data;
    expect(manual.payment).toMatchObject({ status: 'pending', amountFen: 20_000 });
    expect(manual.payment.reference).toMatch(/^TK-/);
    expect(manual.task.pool).toMatchObject({ funded: 0, pending: 20_000 });
    expect(codeOf(await shop.device('POST', `/v1/tasks/${task.id}/publish`))).toBe(
      'TASK_POOL_SHORT',
    );
    const confirm = `/v1/admin/merchants/${shop.merchant.id}/payments/${manual.payment.id}/confirm`;
    await cloud.admin('POST', confirm);
    expect(await cloud.admin('POST', confirm)).toMatchObject({ status: 'confirmed' });
    const published = (await shop.device('POST', `/v1/tasks/${task.id}/publish`)).body.data;
    expect(published).toMatchObject({
      status: 'published',
      pool: { funded: 20_000, available: 20_000, pending: 0 },
    });
    expect(
      codeOf(await shop.device('POST', `/v1/tasks/${task.id}/fund`, { provider: 'fake' })),
    ).toBe('TASK_POOL_COVERED');
    // Published: the words may change, the places may not.
    const edited = (
      await shop.device(
        'POST',
        `/v1/tasks/${task.id}`,
        shop.definition({ title: '打卡送券', places: 99 }),
      )
    ).body.data;
    expect(edited).toMatchObject({ title: '打卡送券', places: 10, placesLeft: 10 });

    // A transfer confirmed after its task ended goes straight back.
    const late = (await shop.device('POST', '/v1/tasks', shop.definition())).body.data;
    const pending = (await shop.device('POST', `/v1/tasks/${late.id}/fund`, { provider: 'manual' }))
      .body.data.payment;
    await shop.device('POST', `/v1/tasks/${late.id}/close`);
    await cloud.admin(
      'POST',
      `/v1/admin/merchants/${shop.merchant.id}/payments/${pending.id}/confirm`,
    );
    const ended = (await shop.device('GET', '/v1/tasks')).body.data.tasks.find(
      (t: { id: string }) => t.id === late.id,
    );
    expect(ended.pool).toMatchObject({ funded: 20_000, available: 0, refunded: 20_000 });
    expect(await checkPools(cloud.database.db, shop.merchant.id)).toEqual([]);
  });

  it('accept far away with little time: warned and the desktop told; check in near; the till’s scan releases the coupon once', async () => {
    const shop = await taskShop();
    const task = await shop.published({ deadlineAt: cloud.clock.now() + 20 * 60_000 });
    const a = await shop.phone();
    const nearby = (
      await a.call(
        'GET',
        `/tasks?lat=${fixNorthOfStore(3000).lat}&lng=${fixNorthOfStore(3000).lng}`,
      )
    ).body.data.tasks;
    expect(nearby).toHaveLength(1);
    expect(nearby[0]).toMatchObject({ id: task.id, placesLeft: 10, orderId: null });
    expect(nearby[0].distanceM).toBeGreaterThan(2900);
    expect(nearby[0].distanceM).toBeLessThan(3100);

    // 3 km on foot (≈ 50 min) against a 20-minute deadline.
    const far = fixNorthOfStore(3000);
    const accepted = await a.call('POST', `/tasks/${task.id}/accept`, { ...far, mode: 'walking' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const order = accepted.body.data;
    expect(order).toMatchObject({ state: 'accepted', estimate: { mode: 'walking', late: true } });
    // No QR for the till before the position's gate.
    expect(order.qr).toBeNull();
    // Accepting again answers the same order.
    expect((await a.call('POST', `/tasks/${task.id}/accept`, {})).body.data.id).toBe(order.id);
    const pulled = (await cloud.pull(shop.till.token, '?limit=1000')).events as {
      kind: string;
      payload: any;
    }[];
    const told = pulled.filter((e) => e.kind === 'tasks.orderChanged').at(-1)!.payload;
    expect(told).toMatchObject({ title: '到店打卡领券', order: { id: order.id, lateRisk: true } });
    expect(told.order.phoneMasked).toMatch(/\*\*\*\*/);
    const listed = (await shop.device('GET', '/v1/tasks')).body.data.tasks[0];
    expect(listed).toMatchObject({
      lateRisk: 1,
      placesLeft: 9,
      pool: { available: 18_000, reserved: 2_000 },
    });

    // By bike the estimate is on time; the check-ins: far, imprecise, then near (minutes apart).
    cloud.clock.advance(3 * 60_000);
    const bike = (
      await a.call('POST', `/orders/${order.id}/checkin`, {
        ...fixNorthOfStore(1500),
        mode: 'cycling',
      })
    ).body.data;
    expect(bike).toMatchObject({
      verdict: 'tooFar',
      order: { estimate: { mode: 'cycling', late: false } },
    });
    expect(
      (await a.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(100, 400))).body.data
        .verdict,
    ).toBe('inaccurate');
    cloud.clock.advance(4 * 60_000);
    const near = (await a.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(150, 30)))
      .body.data;
    expect(near).toMatchObject({
      verdict: 'checkedIn',
      order: { state: 'checkedIn', coupon: null },
    });
    expect(near.distanceM).toBeGreaterThan(140);
    const qr = near.order.qr as string;
    expect(qr).toMatch(/^T1-/);

    // Without the location consent there is no check-in, and the till's scan waits for one.
    const b = await shop.phone(false);
    const bOrder = (await b.call('POST', `/tasks/${task.id}/accept`, {})).body.data;
    expect(codeOf(await b.call('POST', `/orders/${bOrder.id}/checkin`, fixNorthOfStore(10)))).toBe(
      'TASK_NEEDS_LOCATION',
    );
    // (A genuine QR of B's order, signed as the cloud would: it hands none out before the gate.)
    const [row] = await cloud.database.db
      .select({ secret: checkinTasks.secret })
      .from(checkinTasks)
      .where(eq(checkinTasks.id, task.id));
    const unchecked = orderCode(row!.secret, bOrder.id);
    expect(codeOf(await shop.device('POST', '/v1/tasks/verify', { code: unchecked }))).toBe(
      'TASK_CHECKIN_FIRST',
    );

    // The till scans A's QR: the reward is in A's wallet at once, signed by the merchant's key.
    expect(
      codeOf(await shop.device('POST', '/v1/tasks/verify', { code: qr.replace(/.$/, 'x') })),
    ).toBe('TASK_CODE_INVALID');
    const verified = await shop.device('POST', '/v1/tasks/verify', { code: qr });
    expect(verified.body.data).toMatchObject({
      orderId: order.id,
      completedNow: true,
      reward: { kind: 'coupon' },
    });
    expect(
      (await shop.device('POST', '/v1/tasks/verify', { code: qr })).body.data.completedNow,
    ).toBe(false);
    const done = (await a.call('GET', `/orders/${order.id}`)).body.data;
    expect(done).toMatchObject({
      state: 'verified',
      qr: null,
      coupon: { status: 'available', name: '满100减20' },
    });
    const secret = Buffer.from(shop.key.secret, 'base64');
    expect(verifyToken(done.coupon.token, () => [secret])).toMatchObject({ ok: true });
    const wallet = (await a.call('GET', '/wallet')).body.data.coupons;
    expect(wallet.map((c: any) => c.code)).toEqual([done.coupon.code]);
    // Every PC gets the code (the task as its batch) and the order's completion.
    const after = (await cloud.pull(shop.till.token, '?limit=1000')).events as {
      kind: string;
      payload: any;
    }[];
    expect(
      after.find((e) => e.kind === 'coupons.issued' && e.payload.batchId === task.id)?.payload
        .codes,
    ).toEqual([done.coupon.code]);
    expect(
      after.filter((e) => e.kind === 'tasks.orderChanged').at(-1)!.payload.order,
    ).toMatchObject({
      id: order.id,
      state: 'verified',
    });
    const pool = (await shop.device('GET', '/v1/tasks')).body.data.tasks[0].pool;
    expect(pool).toMatchObject({
      funded: 20_000,
      released: 2_000,
      reserved: 2_000,
      available: 16_000,
    });
    expect(await checkPools(cloud.database.db, shop.merchant.id)).toEqual([]);
  });

  it('the till’s rotating site code: after a location check-in, at its store, for 30 s and the period after', async () => {
    const shop = await taskShop();
    const task = await shop.published();
    const a = await shop.phone();
    const order = (await a.call('POST', `/tasks/${task.id}/accept`, {})).body.data;
    const site = (
      await shop.device('GET', `/v1/tasks/${task.id}/site-code?storeId=${shop.store.id}`)
    ).body.data;
    expect(site.path).toMatch(
      new RegExp(`^/c/${shop.merchant.code}/tasks/${task.id}/site\\?code=S1-`),
    );
    const code = new URL(site.path, cloud.base).searchParams.get('code')!;
    expect(codeOf(await a.call('POST', `/tasks/${task.id}/site`, { code }))).toBe(
      'TASK_CHECKIN_FIRST',
    );
    await a.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(20));
    cloud.clock.advance(65_000);
    expect(codeOf(await a.call('POST', `/tasks/${task.id}/site`, { code }))).toBe(
      'TASK_CODE_INVALID',
    );
    const fresh = (
      await shop.device('GET', `/v1/tasks/${task.id}/site-code?storeId=${shop.store.id}`)
    ).body.data;
    const scanned = await a.call('POST', `/tasks/${task.id}/site`, {
      code: new URL(fresh.path, cloud.base).searchParams.get('code'),
    });
    expect(scanned.body.data).toMatchObject({ state: 'verified', coupon: { status: 'available' } });
  });

  it('a task without on-site verification completes at the check-in; a jump no one travels is flagged', async () => {
    const shop = await taskShop();
    const task = await shop.published({ onSiteRequired: false });
    const a = await shop.phone();
    const order = (await a.call('POST', `/tasks/${task.id}/accept`, fixNorthOfStore(40_000))).body
      .data;
    // 40 km in a second: refused as implausible, and the order is flagged for the merchant.
    const jump = (await a.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(10))).body
      .data;
    expect(jump.verdict).toBe('impossibleSpeed');
    cloud.clock.advance(10 * 60_000);
    const near = (await a.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(10))).body
      .data;
    expect(near).toMatchObject({
      verdict: 'checkedIn',
      order: { state: 'verified', coupon: { status: 'available' } },
    });
    const [listed] = (await shop.device('GET', `/v1/tasks/${task.id}/orders`)).body.data.orders;
    expect(listed).toMatchObject({ state: 'verified', flagged: true });
  });

  it('a points reward: members only, booked by the cloud as an earn every PC applies, on the wallet card', async () => {
    const shop = await taskShop();
    const task = await shop.published({
      onSiteRequired: false,
      reward: { kind: 'points', points: 50, valueFen: 50 },
    });
    const stranger = await shop.phone();
    expect(codeOf(await stranger.call('POST', `/tasks/${task.id}/accept`, {}))).toBe(
      'TASK_MEMBERS_ONLY',
    );
    const member = await shop.phone();
    const memberId = v7();
    const e164 = normalizeMainlandMobile(member.number)!;
    await pushAccepted(cloud, shop.till.token, [
      event(
        'members.changed',
        { id: memberId, phone: e164, name: '王女士', levelId: null, updatedAt: Date.now() },
        memberId,
      ),
    ]);
    const order = (await member.call('POST', `/tasks/${task.id}/accept`, {})).body.data;
    const done = (await member.call('POST', `/orders/${order.id}/checkin`, fixNorthOfStore(15)))
      .body.data;
    expect(done.order).toMatchObject({
      state: 'verified',
      coupon: null,
      reward: { kind: 'points', points: 50 },
    });
    const pulled = (await cloud.pull(shop.till.token, '?limit=1000')).events as {
      kind: string;
      deviceId: string | null;
      payload: any;
    }[];
    expect(pulled.find((e) => e.kind === 'points.moved')?.payload).toMatchObject({
      memberId,
      kind: 'earn',
      points: 50,
      reason: 'task',
      storeId: shop.store.id,
    });
    const me = (await member.call('GET', '/me')).body.data;
    expect(me.member).toMatchObject({ memberId, points: 50 });
  });

  it('1,000 phones accept 100 places at once: exactly 100 orders, the pool balanced', async () => {
    const shop = await taskShop();
    const task = await shop.published({ places: 100 });
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, () => directSession(cloud, shop.merchant.id, freshPhone())),
    );
    const answers = await postAll(
      cloud.base,
      `/v1/consumers/${shop.merchant.code}/tasks/${task.id}/accept`,
      tokens,
    );
    const codes = answers.map((a) => (a.status === 200 ? 'ok' : a.body.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(100);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'TASK_FULL')).toBe(true);
    const [orders] = await cloud.database.db
      .select({ n: taskOrders.id })
      .from(taskOrders)
      .where(and(eq(taskOrders.merchantId, shop.merchant.id), eq(taskOrders.taskId, task.id)))
      .then((rows) => [rows.length]);
    expect(orders).toBe(100);
    const [pool] = await cloud.database.db
      .select()
      .from(taskPools)
      .where(and(eq(taskPools.merchantId, shop.merchant.id), eq(taskPools.taskId, task.id)));
    expect(pool).toMatchObject({ placesLeft: 0, available: 0, reserved: 200_000, funded: 200_000 });
    expect(await checkPools(cloud.database.db, shop.merchant.id)).toEqual([]);

    // One phone tapping 接受 twenty times at once holds one order.
    const other = await shop.published({ places: 10 });
    const phone = await directSession(cloud, shop.merchant.id, freshPhone());
    const taps = await postAll(
      cloud.base,
      `/v1/consumers/${shop.merchant.code}/tasks/${other.id}/accept`,
      Array.from({ length: 20 }, () => phone),
    );
    expect(new Set(taps.map((t) => t.body.data?.id ?? t.body.error.code)).size).toBe(1);
    expect(taps.every((t) => t.status === 200)).toBe(true);
  }, 120_000);

  it('orders past the deadline lapse and give their place back; an ended task refunds the rest and forgets the fixes', async () => {
    const shop = await taskShop();
    const task = await shop.published({ deadlineAt: cloud.clock.now() + HOUR, places: 3 });
    const [a, b] = [await shop.phone(), await shop.phone()];
    const aOrder = (await a.call('POST', `/tasks/${task.id}/accept`, {})).body.data;
    const bOrder = (await b.call('POST', `/tasks/${task.id}/accept`, {})).body.data;
    const aIn = (await a.call('POST', `/orders/${aOrder.id}/checkin`, fixNorthOfStore(20))).body
      .data;
    await shop.device('POST', '/v1/tasks/verify', { code: aIn.order.qr });
    await b.call('POST', `/orders/${bOrder.id}/checkin`, fixNorthOfStore(900));
    const sweeper = new TaskSweeper(
      cloud.database.db,
      cloud.clock,
      new TasksService(cloud.database.db, cloud.clock, {
        paymentProviders: ['fake'],
        sweepEveryMs: 60_000,
      }),
      createMemoryLogger(),
      new JobLease(cloud.database.db, 'tasks-test', 'tasks.sweep'),
    );
    // (The sweep sees the other tests' tasks too: this one's orders and pool are what is checked.)
    cloud.clock.advance(HOUR + 1000);
    await sweeper.sweep();
    expect((await b.call('GET', `/orders/${bOrder.id}`)).body.data).toMatchObject({
      state: 'lapsed',
      qr: null,
    });
    let listed = (await shop.device('GET', '/v1/tasks')).body.data.tasks[0];
    expect(listed).toMatchObject({
      placesLeft: 2,
      pool: { available: 4_000, reserved: 0, released: 2_000 },
    });
    expect(codeOf(await b.call('POST', `/tasks/${task.id}/accept`, {}))).toBe('TASK_ENDED');

    cloud.clock.advance(31 * 60_000);
    expect((await sweeper.sweep()).closed).toBeGreaterThanOrEqual(1);
    listed = (await shop.device('GET', '/v1/tasks')).body.data.tasks[0];
    expect(listed).toMatchObject({
      status: 'closed',
      pool: { funded: 6_000, available: 0, reserved: 0, released: 2_000, refunded: 4_000 },
    });
    const fixes = await cloud.database.db
      .select()
      .from(taskFixes)
      .where(eq(taskFixes.merchantId, shop.merchant.id));
    expect(fixes).toEqual([]);
    const [kept] = await cloud.database.db
      .select()
      .from(taskOrders)
      .where(and(eq(taskOrders.merchantId, shop.merchant.id), eq(taskOrders.id, aOrder.id)));
    // What stays of A's check-in: the verdict and a point to ~100 m.
    expect(kept!.coarseLat! * 1000).toBeCloseTo(Math.round(kept!.coarseLat! * 1000), 6);
    expect(await checkPools(cloud.database.db, shop.merchant.id)).toEqual([]);
  });

  it('property: any interleaving of funding, accepting, verifying, lapsing and closing keeps every pool balanced', async () => {
    const shop = await taskShop();
    const db = cloud.database.db;
    const service = new TasksService(db, cloud.clock, {
      paymentProviders: ['fake'],
      sweepEveryMs: 60_000,
    });
    // Every phone here consented to location (the consent itself has its own tests).
    const consented = { latest: async () => ({ location: true, marketing: null }) };
    const orders = new TaskOrders(db, cloud.clock, consented as unknown as ConsumerConsents);
    const sweeper = new TaskSweeper(
      db,
      cloud.clock,
      service,
      createMemoryLogger(),
      new JobLease(db, 'tasks-test', 'tasks.sweep'),
    );
    const device = {
      deviceId: shop.till.deviceId,
      merchantId: shop.merchant.id,
      name: '',
      storeId: null,
      via: 'current' as const,
    };
    const actor = (phone: string) => ({
      merchantId: shop.merchant.id,
      phone: normalizeMainlandMobile(phone)!,
      sessionId: 'property',
      expiresAt: cloud.clock.now() + HOUR,
    });
    const step = fc.oneof(
      fc.record({ op: fc.constant('accept' as const), who: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ op: fc.constant('verify' as const), who: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ op: fc.constant('fund' as const), fen: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ op: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 90 }) }),
      fc.record({ op: fc.constant('close' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        const task = await service.create(
          device,
          shop.definition({ places: 3, perPerson: 2, deadlineAt: cloud.clock.now() + HOUR }) as any,
        );
        await service.fund(device, task.id, { provider: 'fake' });
        await service.publish(device, task.id);
        const phones = Array.from({ length: 6 }, () => freshPhone());
        const qrs = new Map<number, string>(); // phone → its latest order
        for (const s of steps) {
          const attempt = async () => {
            if (s.op === 'accept') {
              const order = await orders.accept(actor(phones[s.who]!), task.id, {
                mode: 'walking',
              });
              qrs.set(s.who, order.id);
            } else if (s.op === 'verify' && qrs.has(s.who)) {
              const phone = actor(phones[s.who]!);
              const { order } = await orders.checkin(phone, qrs.get(s.who)!, AT_STORE);
              if (order.qr) await service.verify(device, order.qr);
            } else if (s.op === 'fund')
              await service.fund(device, task.id, { provider: 'fake', amountFen: s.fen });
            else if (s.op === 'wait') {
              cloud.clock.advance(s.minutes * 60_000);
              await sweeper.sweep();
            } else if (s.op === 'close') await service.close(shop.merchant.id, task.id);
          };
          // Refusals (full, ended, closed, over the limit) are answers; they must move nothing.
          await attempt().catch((error: { code?: string }) => {
            if (!error.code) throw error;
          });
          const violations = await checkPools(db, shop.merchant.id);
          if (violations.length) throw new Error(JSON.stringify(violations));
        }
      }),
      { numRuns: backend.databaseUrl ? 8 : 12 },
    );
  }, 180_000);
});
