import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeOnEachBackend,
  event,
  numericCode,
  redemptionClaim,
  CLOUD_START_TIMEOUT_MS,
  startCloud,
  type TestCloud,
} from '../../support/cloud';

describeOnEachBackend('cloud sync: push and pull', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  async function twoStores() {
    const merchant = await cloud.newMerchant();
    const a = await cloud.pair(merchant.id, '一号店');
    const b = await cloud.pair(merchant.id, '二号店');
    return { merchant, a, b };
  }

  /** Everything the device can pull, page by page. */
  async function pullAll(token: string, limit = 1000) {
    const events: any[] = [];
    let cursor = '0';
    for (;;) {
      const page = await cloud.pull(token, `?after=${cursor}&limit=${limit}`);
      events.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return { events, cursor };
    }
  }

  it('is idempotent per event id: the same batch twice answers the same and stores once', async () => {
    const { a, b } = await twoStores();
    const batch = [
      redemptionClaim(numericCode()),
      event('templates.changed', { id: 'tpl', name: '满100减20' }),
      event('stock.moved', { productId: 'p1', qty: -2 }),
    ];
    const first = await cloud.push(a.token, batch);
    expect(first.status).toBe(200);
    expect(first.body.data.results.map((r: any) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    const second = await cloud.push(a.token, batch);
    expect(second.body.data).toEqual(first.body.data);
    // A retry that overlaps: old events answer as before, the new one is taken.
    const overlapping = [batch[2]!, event('sales.recorded', { total: 500 })];
    const third = await cloud.push(a.token, overlapping);
    expect(third.body.data.results[0]).toEqual(first.body.data.results[2]);
    expect(third.body.data.results[1]).toMatchObject({
      status: 'accepted',
      seq: String(Number(first.body.data.results[2].seq) + 1),
    });

    const pulled = await pullAll(b.token);
    expect(pulled.events.map((e) => e.id)).toEqual([...batch, overlapping[1]!].map((e) => e.id));
    expect(pulled.events[1]).toMatchObject({
      kind: 'templates.changed',
      payload: { id: 'tpl', name: '满100减20' },
      status: 'accepted',
      deviceId: a.deviceId,
      own: false,
    });
  });

  it('rejects what can never be accepted, per event, and an id reused for another event', async () => {
    const { a } = await twoStores();
    const good = event('staff.changed', { id: 's1' });
    const results = (
      await cloud.push(
        a.token,
        [
          good,
          event('coupons.teleported', {}),
          event('redemption.completed', { id: 'not-a-uuid', code: '' }),
        ],
        { 'accept-language': 'en' },
      )
    ).body.data.results;
    expect(results.map((r: any) => [r.status, r.seq === null, r.error?.code])).toEqual([
      ['accepted', false, undefined],
      ['rejected', true, 'UNKNOWN_EVENT_KIND'],
      ['rejected', true, 'VALIDATION_FAILED'],
    ]);
    expect(results[1].error.message).toBe(
      'The cloud does not know this kind of change: coupons.teleported',
    );
    expect(results[2].error.details.issues.map((i: any) => i.path.join('.'))).toContain(
      'payload.id',
    );
    const reused = await cloud.push(a.token, [{ ...good, payload: { id: 'something else' } }]);
    expect(reused.body.data.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'EVENT_ID_REUSED' },
    });
    // The batch envelope itself must be well formed: that is a 400 for the whole batch.
    const broken = await cloud.request('POST', '/v1/sync/push', {
      token: a.token,
      body: { events: [{ id: 'x' }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses one event with a NUL or a lone surrogate, not the batch around it', async () => {
    const { a } = await twoStores();
    const before = event('staff.changed', { id: 's1', name: '李收银' });
    const nul = event('stock.moved', { note: 'to\u0000day', lines: [{ qty: 1 }] });
    const surrogate = event('stores.changed', { name: { zh: 'bad \ud800 half' } });
    const emoji = event('staff.changed', { id: 's2', name: '王 😀' });
    const answer = await cloud.push(a.token, [before, nul, surrogate, emoji], {
      'accept-language': 'en',
    });
    expect(answer.status).toBe(200);
    const results = answer.body.data.results;
    expect(results.map((r: any) => [r.status, r.error?.code])).toEqual([
      ['accepted', undefined],
      ['rejected', 'UNSAFE_TEXT'],
      ['rejected', 'UNSAFE_TEXT'],
      ['accepted', undefined],
    ]);
    expect(results[1].error.details).toEqual({ path: 'payload.note' });
    expect(results[2].error.message).toContain('payload.name.zh');
    // Asked again (the desktop retried before it heard): the same answer, stored once.
    const again = await cloud.push(a.token, [nul]);
    expect(again.body.data.results[0]).toEqual(results[1]);
    // An envelope field is a name, never free text: the whole batch is refused (400).
    const badKind = await cloud.push(a.token, [
      { ...event('staff.changed', {}), entityId: 'x\u0000' },
    ]);
    expect(badKind.status).toBe(400);
  });

  it('pulls after a cursor in pages, skipping or marking the device own events', async () => {
    const { merchant, a, b } = await twoStores();
    const fromA = Array.from({ length: 25 }, (_, i) => event('stock.moved', { n: i }));
    const fromB = Array.from({ length: 5 }, (_, i) => event('sales.recorded', { n: i }));
    await cloud.push(a.token, fromA.slice(0, 10));
    await cloud.push(b.token, fromB);
    await cloud.push(a.token, fromA.slice(10));

    // B's view: A's 25 events in pages of 10, its own 5 skipped.
    const pages: any[] = [];
    let cursor = '0';
    for (;;) {
      const page = await cloud.pull(b.token, `?after=${cursor}&limit=10`);
      pages.push(page);
      expect(Number(page.cursor)).toBeGreaterThan(Number(cursor));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.map((p) => p.events.length)).toEqual([10, 10, 5]);
    expect(pages.flatMap((p) => p.events.map((e: any) => e.payload.n))).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    // The last cursor is the end of the stream, past B's own events too: nothing more.
    expect(cursor).toBe('30');
    expect(await cloud.pull(b.token, `?after=${cursor}`)).toEqual({
      events: [],
      cursor: '30',
      hasMore: false,
    });
    // Pushed later: only that is new.
    const late = event('stores.changed', { id: 'store-1' });
    await cloud.push(a.token, [late]);
    const next = await cloud.pull(b.token, `?after=${cursor}`);
    expect(next.events.map((e: any) => e.id)).toEqual([late.id]);

    const withOwn = await cloud.pull(b.token, '?after=10&limit=5&includeOwn=true');
    expect(withOwn.events.map((e: any) => [e.own, e.kind])).toEqual(
      Array.from({ length: 5 }, () => [true, 'sales.recorded']),
    );

    // Another merchant's device sees none of it.
    const stranger = await cloud.pair((await cloud.newMerchant()).id);
    expect(await cloud.pull(stranger.token)).toEqual({ events: [], cursor: '0', hasMore: false });
    expect(merchant.id).toBeTruthy();

    const bad = await cloud.request('GET', '/v1/sync/pull?after=-1&limit=5000', { token: b.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: any) => i.path[0]).sort()).toEqual([
      'after',
      'limit',
    ]);
  });

  it('reads the stream in bounded windows: a long run of own events gives short pages that advance', async () => {
    const { a, b } = await twoStores();
    const own = Array.from({ length: 30 }, (_, i) => event('stock.moved', { n: i }));
    await cloud.push(b.token, own);
    const fromA = event('sales.recorded', { total: 500 });
    await cloud.push(a.token, [fromA]);

    // Pages of 1: one request scans at most 20 windows of 1 sequence number, finds only B's
    // own events, and says where it stopped.
    const first = await cloud.pull(b.token, '?after=0&limit=1');
    expect(first).toEqual({ events: [], cursor: '20', hasMore: true });
    const second = await cloud.pull(b.token, `?after=${first.cursor}&limit=1`);
    expect(second.events.map((e: any) => e.id)).toEqual([fromA.id]);
    expect(second).toMatchObject({ cursor: '31', hasMore: false });
    // With its own events, the same windows are full pages.
    const withOwn = await cloud.pull(b.token, '?after=0&limit=7&includeOwn=true');
    expect(withOwn.events.map((e: any) => e.payload.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(withOwn).toMatchObject({ cursor: '7', hasMore: true });
  });

  it('lets the first claim on a single-use code win; the other gets both redemptions', async () => {
    const { a, b } = await twoStores();
    const code = numericCode();
    const claimA = redemptionClaim(code, { discountFen: 2000, customerPhone: '+8613800000001' });
    const claimB = redemptionClaim(code, { discountFen: 1500 });
    const first = await cloud.push(a.token, [claimA]);
    expect(first.body.data.results[0].status).toBe('accepted');
    const second = (await cloud.push(b.token, [claimB])).body.data.results[0];
    expect(second.status).toBe('conflict');
    expect(second.conflict).toMatchObject({
      code,
      winner: {
        kind: 'coupon',
        redemptionId: claimA.payload.id,
        eventId: claimA.id,
        deviceId: a.deviceId,
        deviceName: '一号店',
        amountFen: 2000,
        phone: '+8613800000001',
      },
      loser: {
        redemptionId: claimB.payload.id,
        deviceId: b.deviceId,
        deviceName: '二号店',
        amountFen: 1500,
      },
    });
    // The answer is stored: pushing the lost claim again answers the same conflict.
    expect((await cloud.push(b.token, [claimB])).body.data.results[0]).toEqual(second);
    // A pulls the conflict too, so the winning store can show it.
    const seenByA = (await cloud.pull(a.token)).events;
    expect(seenByA).toEqual([
      expect.objectContaining({ id: claimB.id, status: 'conflict', conflict: second.conflict }),
    ]);

    // Voiding the winner frees the code; the next claim wins.
    const voided = event('redemption.voided', {
      redemptionId: claimA.payload.id,
      couponId: claimA.payload.couponId,
      voidedAt: Date.now(),
      voidedBy: null,
      reason: '顾客退货',
    });
    expect((await cloud.push(a.token, [voided])).body.data.results[0].status).toBe('accepted');
    const reclaim = redemptionClaim(code);
    expect((await cloud.push(b.token, [reclaim])).body.data.results[0].status).toBe('accepted');
  });

  it('decides claims and voids in the order of one batch', async () => {
    const { a, b } = await twoStores();
    const code = numericCode();
    const first = redemptionClaim(code);
    const voidFirst = event('redemption.voided', {
      redemptionId: first.payload.id,
      voidedAt: Date.now(),
    });
    const second = redemptionClaim(code);
    const third = redemptionClaim(code);
    const results = (await cloud.push(a.token, [first, voidFirst, second, third])).body.data
      .results;
    expect(results.map((r: any) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'conflict',
    ]);
    expect(results[3].conflict.winner.redemptionId).toBe(second.payload.id);
    const later = (await cloud.push(b.token, [redemptionClaim(code)])).body.data.results[0];
    expect(later.conflict.winner).toMatchObject({
      redemptionId: second.payload.id,
      deviceName: '一号店',
    });
  });

  it('decides concurrent claims from two devices: exactly one wins each code', async () => {
    const { a, b } = await twoStores();
    const codes = Array.from({ length: 8 }, () => numericCode());
    // Each device pushes its batch of claims for the same codes at the same time, in a
    // different order, so neither push simply comes first for every code.
    const [fromA, fromB] = await Promise.all([
      cloud.push(
        a.token,
        codes.map((code) => redemptionClaim(code)),
      ),
      cloud.push(
        b.token,
        [...codes].reverse().map((code) => redemptionClaim(code)),
      ),
    ]);
    const statusA = fromA.body.data.results.map((r: any) => r.status);
    const statusB = [...fromB.body.data.results].reverse().map((r: any) => r.status);
    for (let i = 0; i < codes.length; i++)
      expect([statusA[i], statusB[i]].sort()).toEqual(['accepted', 'conflict']);

    // And many single-claim pushes racing for one code.
    const code = numericCode();
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        cloud.push(i % 2 ? a.token : b.token, [redemptionClaim(code)]),
      ),
    );
    const statuses = racers.map((r) => r.body.data.results[0].status).sort();
    expect(statuses).toEqual([
      'accepted',
      'conflict',
      'conflict',
      'conflict',
      'conflict',
      'conflict',
    ]);
    const winner = racers.find((r) => r.body.data.results[0].status === 'accepted')!.body.data
      .results[0];
    for (const r of racers.filter((r) => r.body.data.results[0].status === 'conflict'))
      expect(r.body.data.results[0].conflict.winner.eventId).toBe(winner.eventId);
  });
});
