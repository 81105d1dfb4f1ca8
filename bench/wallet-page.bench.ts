// The consumer's claim page on a 4G phone (issue 23): the JS it loads gzipped, and its Largest
// Contentful Paint under throttled networks, beside a bare page (the same offer words in plain
// HTML, no script) over the same network, the floor any page has there.
//
//   npm run build && npm run bench -- wallet-page
//   BENCH_WALLET_PAGE_RUNS=7 npm run bench -- wallet-page
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildCloudApp } from '../src-cloud/app';
import { defaultCloudConfig } from '../src-cloud/config';
import { openCloudDatabase } from '../src-cloud/db/open';
import { createMemoryLogger } from '../src-node/logger';
import { walletPaths } from '../src-shared/sync/wallet';
import {
  builtEntryJs,
  CLAIM_PAGE_JS_BUDGET_BYTES,
  gzippedSize,
} from '../test/support/consumer-weight';
import { walletMerchant } from '../test/support/e2e-wallet';
import { round, type Metric } from './harness';

const RUNS = Number(process.env.BENCH_WALLET_PAGE_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const LCP_TARGET_MS = 1500;

/** Network profiles, as CDP Network.emulateNetworkConditions takes them (bytes/s, ms). */
const NETWORKS = {
  // Chrome DevTools' "Slow 4G" preset (Lighthouse's mobile throttling): 1.6 Mbps × 0.9 down,
  // 750 kbps × 0.9 up, 150 ms × 3.75 latency.
  'slow-4g': {
    latency: 562.5,
    downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
    uploadThroughput: (750 * 1000 * 0.9) / 8,
  },
  // Harsher: 400 kbps down and up, 400 ms round trip.
  '400kbps-400ms': { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 },
} as const;

/** The Largest Contentful Paint of `url` in a fresh (cold-cache) phone context on `network`. */
async function lcpOf(
  browser: Browser,
  url: string,
  network: (typeof NETWORKS)[keyof typeof NETWORKS],
  ready: string,
): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await page.goto(url, { waitUntil: 'load' });
  await page.getByText(ready, { exact: true }).first().waitFor({ timeout: 30_000 });
  // Let a last paint land, then read the latest candidate (what LCP reports before any input).
  // The app's own render replaces the served offer card with the same markup: no larger paint.
  await page.waitForTimeout(500);
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await context.close();
  return lcp;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function walletPageBench(): Promise<Metric[]> {
  const outDir = path.join(import.meta.dirname, '..', 'out/consumer');
  if (!fs.existsSync(path.join(outDir, 'index.html')))
    throw new Error('The consumer app is not built (out/consumer): run npm run build');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-wallet-'));
  const database = await openCloudDatabase({ dataDir, databaseUrl: null });
  const config = defaultCloudConfig(ADMIN_TOKEN);
  const app = await buildCloudApp({ database, config, logger: createMemoryLogger() });
  // The bare page: the offer's words in plain HTML, served by the same server.
  app.get('/bench/bare', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
          '<body style="margin:0;font-family:sans-serif"><div style="background:#e4393c;color:#fff;padding:20px;margin:12px;border-radius:12px">' +
          '<div>鲜果优选</div><h1 style="font-size:20px">开业大酬宾 扫码领券</h1><div style="font-size:32px;font-weight:700">满100减20</div>' +
          '<div>新客满100减20</div></div></body></html>',
      ),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('cloud has no port');
  const base = `http://127.0.0.1:${address.port}`;
  const admin = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await fetch(base + url, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { ok: boolean; data: Record<string, string> };
    if (!answer.ok) throw new Error(`${method} ${url}: ${JSON.stringify(answer)}`);
    return answer.data;
  };
  const merchant = await walletMerchant({
    url: base,
    admin,
    pairingCode: async (merchantId) =>
      String((await admin('POST', `/v1/admin/merchants/${merchantId}/pairing-codes`, {})).display),
  });
  const claimUrl = base + walletPaths.issuance(merchant.merchantCode, merchant.issuanceId);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const metrics: Metric[] = [];
  try {
    // What a phone downloads for the claim page: the entry script and everything it imports.
    const js = builtEntryJs();
    const css = fs
      .readdirSync(path.join(outDir, 'assets'))
      .filter((file) => file.startsWith('index-') && file.endsWith('.css'))
      .reduce(
        (sum, file) => sum + gzippedSize(fs.readFileSync(path.join(outDir, 'assets', file))),
        0,
      );
    const htmlBytes = gzippedSize(fs.readFileSync(path.join(outDir, 'index.html')));
    metrics.push({
      name: 'wallet claim page: first-load JS (gzip)',
      unit: 'kB',
      value: round(js.gzip / 1024, 1),
      baselineName: 'budget',
      baseline: CLAIM_PAGE_JS_BUDGET_BYTES / 1024,
      ratio: round(js.gzip / CLAIM_PAGE_JS_BUDGET_BYTES),
      target: '<= 150 kB',
      met: js.gzip <= CLAIM_PAGE_JS_BUDGET_BYTES,
      extra: {
        files: js.files.join(' '),
        cssKB: round(css / 1024, 1),
        htmlKB: round(htmlBytes / 1024, 1),
      },
    });

    for (const [name, network] of Object.entries(NETWORKS)) {
      const page: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Read once the app runs (its 立即领取 button), so a later, larger paint would count.
        page.push(await lcpOf(browser, claimUrl, network, '立即领取'));
        bare.push(await lcpOf(browser, `${base}/bench/bare`, network, '满100减20'));
      }
      const value = median(page);
      const floor = median(bare);
      metrics.push({
        name: `wallet claim page: LCP, ${name} (median of ${RUNS})`,
        unit: 'ms',
        value: round(value, 0),
        baselineName: 'bare HTML page, same network',
        baseline: round(floor, 0),
        ratio: round(value / floor),
        ...(name === 'slow-4g'
          ? { target: `<= ${LCP_TARGET_MS} ms`, met: value <= LCP_TARGET_MS }
          : {}),
        extra: { runs: page.map((ms) => round(ms, 0)).join(' ') },
      });
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return metrics;
}
