// Start-up and memory of the shop PC's app (issue 27), for an empty shop and a 180-day demo
// shop, beside a bare Fastify server that serves the same built renderer: process start to
// "listening", to the first API answer, to the first paint of the login page in Chromium, and
// the resident memory once idle (after the analytics read-ahead, which starts 10 s in).
//
//   npm run build && npm run bench -- startup
//   BENCH_STARTUP_RUNS=5 BENCH_STARTUP_IDLE_MS=60000 npm run bench -- startup
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createCore } from '../src-main/core';
import { generateDemo } from '../src-main/core/analytics/demo/generator';
import { createMemoryLogger } from '../src-node/logger';
import { round, type Metric } from './harness';
import { benchDataDir } from './support';

const ROOT = path.join(import.meta.dirname, '..');
const SERVE = path.join(ROOT, 'out/main/serve.js');
const BARE = path.join(import.meta.dirname, 'startup', 'bare-server.mjs');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
/** How long the server sits idle before its memory is read: past the read-ahead (10 s). */
const IDLE_MS = Number(process.env.BENCH_STARTUP_IDLE_MS ?? 20_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Started {
  child: ChildProcess;
  url: string;
  listeningMs: number;
  startedAt: number;
}

/** Spawns a server and resolves when it prints its address (ms from spawn). */
function start(args: string[]): Promise<Started> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (https?:\/\/\S+)/.exec(out);
      if (match) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, url: match[1]!, listeningMs: performance.now() - startedAt, startedAt });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${out}`)),
    );
  });
}

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** An empty shop (set up, no sales) and one with 180 days of demo sales. */
async function shops(base: string) {
  const empty = path.join(base, 'empty');
  const demo = path.join(base, 'demo-180');
  for (const [dataDir, days] of [
    [empty, 0],
    [demo, 180],
  ] as const) {
    const core = await createCore({
      dataDir,
      logger: createMemoryLogger(),
      config: { analytics: { warmUpDelayMs: null } },
    });
    const result = await core.call(
      'setup.initialize',
      {
        merchant: { name: '启动测试商户', code: 'BOOT' },
        store: { name: '启动测试门店', districtCode: '320102' },
        owner: { name: '店主', pin: '314159' },
      },
      { source: 'app' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    if (days)
      await generateDemo(core.sqlite, { days, seed: 7, now: Date.now(), stores: 6, products: 60 });
    await core.close();
  }
  return { empty, demo };
}

interface Run {
  listeningMs: number;
  firstAnswerMs: number;
  paintMs: number;
  idleRssMb: number;
}

async function measure(
  args: string[],
  apiPath: string,
  browser: import('playwright-core').Browser,
): Promise<Run> {
  const server = await start(args);
  try {
    // The first answer: polled from "listening" on (the first one also warms the handler).
    let firstAnswerMs = 0;
    for (;;) {
      const response = await fetch(`${server.url}${apiPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }).catch(() => null);
      if (response?.ok) {
        firstAnswerMs = performance.now() - server.startedAt;
        break;
      }
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/#/login`);
    // First contentful paint of the page, counted from the process start.
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(performance.timeOrigin + entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    const navigationStartedAtMs = await page.evaluate(() => performance.timeOrigin);
    const paintMs = firstAnswerMs + (fcp - navigationStartedAtMs);
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return {
      listeningMs: server.listeningMs,
      firstAnswerMs,
      paintMs,
      idleRssMb: rssMb(server.child.pid!),
    };
  } finally {
    await stop(server.child);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function startupBench(): Promise<Metric[]> {
  if (!fs.existsSync(SERVE))
    throw new Error('run npm run build first: out/main/serve.js is missing');
  const base = benchDataDir('startup');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    console.log('bench: startup: making an empty shop and a 180-day demo shop…');
    const { empty, demo } = await shops(base);
    const runs = async (args: string[], apiPath: string) => {
      const all: Run[] = [];
      for (let i = 0; i < RUNS; i++) all.push(await measure(args, apiPath, browser));
      const pick = (key: keyof Run) => median(all.map((r) => r[key]));
      return {
        listeningMs: pick('listeningMs'),
        firstAnswerMs: pick('firstAnswerMs'),
        paintMs: pick('paintMs'),
        idleRssMb: pick('idleRssMb'),
      };
    };
    const staticDir = path.join(ROOT, 'out/renderer');
    const bare = await runs([BARE, staticDir], '/api/health');
    const metrics: Metric[] = [];
    for (const [shop, dataDir] of [
      ['empty shop', empty],
      ['180-day demo shop', demo],
    ] as const) {
      const app = await runs([SERVE, '--port', '0', '--data-dir', dataDir], '/api/setup.status');
      const metric = (name: string, unit: string, key: keyof Run, target: number): Metric => ({
        name: `startup (${shop}): ${name}`,
        unit,
        value: round(app[key]),
        baselineName: `bare Fastify + static (${name})`,
        baseline: round(bare[key]),
        ratio: round(app[key] / bare[key]),
        target: `<= ${target} ${unit}`,
        met: app[key] <= target,
      });
      metrics.push(
        metric('start to listening', 'ms', 'listeningMs', 1000),
        metric('start to first API answer', 'ms', 'firstAnswerMs', 1200),
        metric('start to first paint of the login page', 'ms', 'paintMs', 1500),
        metric(`RSS idle after ${Math.round(IDLE_MS / 1000)} s`, 'MB', 'idleRssMb', 150),
      );
    }
    return metrics;
  } finally {
    await browser.close();
    fs.rmSync(base, { recursive: true, force: true });
  }
}
