import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFileFor, appProtocolHandler } from '../../../src-main/electron/app-protocol';
import { tempDir } from '../../support/core';

/** A built renderer folder with a secret file beside it, which app:// must never serve. */
function bundle() {
  const root = tempDir();
  const rendererDir = path.join(root, 'out', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>店务通</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'export const a = 1;');
  fs.writeFileSync(path.join(rendererDir, 'assets', '字体 1.woff2'), Buffer.from([0x77, 0x4f]));
  fs.writeFileSync(path.join(root, 'out', 'secret.db'), 'signing keys');
  return { rendererDir, serve: appProtocolHandler(rendererDir) };
}

describe('the app:// protocol', () => {
  it('serves the bundle’s files with their types, index.html for the root', async () => {
    const { serve } = bundle();
    const page = await serve(new Request('app://storedesk/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serve(new Request('app://storedesk/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const a = 1;');
    const font = await serve(new Request('app://storedesk/assets/%E5%AD%97%E4%BD%93%201.woff2'));
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('serves nothing outside the bundle, from another host, or that is not there', async () => {
    const { rendererDir, serve } = bundle();
    for (const url of [
      'app://storedesk/assets/%2e%2e%2f..%2fsecret.db',
      'app://storedesk/..%5csecret.db',
      'app://storedesk/%00index.html',
      'app://storedesk/%E0%A4%A',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ])
      expect(appFileFor(rendererDir, url), url).toBeNull();
    for (const url of [
      // The URL parser takes the dots away: this names app://storedesk/secret.db, not there.
      'app://storedesk/../secret.db',
      'app://storedesk/%2e%2e/secret.db',
      'app://storedesk/assets/%2e%2e%2f..%2fsecret.db',
      'app://storedesk/missing.js',
      'app://storedesk/assets',
      'app://other/index.html',
    ])
      expect((await serve(new Request(url))).status, url).toBe(404);
    expect(
      (await serve(new Request('app://storedesk/index.html', { method: 'POST' }))).status,
    ).toBe(405);
  });
});
