import { defineConfig } from '@playwright/test';

/**
 * Two projects: `chromium` runs the renderer against the real local API server (test/e2e), and
 * `electron` runs the Electron shell specs (test/electron), which launch the app themselves and
 * skip when no Electron binary is installed. `npm test` builds first; see test/support/e2e-server.ts.
 */
export default defineConfig({
  outputDir: 'test-results',
  // Two cores: one browser and one server at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 768 },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
