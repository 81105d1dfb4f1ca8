// The Electron shell, end to end: the built app (out/) in a real Electron window. Runs only where
// the Electron binary was downloaded; the renderer's own flows run in Chromium (test/e2e).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { PreloadBridge } from '../../src-shared/ipc';
import { zhCN } from '../../src-renderer/src/i18n/zh-CN';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN_BUNDLE = path.join(ROOT, 'out/main/index.js');

/**
 * The executable node_modules/electron/index.js would return, found without requiring it: that
 * module tries to download a missing binary, which cannot work here.
 */
function electronBinary(): string | null {
  const electronDir = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const SKIP_REASON =
  'Electron binary not installed (node_modules/electron/dist missing): Electron specs skipped; the same flows run in Chromium via the local API';
const executablePath = electronBinary();
if (!executablePath) console.log(SKIP_REASON);
test.skip(!executablePath, SKIP_REASON);

// The same shop as test/support/core.ts (which imports vitest, so not from here).
const OWNER = { name: '王店主', pin: '271828' };
const SETUP_INPUT = {
  merchant: { name: '鲜果优选', code: 'xgyx-01' },
  store: { name: '鲜果优选 新街口店', districtCode: '320102', address: '中山路 18 号' },
  owner: OWNER,
};

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-electron-'));
  // The built renderer, never a dev server; a data folder of its own.
  const env: Record<string, string> = { STOREDESK_DATA_DIR: dataDir };
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] ??= value;
  // Chromium refuses its sandbox to root (CI containers) unless told not to use it.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', MAIN_BUNDLE] : [MAIN_BUNDLE];
  app = await _electron.launch({ executablePath: executablePath!, args, cwd: ROOT, env });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `window.storedesk.call` in the page, as the renderer's IPC transport makes it. */
const callInPage = (method: string, input: unknown) =>
  page.evaluate(
    ([m, i]) =>
      (window as unknown as { storedesk: PreloadBridge }).storedesk.call(m as never, i as never),
    [method, input] as const,
  );

test('opens the first-run wizard in a locked-down window', async () => {
  await expect(page.getByRole('heading', { name: zhCN.setup.title })).toBeVisible();
  const title = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.getTitle(),
  );
  expect(title).toBe('店务通 StoreDesk');

  // The page sees the bridge and nothing of Node.
  expect(
    await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { storedesk: object }).storedesk).sort(),
    })),
  ).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'on', 'saveAsPdf'] });

  // The content security policy holds: no eval.
  expect(
    await page.evaluate(() => {
      try {
        return String(eval('"eval ran"'));
      } catch {
        return 'blocked';
      }
    }),
  ).toBe('blocked');

  // No new windows, no leaving the app.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  const appUrl = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(appUrl);
  expect(app.windows()).toHaveLength(1);
});

test('first run: the wizard’s setup, then the owner logs in at the PIN pad', async () => {
  await expect(page.getByRole('heading', { name: zhCN.setup.title })).toBeVisible();
  expect(await callInPage('setup.initialize', SETUP_INPUT)).toMatchObject({ ok: true });

  await page.reload();
  await expect(page.getByRole('heading', { name: zhCN.login.title })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(OWNER.name) }).click();
  await page.keyboard.type(OWNER.pin, { delay: 100 });
  const greeting = zhCN.home.greeting.replace('{{name}}', OWNER.name);
  await expect(page.getByText(greeting)).toBeVisible();

  // The main process holds the session for this window: no token travels with the calls.
  expect(await callInPage('auth.session', {})).toMatchObject({
    ok: true,
    data: { staff: { name: OWNER.name, role: 'owner' } },
  });
  expect(await callInPage('auth.logout', {})).toMatchObject({ ok: true });
  expect(await callInPage('auth.session', {})).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
});
