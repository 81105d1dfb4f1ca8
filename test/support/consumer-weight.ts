import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** The budget: JS a claim page loads before it can be used, gzipped. */
export const CLAIM_PAGE_JS_BUDGET_BYTES = 150 * 1024;

const ROOT = path.resolve(import.meta.dirname, '../..');

/** gzip's default level, as `gzip -c file | wc -c` measures it. */
export const gzippedSize = (bytes: Buffer | string) => gzipSync(bytes).length;

/**
 * Every script the page fetched from then on, with its gzipped size: what a phone downloads
 * (the lazy coupon page included once it is opened).
 */
export function watchScripts(page: Page) {
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => {
          scripts.push({ url: response.url(), raw: body.length, gzip: gzippedSize(body) });
        },
        () => undefined,
      ),
    );
  });
  return {
    async settled() {
      await Promise.all(pending);
      return scripts;
    },
    async gzipTotal() {
      await Promise.all(pending);
      return scripts.reduce((sum, script) => sum + script.gzip, 0);
    },
  };
}

/**
 * The JS the built index.html loads up front (its module entry and what it preloads), gzipped:
 * the claim page's first load, read from out/consumer without a browser.
 */
export function builtEntryJs(): { files: string[]; gzip: number } {
  const outDir = path.join(ROOT, 'out/consumer');
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]!.replace(/^.*\/assets\//, 'assets/'));
  const gzip = files.reduce(
    (sum, file) => sum + gzippedSize(fs.readFileSync(path.join(outDir, file))),
    0,
  );
  return { files, gzip };
}
