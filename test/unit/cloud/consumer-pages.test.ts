import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_START_TIMEOUT_MS, startCloud, type TestCloud } from '../../support/cloud';

// The consumer app as `vite build` leaves it, in miniature.
const INDEX =
  '<!doctype html><html><head><script type="module" src="/c/assets/index-Ab3dE_f9.js"></script></head><body><div id="root"></div></body></html>';

describe('the consumer app served at /c/<merchant>/', () => {
  let cloud: TestCloud;
  let missing: TestCloud;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-app-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab3dE_f9.js'), 'console.log("wallet")');
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dir, '.secret'), 'not for the web');
    const backend = { name: 'PGlite' as const, databaseUrl: null };
    cloud = await startCloud(backend, { config: (c) => void (c.consumerAppDir = dir) });
    missing = await startCloud(backend, {
      config: (c) => void (c.consumerAppDir = path.join(dir, 'not-built')),
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await cloud.close();
    await missing.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, CLOUD_START_TIMEOUT_MS);

  const get = (c: TestCloud, url: string) => fetch(c.base + url);

  it('any page of a merchant is the app (SPA fallback), never cached, under a strict CSP', async () => {
    for (const url of [
      '/c/SHOP1/',
      '/c/SHOP1/i/0190f5a0-0000-7000-8000-000000000000',
      '/c/SHOP1/s/x',
    ]) {
      const res = await get(cloud, url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/https?:/);
      expect(csp).not.toContain("'unsafe-eval'");
    }
  });

  it('hashed assets are cached for good, from /c/assets or /c/<merchant>/assets', async () => {
    for (const url of ['/c/assets/index-Ab3dE_f9.js', '/c/SHOP1/assets/index-Ab3dE_f9.js']) {
      const res = await get(cloud, url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const other = await get(cloud, '/c/SHOP1/favicon.svg');
    expect(other.status).toBe(200);
    expect(other.headers.get('cache-control')).toBe('no-store');
  });

  it('a missing asset is a 404 (not the page); dotfiles and climbing out are refused', async () => {
    expect((await get(cloud, '/c/SHOP1/assets/index-Old00000.js')).status).toBe(404);
    expect((await get(cloud, '/c/SHOP1/.secret')).status).toBe(404);
    const climb = await get(cloud, '/c/SHOP1/..%2F..%2Fetc%2Fpasswd');
    expect(await climb.text()).not.toContain('root:');
  });

  it('not built: /c/ says to run npm run build', async () => {
    const res = await get(missing, '/c/SHOP1/');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/run npm run build/);
  });

  it('the API keeps answering no-store', async () => {
    const res = await get(cloud, '/health');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
