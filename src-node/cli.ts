// What the desktop's `npm run serve` and the cloud's `npm run cloud` do alike: the same address
// and data-folder flags, read the same way, and the same start and stop.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from './logger';

/** parseArgs options for `--port`, `--host` and `--data-dir`: every StoreDesk server takes them. */
export const SERVER_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/**
 * Where a server listens and keeps its data: each flag, else the environment variable
 * `<envPrefix>_PORT` / `_HOST` / `_DATA_DIR`, else the default. Flags win over the environment.
 */
export function readServerFlags(
  values: { port?: string; host?: string; 'data-dir'?: string },
  env: NodeJS.ProcessEnv,
  defaults: { envPrefix: string; host: string; port: number; dataDir: string },
): { host: string; port: number; dataDir: string } {
  const prefix = defaults.envPrefix;
  const portText = values.port ?? env[`${prefix}_PORT`] ?? String(defaults.port);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${portText}`);
  return {
    host: values.host ?? env[`${prefix}_HOST`] ?? defaults.host,
    port,
    dataDir: path.resolve(values['data-dir'] ?? env[`${prefix}_DATA_DIR`] ?? defaults.dataDir),
  };
}

/** Listens, and answers the port really bound (port 0 takes a free one). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  await app.listen({ host, port });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** On SIGINT or SIGTERM, once: logs `message`, runs `stop` (close the server, then its data), exits. */
export function stopOnSignals(logger: Logger, message: string, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(message, { signal });
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}

/** Runs a command's main; a failure to start is one line on stderr and exit code 1. */
export function runMain(name: string, main: () => Promise<void>) {
  main().catch((error: unknown) => {
    console.error(
      `${name} could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
