// `npm run serve`: StoreDesk as a local web server. This is how the app runs where there is no
// Electron binary (browser mode), and how POS terminals on the shop LAN reach it (--lan).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { createFileLogger } from '../core/platform/logger';
import { systemHidScanners } from '../devices/scanners/hid-scanners';
import { buildServer } from './app';
import { parseServeOptions } from './options';

async function main() {
  const options = parseServeOptions(process.argv.slice(2));
  const logger = createFileLogger(path.join(options.dataDir, 'logs'));
  // HID-POS scanners on this PC reach the browser tabs through the event stream.
  const core = await createCore({
    dataDir: options.dataDir,
    logger,
    hidScanners: systemHidScanners(logger),
  });
  // out/main/serve.js → out/renderer
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
  const app = await buildServer({ core, staticDir, allowTerminalKeys: options.lan });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  console.log(`StoreDesk listening on http://${shownHost}:${port}`);
  console.log(
    'Browser mode: open that address in Chrome or Edge. The same app runs in its own window where the Electron binary is installed.',
  );
  console.log(
    `Data folder: ${options.dataDir}${options.lan ? ' · LAN mode: POS terminals may connect with API keys' : ''}`,
  );
  logger.info('server started', { host: options.host, port, lan: options.lan });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server stopping', { signal });
    await app.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    `StoreDesk could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
