// `npm run cloud -- --port <n> --data-dir <dir>`: the reference cloud server, run with tsx (no
// build step). PGlite in <data-dir>/pglite by default; PostgreSQL when DATABASE_URL is set.
import { buildCloudApp } from './app';
import { parseCloudOptions } from './config';
import { openCloudDatabase } from './db/open';
import { createConsoleLogger } from './platform/logger';

async function main() {
  const options = parseCloudOptions(process.argv.slice(2));
  const logger = createConsoleLogger();
  const database = await openCloudDatabase(options);
  const app = await buildCloudApp({ database, config: options.config, logger });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const where =
    database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dataDir}`;
  console.log(`StoreDesk cloud listening on http://${options.host}:${port} · ${where}`);
  console.log(`API documentation: http://${options.host}:${port}/docs`);
  if (options.adminTokenGenerated)
    console.log(
      `No admin token configured (--admin-token or STOREDESK_CLOUD_ADMIN_TOKEN); for this run: ${options.config.adminToken}`,
    );
  logger.info('cloud started', { port, database: database.kind, sms: options.config.sms.provider });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('cloud stopping', { signal });
    await app.close();
    // PGlite flushes its files on close: never exit without it.
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    `StoreDesk cloud could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
