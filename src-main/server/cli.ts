// `npm run serve`: StoreDesk as a local web server. This is how the app runs where there is no
// Electron binary (browser mode), and how POS terminals on the shop LAN reach it (--lan).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, runMain, stopOnSignals } from '../../src-node/cli';
import { loadOrCreateLanCertificate } from '../core/lan-tls/certificate';
import { ShopHost } from '../core/shop-host';
import { createFileLogger } from '../../src-node/logger';
import { systemHidScanners } from '../devices/scanners/hid-scanners';
import { AdjustableClock } from '../../src-node/clock';
import { buildServer } from './app';
import { acceptClockMoves } from '../../src-node/test-clock';
import { parseServeOptions } from './options';

runMain('StoreDesk', async () => {
  const options = parseServeOptions(process.argv.slice(2));
  const logger = createFileLogger(path.join(options.dataDir, 'logs'));
  // HID-POS scanners on this PC reach the browser tabs through the event stream.
  // The shop host: the real shop's folder, or the demo shop beside it when the owner opens it.
  const testClock = options.testClock ? new AdjustableClock() : null;
  const core = await ShopHost.open({
    dataDir: options.dataDir,
    logger,
    hidScanners: systemHidScanners(logger),
    ...(testClock ? { clock: testClock } : {}),
  });
  if (testClock) acceptClockMoves(testClock, () => core.current.runMemberJobs());
  // out/main/serve.js → out/renderer
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
  const certificate = options.tls ? await loadOrCreateLanCertificate(options.dataDir) : null;
  const app = await buildServer({
    core,
    staticDir,
    allowTerminalKeys: options.lan,
    allowedHosts: options.allowedHosts,
    https: certificate,
  });
  const port = await listen(app, options.host, options.port);
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  console.log(`StoreDesk listening on ${certificate ? 'https' : 'http'}://${shownHost}:${port}`);
  if (certificate)
    console.log(
      `LAN certificate SHA-256 fingerprint (terminals check it; also on the terminal keys page): ${certificate.fingerprint256}`,
    );
  console.log(
    'Browser mode: open that address in Chrome or Edge. The same app runs in its own window where the Electron binary is installed.',
  );
  console.log(
    `Data folder: ${options.dataDir}${options.lan ? ' · LAN mode: POS terminals may connect with API keys' : ''}`,
  );
  logger.info('server started', { host: options.host, port, lan: options.lan, tls: options.tls });

  stopOnSignals(logger, 'server stopping', async () => {
    await app.close();
    await core.close();
  });
});
