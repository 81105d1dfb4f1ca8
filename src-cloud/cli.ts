// `npm run cloud -- --port <n> --data-dir <dir>`: the reference cloud server, run with tsx (no
// build step). PGlite in <data-dir>/pglite by default; PostgreSQL when DATABASE_URL is set.
import { listen, runMain, stopOnSignals } from '../src-node/cli';
import { createConsoleLogger } from '../src-node/logger';
import { buildCloudApp } from './app';
import { parseCloudOptions } from './config';
import { openCloudDatabase } from './db/open';

runMain('StoreDesk cloud', async () => {
  const options = parseCloudOptions(process.argv.slice(2));
  const logger = createConsoleLogger();
  for (const warning of options.warnings) logger.warn(warning);
  const database = await openCloudDatabase(options);
  const app = await buildCloudApp({ database, config: options.config, logger });
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
