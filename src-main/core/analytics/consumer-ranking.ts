import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RedemptionKind } from '../../../src-shared/contract/analytics';
import { datesInRange, wholeMonthsOf } from '../../../src-shared/analytics/rules';
import { addDays } from '../../../src-shared/time';
import type { Sqlite } from '../db/open';

// The top consumers of any range, over every product. All phones of a long range must be summed
// (twenty thousand regulars over a year are half a million rollup rows: SQLite's GROUP BY takes
// ~200 ms), so the figures are kept in memory as slices, one per day and one per whole month,
// each a set of parallel arrays (phone, store, kind, count, amount). A query sums a year's slices
// in a few milliseconds. A slice is read again only when its day changed: every write to a day's
// consumer rows bumps that day's stamp (rollup_consumer_stamp, in the same transaction), and the
// stamps are read in the same snapshot as the slices. Reading a year of slices takes a second or
// two, so `warm` reads them after start, a day per turn of the event loop.

const KIND_INDEX: Record<RedemptionKind, number> = { coupon: 0, cashback: 1 };
const KINDS = Object.keys(KIND_INDEX) as RedemptionKind[];

/** What one slice holds: a day's or a month's figures per phone, store and kind. */
interface Slice {
  stamp: number;
  phone: Int32Array;
  store: Int32Array;
  kind: Uint8Array;
  count: Int32Array;
  fen: Float64Array;
}

export interface RankedConsumer {
  phone: string;
  count: number;
  amountFen: number;
}

export interface RankingQuery {
  from: string;
  to: string;
  storeIds: readonly string[];
  kinds: readonly RedemptionKind[];
  limit: number;
}

/** Interns strings as small integers, so slices can hold them in typed arrays. */
class Names {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.names.push(name) - 1));
    return id;
  }
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

type ConsumerRow = [
  phone: string,
  storeId: string,
  kind: RedemptionKind,
  count: number,
  fen: number,
];

/** Sums rollup rows into one entry per phone, store and kind (in JS: faster than a GROUP BY). */
class SliceBuilder {
  private readonly at = new Map<number, number>();
  private readonly phone: number[] = [];
  private readonly store: number[] = [];
  private readonly kind: number[] = [];
  private readonly count: number[] = [];
  private readonly fen: number[] = [];

  constructor(
    private readonly phones: Names,
    private readonly stores: Names,
  ) {}

  add(rows: Iterable<ConsumerRow>): void {
    for (const [p, s, k, n, amount] of rows) {
      const phoneId = this.phones.id(p);
      const storeId = this.stores.id(s);
      const kindId = KIND_INDEX[k];
      const key = (phoneId * 65_536 + storeId) * 2 + kindId;
      const i = this.at.get(key);
      if (i === undefined) {
        this.at.set(key, this.phone.push(phoneId) - 1);
        this.store.push(storeId);
        this.kind.push(kindId);
        this.count.push(n);
        this.fen.push(amount);
      } else {
        this.count[i]! += n;
        this.fen[i]! += amount;
      }
    }
  }

  build(stamp: number): Slice {
    return {
      stamp,
      phone: Int32Array.from(this.phone),
      store: Int32Array.from(this.store),
      kind: Uint8Array.from(this.kind),
      count: Int32Array.from(this.count),
      fen: Float64Array.from(this.fen),
    };
  }
}

/** About 22 bytes an entry: the default keeps well under 200 MB whatever is asked. */
const DEFAULT_MAX_ENTRIES = 8_000_000;

function prepareStatements(sqlite: Sqlite) {
  return {
    stamps: sqlite.prepare(
      'SELECT day, stamp FROM rollup_consumer_stamp WHERE day BETWEEN ? AND ?',
    ),
    stampSum: sqlite.prepare(
      'SELECT COALESCE(SUM(stamp), 0) AS stamp FROM rollup_consumer_stamp WHERE day BETWEEN ? AND ?',
    ),
    rows: sqlite
      .prepare(
        `SELECT phone, store_id, kind, count, amount_fen FROM rollup_consumer_day
         WHERE product_id = '' AND day BETWEEN ? AND ?`,
      )
      .raw(true),
  };
}

export class ConsumerRanking {
  private readonly phones = new Names();
  private readonly stores = new Names();
  /** By 'YYYY-MM-DD' or 'YYYY-MM'; Map order is use order (least recent first). */
  private readonly slices = new Map<string, Slice>();
  private entries = 0;
  private buffers = { counts: new Float64Array(0), amounts: new Float64Array(0) };

  // Prepared once: the read-ahead runs them for every day of a year.
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    this.statements = prepareStatements(sqlite);
  }

  top(query: RankingQuery): RankedConsumer[] {
    // One read snapshot: the stamps and the rows they vouch for come from the same moment.
    const slices = this.sqlite.transaction(() => this.slicesOf(query.from, query.to))();
    const { counts, amounts } = this.sums();
    const kinds = new Uint8Array(KINDS.length);
    for (const kind of query.kinds) kinds[KIND_INDEX[kind]] = 1;
    const stores = query.storeIds.length ? new Uint8Array(this.stores.names.length) : null;
    if (stores)
      for (const storeId of query.storeIds) {
        const id = this.stores.find(storeId);
        if (id !== undefined) stores[id] = 1;
      }
    for (const s of slices)
      for (let i = 0; i < s.phone.length; i++) {
        if (!kinds[s.kind[i]!] || (stores && !stores[s.store[i]!])) continue;
        counts[s.phone[i]!]! += s.count[i]!;
        amounts[s.phone[i]!]! += s.fen[i]!;
      }
    const ranked = topIndexes(counts, query.limit, this.phones.names);
    this.evict(new Set(slices));
    return ranked.map((id) => ({
      phone: this.phones.names[id]!,
      count: counts[id]!,
      amountFen: amounts[id]!,
    }));
  }

  /**
   * The per-phone sums of a query, zeroed: kept between queries (a year's question adds up
   * hundreds of thousands of phones; fresh arrays each time left the collector the work).
   */
  private sums(): { counts: Float64Array; amounts: Float64Array } {
    const size = this.phones.names.length;
    if (this.buffers.counts.length < size) {
      // Room for the phones still to come, so the arrays are not made anew for each one.
      const room = Math.ceil(size * 1.25);
      this.buffers = { counts: new Float64Array(room), amounts: new Float64Array(room) };
    } else {
      this.buffers.counts.fill(0);
      this.buffers.amounts.fill(0);
    }
    return this.buffers;
  }

  /** Whole months as month slices, the loose days at either end as day slices. */
  private slicesOf(from: string, to: string): Slice[] {
    const stampOf = new Map<string, number>();
    for (const row of this.statements.stamps.iterate(from, to) as Iterable<{
      day: string;
      stamp: number;
    }>)
      stampOf.set(row.day, row.stamp);
    const split = wholeMonthsOf(from, to);
    const slices: Slice[] = [];
    for (const days of [split.before, split.after])
      if (days)
        for (const day of datesInRange(days[0], days[1]))
          slices.push(this.slice(day, day, day, stampOf.get(day) ?? 0));
    if (split.months) {
      // Each whole month's first and last day, and the sum of its days' stamps (any change moves it).
      const months = new Map<string, { first: string; last: string; stamp: number }>();
      const first = split.before ? addDays(split.before[1], 1) : from;
      const last = split.after ? addDays(split.after[0], -1) : to;
      for (const day of datesInRange(first, last)) {
        const month = months.get(day.slice(0, 7));
        const stamp = stampOf.get(day) ?? 0;
        if (month) Object.assign(month, { last: day, stamp: month.stamp + stamp });
        else months.set(day.slice(0, 7), { first: day, last: day, stamp });
      }
      for (const [key, m] of months) slices.push(this.slice(key, m.first, m.last, m.stamp));
    }
    return slices;
  }

  /** The cached slice if its days are unchanged, otherwise read from the daily rollup. */
  private slice(key: string, firstDay: string, lastDay: string, stamp: number): Slice {
    const cached = this.slices.get(key);
    if (cached?.stamp !== stamp) {
      const builder = this.builder();
      builder.add(this.rowsOf(firstDay, lastDay));
      return this.keep(key, builder.build(stamp));
    }
    this.slices.delete(key);
    this.slices.set(key, cached);
    return cached;
  }

  /**
   * Reads ahead the slices the ranges people ask for need (the last 7, 30, 90 or 365 days, this
   * year): each day of the last 90 and the loose days a year back, then each whole month of the
   * year. A month is read a day per turn of the event loop, so the till's requests never wait
   * behind it. Its stamp is read before its days: a day written meanwhile leaves the slice with
   * an older stamp, and the next query reads it again.
   */
  async warm(today: string, signal: AbortSignal): Promise<void> {
    const split = wholeMonthsOf(addDays(today, -364), today);
    const days = new Set([
      ...(split.before ? datesInRange(...split.before) : []),
      ...datesInRange(addDays(today, -89), today),
    ]);
    for (const day of days) {
      await nextTurn();
      if (signal.aborted) return;
      this.slice(day, day, day, this.stampSum(day, day));
    }
    this.evict(new Set());
    if (!split.months) return;
    for (let month = split.months[0]; month <= split.months[1]; month = nextMonth(month)) {
      const monthDays = datesInRange(`${month}-01`, addDays(`${nextMonth(month)}-01`, -1));
      const stamp = this.stampSum(monthDays[0]!, monthDays.at(-1)!);
      if (this.slices.get(month)?.stamp === stamp) continue;
      const builder = this.builder();
      for (const day of monthDays) {
        await nextTurn();
        if (signal.aborted) return;
        builder.add(this.rowsOf(day, day));
      }
      this.evict(new Set([this.keep(month, builder.build(stamp))]));
    }
  }

  private stampSum(firstDay: string, lastDay: string): number {
    return (this.statements.stampSum.get(firstDay, lastDay) as { stamp: number }).stamp;
  }

  /** Puts a slice in place of the key's last one, as the most recently used. */
  private keep(key: string, slice: Slice): Slice {
    const replaced = this.slices.get(key);
    if (replaced) this.entries -= replaced.phone.length;
    this.slices.delete(key);
    this.slices.set(key, slice);
    this.entries += slice.phone.length;
    return slice;
  }

  private builder(): SliceBuilder {
    return new SliceBuilder(this.phones, this.stores);
  }

  private rowsOf(firstDay: string, lastDay: string): Iterable<ConsumerRow> {
    return this.statements.rows.iterate(firstDay, lastDay) as Iterable<ConsumerRow>;
  }

  /** Drops the least recently used slices over the budget, never those just used. */
  private evict(inUse: Set<Slice>): void {
    for (const [key, slice] of this.slices) {
      if (this.entries <= this.maxEntries) return;
      if (inUse.has(slice)) continue;
      this.slices.delete(key);
      this.entries -= slice.phone.length;
    }
  }
}

/**
 * The ids of the `limit` highest counts above zero, highest first, ties by phone. One pass
 * keeping the best `limit` in order (sorting every phone's count took ~20 ms of a year's query).
 */
function topIndexes(counts: Float64Array, limit: number, phones: readonly string[]): number[] {
  const before = (a: number, b: number) =>
    counts[a]! > counts[b]! || (counts[a] === counts[b] && phones[a]! < phones[b]!);
  const best: number[] = [];
  for (let id = 0; id < counts.length; id++) {
    if (!(counts[id]! > 0)) continue;
    if (best.length === limit && !before(id, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && before(id, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = id;
  }
  return best;
}

/** 'YYYY-MM' → the month after it. */
function nextMonth(month: string): string {
  return addDays(`${month}-28`, 4).slice(0, 7);
}
