// `npm run cloud -- --port <n> --data-dir <dir>`: the reference cloud server, run with tsx (no
// build step). PGlite in <data-dir>/pglite by default; PostgreSQL when DATABASE_URL is set.
// `npm run cloud -- rebuild-projections [--data-dir <dir>]`: computes the projections (stock,
// daily figures, stores) again from the event log, then exits.
import { listen, runMain, stopOnSignals } from '../src-node/cli';
import { AdjustableClock } from '../src-node/clock';
import { createConsoleLogger } from '../src-node/logger';
import { acceptClockMoves } from '../src-node/test-clock';
import { buildCloudApp } from './app';
import { parseCloudOptions } from './config';
import { openCloudDatabase } from './db/open';
import { rebuildProjections } from './projections/rebuild';

runMain('StoreDesk cloud', async () => {
  const args = process.argv.slice(2);
  if (args[0] === 'rebuild-projections') return rebuild(args.slice(1));
  // End-to-end tests only: the test that started the cloud moves its clock over the IPC channel
  // (as it does the desktop's), so a campaign's sending hours hold whatever the hour of the run.
  const testClock = args.includes('--test-clock') ? new AdjustableClock() : undefined;
  const options = parseCloudOptions(args.filter((arg) => arg !== '--test-clock'));
  const logger = createConsoleLogger();
  for (const warning of options.warnings) logger.warn(warning);
  if (testClock) acceptClockMoves(testClock, () => undefined);
  const database = await openCloudDatabase(options);
  const app = await buildCloudApp({ database, config: options.config, logger, clock: testClock });
  let port: number;
  try {
    port = await listen(app, options.host, options.port);
  } catch (error) {
    await database.close();
    throw error;
  }
  const where =
    database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dataDir}`;
  console.log(`StoreDesk cloud listening on http://${options.host}:${port} · ${where}`);
  console.log(`API documentation: http://${options.host}:${port}/docs`);
  if (options.adminTokenGenerated)
    console.log(
      `No admin token configured (--admin-token-file or STOREDESK_CLOUD_ADMIN_TOKEN); for this run: ${options.config.adminToken}`,
    );
  logger.info('cloud started', { port, database: database.kind, sms: options.config.sms.provider });

  stopOnSignals(logger, 'cloud stopping', async () => {
    await app.close();
    // PGlite flushes its files on close: never exit without it.
    await database.close();
  });
});

async function rebuild(args: string[]) {
  const options = parseCloudOptions(args);
  const database = await openCloudDatabase(options);
  try {
    const started = Date.now();
    const report = await rebuildProjections(database.db, {
      onProgress: (line) => console.log(line),
    });
    console.log(
      `Projections rebuilt: ${report.merchants} merchants, ${report.events} events in ${Date.now() - started} ms`,
    );
  } finally {
    await database.close();
  }
}
