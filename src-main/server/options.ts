import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readServerFlags, SERVER_FLAGS } from '../../src-node/cli';

export const DEFAULT_PORT = 8787;
export const APP_FOLDER = 'StoreDesk';

/** The OS application-data folder, the same one the Electron app uses (`app.getPath('userData')`). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  /** Bound to the shop LAN: terminal API keys are accepted. */
  lan: boolean;
  /**
   * HTTPS with the PC's own certificate (lan-tls/certificate.ts): on by default in LAN mode, off
   * with --plain-http for terminals that cannot check a certificate.
   */
  tls: boolean;
  /** Names besides its addresses that the server answers to (STOREDESK_ALLOWED_HOSTS, commas). */
  allowedHosts: string[];
  /**
   * `--test-clock` (end-to-end tests only): the process that started the server may move its
   * clock forward over the IPC channel (src-node/test-clock.ts). Never with --lan.
   */
  testClock: boolean;
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');

/**
 * `--port`, `--host`, `--data-dir`, `--lan`, `--plain-http`, or STOREDESK_PORT / STOREDESK_HOST /
 * STOREDESK_DATA_DIR / STOREDESK_LAN=1 / STOREDESK_PLAIN_HTTP=1. Flags win over the environment.
 */
export function parseServeOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SERVER_FLAGS,
      lan: { type: 'boolean' },
      'plain-http': { type: 'boolean' },
      serve: { type: 'boolean' },
      'test-clock': { type: 'boolean' },
    },
    strict: true,
  });
  const lan = values.lan ?? env.STOREDESK_LAN === '1';
  const { host, port, dataDir } = readServerFlags(values, env, {
    envPrefix: 'STOREDESK',
    host: lan ? '0.0.0.0' : '127.0.0.1',
    port: DEFAULT_PORT,
    dataDir: defaultDataDir(env),
  });
  if (!lan && !isLoopback(host))
    throw new Error(
      `Refusing to listen on ${host} without --lan: the shop LAN must be opened explicitly.`,
    );
  const allowedHosts = (env.STOREDESK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const plainHttp = values['plain-http'] ?? env.STOREDESK_PLAIN_HTTP === '1';
  const testClock = values['test-clock'] ?? false;
  if (testClock && lan) throw new Error('--test-clock is for end-to-end tests, never with --lan.');
  return { host, port, dataDir, lan, tls: lan && !plainHttp, allowedHosts, testClock };
}
