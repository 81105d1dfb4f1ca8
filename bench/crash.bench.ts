// Redemptions survive `kill -9` (issue 18): till processes redeem 1,000 codes on one shop's
// database file and are killed at random moments, alone under load and two racing for the same
// codes, again and again until every code is redeemed. After each kill the file is checked:
// every redemption a till was told succeeded is on file (0 lost), no code has two live
// redemptions (0 doubled), and `PRAGMA integrity_check` says ok. A till that restarts retries
// with the same idempotency keys and must get its earlier answer, not a second redemption.
//
//   npm run bench -- crash
//   BENCH_CRASH_CODES=300 npm run bench -- crash     (fewer codes: quicker)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../src-main/core';
import type { Metric } from './harness';
import { benchCashier, benchShop, benchTemplate, must } from './support';

const CODES = Number(process.env.BENCH_CRASH_CODES ?? 1000);
/** A slice of the codes still to redeem per round; each round ends in a kill (or runs out). */
const SLICE = 60;
const MAX_ROUNDS = 200;
const REDEEMER = path.join(import.meta.dirname, 'crash', 'redeemer.ts');

/** A shop with one active template and CODES issued codes; a cashier's session for the tills. */
async function seedShop() {
  const shop = await benchShop('crash', {
    core: { config: { analytics: { warmUpDelayMs: null } } },
  });
  const { core } = shop;
  const cashier = await benchCashier(shop);
  const template = await benchTemplate(shop);
  await must(core, 'coupons.issue', { templateId: template.id, count: CODES }, shop.token);
  const codes = (core.sqlite.prepare('SELECT code FROM coupons').all() as { code: string }[]).map(
    (c) => c.code,
  );
  // The tills open the file themselves: this core lets go of it, the folder stays.
  await core.close();
  return {
    dataDir: shop.dataDir,
    token: cashier.token,
    storeId: shop.ids.storeId,
    codes,
    remove: () => fs.rmSync(shop.dataDir, { recursive: true, force: true }),
  };
}

interface Till {
  acked: Map<string, string>;
  /** The till went through its whole list before the kill came. */
  finished(): boolean;
  exited: Promise<void>;
  kill(): void;
  /** Resolves once this many redemptions were answered (or at the end, when fewer were). */
  acks: Promise<void>;
}

function startTill(args: string[], killAfter: number): Till {
  const child = spawn(process.execPath, ['--import', 'tsx', REDEEMER, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked = new Map<string, string>();
  let buffered = '';
  let done = false;
  let reached: () => void = () => {};
  const acks = new Promise<void>((resolve) => (reached = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [word, code, id] = line.split(' ');
      if (word === 'ok') {
        acked.set(code!, id!);
        if (acked.size >= killAfter) reached();
      } else if (word === 'done') done = true;
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => reached());
  return { acked, exited, acks, finished: () => done, kill: () => child.kill('SIGKILL') };
}

/** What the file says after a kill: live redemptions per code, and whether it is sound. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = db
      .prepare(`SELECT id, code FROM redemptions WHERE status = 'completed'`)
      .all() as { id: string; code: string }[];
    return { integrity, rows };
  } finally {
    db.close();
  }
}

const shuffled = <T>(items: T[]) =>
  items
    .map((v) => [Math.random(), v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v);

export async function crashBench(): Promise<Metric[]> {
  console.log(`bench: crash: seeding ${CODES} codes…`);
  const shop = await seedShop();
  const { dataDir } = shop;
  try {
    const file = path.join(dataDir, DATABASE_FILE);
    const acked = new Map<string, Set<string>>();
    let kills = 0;
    /** Kills that came while the till was still redeeming (not after its list was done). */
    let midStream = 0;
    let lost = 0;
    let doubled = 0;
    let badIntegrity = 0;
    let replays = 0;
    let round = 0;
    let live = new Map<string, string>();
    const started = performance.now();
    // The list of the last load round that was killed: the restarted till goes through it
    // again from the start (once), so codes it already redeemed are retried with their keys.
    let restartList: string[] | null = null;
    while (live.size < shop.codes.length && round < MAX_ROUNDS) {
      round++;
      const race = round % 2 === 0;
      const fresh = () => shuffled(shop.codes.filter((code) => !live.has(code))).slice(0, SLICE);
      const pending: string[] = race ? fresh() : (restartList ?? fresh());
      if (!race) restartList = restartList ? null : pending;
      // Under load, one till (the same key prefix across restarts); in a race, two tills of the
      // shop take the same codes in opposite orders.
      const orders = race ? [pending, [...pending].reverse()] : [pending];
      // Killed mid-stream: after a random number of answered redemptions, while the till goes
      // on writing (the signal lands at a random point of the next redemption).
      const killAt = 1 + Math.floor(Math.random() * (pending.length - 1));
      const tills = orders.map((codes, i) => {
        const codesFile = path.join(dataDir, `codes-${round}-${i}.json`);
        fs.writeFileSync(codesFile, JSON.stringify(codes));
        return startTill(
          [dataDir, shop.token, shop.storeId, race ? `race${round}-${i}` : 'load', codesFile],
          killAt,
        );
      });
      await Promise.race(tills.map((t) => t.acks));
      const victims =
        race && Math.random() < 0.5 ? tills : [tills[Math.floor(Math.random() * tills.length)]!];
      for (const till of victims) till.kill();
      kills += victims.length;
      await Promise.all(tills.map((t) => t.exited));
      midStream += victims.filter((till) => !till.finished()).length;

      for (const till of tills)
        for (const [code, id] of till.acked) {
          const ids = acked.get(code) ?? new Set<string>();
          if (!race && ids.has(id)) replays++;
          ids.add(id);
          acked.set(code, ids);
        }
      const { integrity, rows } = inspect(file);
      if (integrity !== 'ok') badIntegrity++;
      live = new Map();
      const onFile = new Set(rows.map((r) => r.id));
      doubled = 0;
      for (const row of rows) {
        if (live.has(row.code)) doubled++;
        live.set(row.code, row.id);
      }
      lost = [...acked.values()].flatMap((ids) => [...ids]).filter((id) => !onFile.has(id)).length;
      // A code answered to two tills with two different redemptions is doubled too.
      doubled += [...acked.values()].filter((ids) => ids.size > 1).length;
      if (lost || doubled || integrity !== 'ok')
        console.log(
          `bench: crash round ${round}: lost ${lost}, doubled ${doubled}, integrity ${integrity}`,
        );
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `bench: crash: ${kills} kills (${midStream} mid-stream) over ${round} rounds in ${Math.round(seconds)} s; ${live.size}/${shop.codes.length} codes redeemed, ${replays} answers replayed after a restart`,
    );
    const metric = (
      name: string,
      value: number,
      baselineName: string,
      baseline: number,
    ): Metric => ({
      name,
      unit: 'count',
      value,
      baselineName,
      baseline,
      ratio: baseline ? value / baseline : 0,
      target: '0',
      met: value === 0,
    });
    return [
      metric(
        'crash: redemptions lost (told ok, not on file)',
        lost,
        'redemptions told ok',
        [...acked.values()].reduce((n, ids) => n + ids.size, 0),
      ),
      metric('crash: codes redeemed twice', doubled, 'codes redeemed', live.size),
      metric('crash: integrity_check not ok', badIntegrity, 'kill -9 of a till', kills),
      {
        name: 'crash: codes left unredeemed',
        unit: 'count',
        value: shop.codes.length - live.size,
        baselineName: 'codes issued',
        baseline: shop.codes.length,
        ratio: (shop.codes.length - live.size) / shop.codes.length,
        target: '0',
        met: live.size === shop.codes.length,
      },
    ];
  } finally {
    shop.remove();
  }
}
