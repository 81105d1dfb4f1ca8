import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import {
  ConsumerRanking,
  type RankingQuery,
} from '../../../src-main/core/analytics/consumer-ranking';
import { addDays } from '../../../src-shared/time';
import { testCore } from '../../support/core';

const TODAY = '2026-12-06';
const P1 = '+8613900001111';
const P2 = '+8613800002222';
const P3 = '+8613700003333';

/** A migrated database with consumer rollup rows written the way the rollups write them. */
async function rankingShop() {
  const { core } = await testCore();
  const sqlite = core.sqlite;
  const insert = sqlite.prepare(
    `INSERT INTO rollup_consumer_day (phone, day, store_id, product_id, kind, count, amount_fen)
     VALUES (?, ?, 'S1', '', ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count,
       amount_fen = amount_fen + excluded.amount_fen`,
  );
  const stamp = sqlite.prepare(
    `INSERT INTO rollup_consumer_stamp (day, stamp) VALUES (?, 1)
     ON CONFLICT (day) DO UPDATE SET stamp = stamp + 1`,
  );
  /** One redemption, its row and its day's stamp in one transaction (as rollups.ts does). */
  const redeem = sqlite.transaction((phone: string, day: string, count = 1) => {
    insert.run(phone, day, 'coupon', count, 1000 * count);
    stamp.run(day);
  });
  /** Rows changed without their stamp: only a reader that does not look again still sees them. */
  const forget = (day: string) =>
    sqlite.prepare('DELETE FROM rollup_consumer_day WHERE day = ?').run(day);
  return { sqlite, redeem, forget };
}

const query = (from: string, to = TODAY): RankingQuery => ({
  from,
  to,
  storeIds: [],
  kinds: ['coupon', 'cashback'],
  limit: 10,
});

describe('reading the top consumers ahead', () => {
  it('holds a year of slices afterwards: the ranges people ask for need no reading', async () => {
    const { sqlite, redeem, forget } = await rankingShop();
    // P1 all year (a visit every 5 days), P2 twice in the last week, P3 only 300 days ago.
    for (let back = 0; back < 365; back += 5) redeem(P1, addDays(TODAY, -back));
    redeem(P2, addDays(TODAY, -1), 2);
    redeem(P3, addDays(TODAY, -300), 3);
    const ranking = new ConsumerRanking(sqlite);
    await ranking.warm(TODAY, new AbortController().signal);

    // The rows go, their stamps stay: what answers now was read by the warm-up.
    for (let back = 0; back < 365; back++) forget(addDays(TODAY, -back));
    const ranges = [addDays(TODAY, -6), addDays(TODAY, -29), addDays(TODAY, -89), '2026-01-01'];
    for (const from of [...ranges, addDays(TODAY, -364)]) {
      const top = ranking.top(query(from));
      const p1 = top.find((c) => c.phone === P1)!;
      expect(p1.count, from).toBe(Math.floor((addDaysBetween(from) - 1) / 5) + 1);
      expect(top.find((c) => c.phone === P2)?.count, from).toBe(2);
    }
    expect(ranking.top(query(addDays(TODAY, -364))).map((c) => c.phone)).toEqual([P1, P3, P2]);
  });

  it('lets other work run between its days and stops where it is when aborted', async () => {
    const { sqlite, redeem, forget } = await rankingShop();
    for (let back = 0; back < 365; back++) redeem(P1, addDays(TODAY, -back));
    const ranking = new ConsumerRanking(sqlite);
    const controller = new AbortController();
    let turns = 0;
    let warming = true;
    const warm = ranking.warm(TODAY, controller.signal).finally(() => (warming = false));
    // Other work gets its turns while the year is read: a step at a time, not all at once.
    while (warming && turns < 150) {
      await nextTurn();
      turns++;
    }
    expect(turns).toBe(150);
    controller.abort();
    await warm;
    for (let back = 0; back < 365; back++) forget(addDays(TODAY, -back));
    // The last days were read before it stopped; October, among the last months, never was.
    expect(ranking.top(query(addDays(TODAY, -6)))).toEqual([
      { phone: P1, count: 7, amountFen: 7000 },
    ]);
    expect(ranking.top(query('2026-10-01', '2026-10-31'))).toEqual([]);
  });

  it('reads a month again when one of its days was written while it was being read', async () => {
    const { sqlite, redeem } = await rankingShop();
    redeem(P1, '2026-06-10');
    // A till writes the 20th of June just as the warm-up reads the 25th: June's stamp was taken
    // before its days, so the slice it keeps is older than the table and the query reads again.
    const watched = new Proxy(sqlite, {
      get(target, property) {
        if (property !== 'prepare') return Reflect.get(target, property, target) as unknown;
        return (source: string) => {
          const statement = target.prepare(source);
          if (!source.includes('FROM rollup_consumer_day')) return statement;
          return {
            raw: () => ({
              iterate: (firstDay: string, lastDay: string) => {
                if (firstDay === '2026-06-25') redeem(P2, '2026-06-20', 5);
                return statement.raw(true).iterate(firstDay, lastDay);
              },
            }),
          };
        };
      },
    });
    const ranking = new ConsumerRanking(watched);
    await ranking.warm(TODAY, new AbortController().signal);
    expect(ranking.top(query('2026-06-01', '2026-06-30'))).toEqual([
      { phone: P2, count: 5, amountFen: 5000 },
      { phone: P1, count: 1, amountFen: 1000 },
    ]);
  });
});

describe('the read-ahead in the running app', () => {
  it('starts after the delay, logs how long it took, and stops with the app', async () => {
    const { logger } = await testCore({ config: { analytics: { warmUpDelayMs: 0 } } });
    await expect
      .poll(() => logger.lines.find((line) => line.message === 'analytics read ahead'))
      .toMatchObject({ level: 'info', fields: { ms: expect.any(Number) } });

    // Closed while it may still be reading: it stops quietly, nothing touches the closed file.
    const second = await testCore({ config: { analytics: { warmUpDelayMs: 0 } } });
    await sleep(2);
    await second.core.close();
    await sleep(50);
    expect(second.logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
  });
});

/** Days from `from` to TODAY, both counted. */
function addDaysBetween(from: string): number {
  return (Date.parse(TODAY) - Date.parse(from)) / 86_400_000 + 1;
}

describe('ranking the top consumers', () => {
  it('keeps the highest counts, ties by phone, only phones with redemptions, at most the limit', async () => {
    const { sqlite, redeem } = await rankingShop();
    const phone = (n: number) => `+861390000${String(n).padStart(4, '0')}`;
    // Thirty phones: phone n redeemed (n % 7) + 1 times, so many share a count.
    for (let n = 0; n < 30; n++) redeem(phone(n), addDays(TODAY, -(n % 10)), (n % 7) + 1);
    // Redeemed and then not (a voided redemption leaves a zero): never ranked.
    redeem('+8613999999999', TODAY, 0);
    const ranking = new ConsumerRanking(sqlite);
    const expected = Array.from({ length: 30 }, (_, n) => ({ phone: phone(n), count: (n % 7) + 1 }))
      .sort((a, b) => b.count - a.count || (a.phone < b.phone ? -1 : 1))
      .slice(0, 10);
    const top = ranking.top(query(addDays(TODAY, -30)));
    expect(top.map(({ phone, count }) => ({ phone, count }))).toEqual(expected);
    expect(top.map((c) => c.amountFen)).toEqual(expected.map((c) => c.count * 1000));
    // The same twice (the sums are reused between queries), and a limit past the phones.
    expect(ranking.top(query(addDays(TODAY, -30)))).toEqual(top);
    expect(ranking.top({ ...query(addDays(TODAY, -30)), limit: 100 })).toHaveLength(30);
  });
});
