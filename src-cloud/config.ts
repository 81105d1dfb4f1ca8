import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readServerFlags, SERVER_FLAGS } from '../src-node/cli';
import { BODY_LIMIT_BYTES } from '../src-node/http';
import type { LiveLimits } from './live/hub';
import { newToken } from './platform/secrets';

export const DEFAULT_CLOUD_PORT = 8788;

/** Where `npm run build` puts the consumer web app (src-consumer, vite): out/consumer. */
export const DEFAULT_CONSUMER_APP_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../out/consumer',
);

export interface BucketConfig {
  /** Requests allowed at once. */
  capacity: number;
  /** Requests the bucket regains per second. */
  refillPerSecond: number;
}

export type SmsConfig = (
  { provider: 'log' } | { provider: 'webhook'; url: string; timeoutMs: number }
) & {
  /**
   * The bearer token the provider presents on its callbacks (receipts, replies). Unset: the
   * callback endpoints answer UNAUTHENTICATED.
   */
  callbackToken?: string;
};

/** The SMS campaigns' sender (outreach/queue.ts). */
export interface OutreachConfig {
  /** Texts handed to the provider per second at most, across campaigns (0: no limit). */
  sendRatePerSecond: number;
  /** Texts one sender claims at a time. */
  batchSize: number;
  /** Hand-overs in flight at once within a batch. */
  concurrency: number;
  /** A claimed text not marked within this (its sender died) is queued again, same id. */
  leaseMs: number;
  /** Hand-overs tried before a text is failed (with backoff between them). */
  maxAttempts: number;
  /** How often an idle sender looks for due texts. */
  pollEveryMs: number;
}

/** Coupons shared between phones (shares/). */
export interface SharingConfig {
  /** An unaccepted link ends after this long. */
  linkTtlMs: number;
}
export const DEFAULT_SHARING: SharingConfig = { linkTtlMs: 24 * 3600_000 };

/** Check-in tasks (tasks/). */
export interface TasksConfig {
  /** The payment providers a pool may be funded through (`fake` confirms at once: tests, demos). */
  paymentProviders: ('manual' | 'fake')[];
  /** How often open orders past their deadline lapse and ended tasks refund (and pools are checked). */
  sweepEveryMs: number;
}

export interface CloudConfig {
  /** Bearer token of the admin API (creating merchants, issuing pairing codes). */
  adminToken: string;
  bodyLimitBytes: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (rate limits). */
  trustProxy: boolean;
  rateLimits: {
    /** Per paired device, over every device endpoint. */
    device: BucketConfig;
    /** Per client address, over pairing and the consumer endpoints. */
    public: BucketConfig;
    /**
     * Where the buckets live: in the database (every node on one PostgreSQL limits as one), or
     * in memory (one node). Unset: the database on PostgreSQL, memory on PGlite.
     */
    store?: 'database' | 'memory';
  };
  sms: SmsConfig;
  otp: { ttlMs: number; attempts: number; resendAfterMs: number };
  /** Verification texts: caps per phone (all merchants), per merchant, per address, and overall. */
  smsCaps: {
    perPhonePerDay: number;
    perMerchantPerDay: number;
    perAddressPerHour: number;
    perAddressPerDay: number;
    /** More than this in any minute, across the cloud, opens the breaker for `pauseMs`. */
    globalPerMinute: number;
    pauseMs: number;
  };
  /** Check each answer against its documented schema (tests turn it on). */
  validateOutputs: boolean;
  /**
   * Names this deployment's shared state in the database (rate buckets, the text breaker, the
   * queue of campaign texts): the nodes of one deployment share it; two clouds on one database
   * (tests) keep theirs apart.
   */
  deployment: string;
  /** The built consumer web app, served at /c/<merchantCode>/ (missing: /c/ says to build it). */
  consumerAppDir: string;
  /** Coupons shared between phones: an unaccepted link ends after `linkTtlMs`. */
  sharing: SharingConfig;
  tasks: TasksConfig;
  outreach: OutreachConfig;
  /** The consumer app's live streams on one node (live/hub.ts). */
  live: LiveLimits;
}

export const defaultCloudConfig = (adminToken: string): CloudConfig => ({
  adminToken,
  bodyLimitBytes: BODY_LIMIT_BYTES,
  trustProxy: false,
  rateLimits: {
    device: { capacity: 60, refillPerSecond: 20 },
    public: { capacity: 20, refillPerSecond: 1 },
  },
  sms: { provider: 'log' },
  otp: { ttlMs: 5 * 60_000, attempts: 5, resendAfterMs: 60_000 },
  smsCaps: {
    perPhonePerDay: 10,
    perMerchantPerDay: 5_000,
    perAddressPerHour: 10,
    perAddressPerDay: 30,
    globalPerMinute: 300,
    pauseMs: 10 * 60_000,
  },
  validateOutputs: false,
  deployment: 'cloud',
  consumerAppDir: DEFAULT_CONSUMER_APP_DIR,
  sharing: DEFAULT_SHARING,
  tasks: { paymentProviders: ['manual'], sweepEveryMs: 60_000 },
  live: { perPhone: 4, total: 20_000 },
  outreach: {
    sendRatePerSecond: 100,
    batchSize: 100,
    concurrency: 16,
    leaseMs: 60_000,
    maxAttempts: 5,
    pollEveryMs: 1000,
  },
});

export interface CloudOptions {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** No admin token was configured: one was made for this run (the CLI prints it). */
  adminTokenGenerated: boolean;
  /** What the CLI should warn about at start (e.g. a secret given on the command line). */
  warnings: string[];
  config: CloudConfig;
}

/**
 * `--port`, `--host`, `--data-dir`, `--admin-token-file` (or `--admin-token`, which `ps` shows to
 * every user: warned), `--sms log|webhook`, `--sms-webhook-url`, `--sms-callback-token-file` (or
 * `--sms-callback-token`, warned likewise: what the provider's receipts and replies must
 * present), `--trust-proxy`, or STOREDESK_SMS_CALLBACK_TOKEN / _CALLBACK_TOKEN_FILE, or
 * STOREDESK_CLOUD_PORT / _HOST / _DATA_DIR / _ADMIN_TOKEN / _ADMIN_TOKEN_FILE / _TRUST_PROXY=1,
 * STOREDESK_SMS_PROVIDER, STOREDESK_SMS_WEBHOOK_URL, STOREDESK_CLOUD_DEPLOYMENT (the name the
 * nodes of one deployment share their state under), STOREDESK_CONSUMER_APP_DIR (the built
 * consumer app; default out/consumer of the repository); DATABASE_URL selects PostgreSQL. Flags win
 * over the environment.
 */
export function parseCloudOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): CloudOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SERVER_FLAGS,
      'admin-token': { type: 'string' },
      'admin-token-file': { type: 'string' },
      sms: { type: 'string' },
      'sms-webhook-url': { type: 'string' },
      'sms-callback-token': { type: 'string' },
      'sms-callback-token-file': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
    },
    strict: true,
  });
  const { host, port, dataDir } = readServerFlags(values, env, {
    envPrefix: 'STOREDESK_CLOUD',
    host: '127.0.0.1',
    port: DEFAULT_CLOUD_PORT,
    dataDir: path.join(os.homedir(), '.storedesk-cloud'),
  });
  const warnings: string[] = [];
  if (values['admin-token'] !== undefined)
    warnings.push(
      '--admin-token is visible to every user of this machine (ps, /proc); use --admin-token-file or STOREDESK_CLOUD_ADMIN_TOKEN.',
    );
  const tokenFile = values['admin-token-file'] ?? env.STOREDESK_CLOUD_ADMIN_TOKEN_FILE;
  const givenToken =
    values['admin-token'] ??
    (tokenFile !== undefined ? readTokenFile(tokenFile) : env.STOREDESK_CLOUD_ADMIN_TOKEN);
  if (givenToken !== undefined && givenToken.length < 16)
    throw new Error('The admin token must be at least 16 characters.');
  const config = defaultCloudConfig(givenToken ?? newToken('sda_'));
  config.trustProxy = values['trust-proxy'] ?? env.STOREDESK_CLOUD_TRUST_PROXY === '1';
  if (env.STOREDESK_FAKE_PAYMENTS === '1') config.tasks.paymentProviders.push('fake');
  if (env.STOREDESK_CLOUD_DEPLOYMENT) config.deployment = env.STOREDESK_CLOUD_DEPLOYMENT;
  if (env.STOREDESK_CONSUMER_APP_DIR)
    config.consumerAppDir = path.resolve(env.STOREDESK_CONSUMER_APP_DIR);
  const provider = values.sms ?? env.STOREDESK_SMS_PROVIDER ?? 'log';
  if (provider === 'webhook') {
    const url = values['sms-webhook-url'] ?? env.STOREDESK_SMS_WEBHOOK_URL;
    if (!url)
      throw new Error('--sms webhook needs --sms-webhook-url (or STOREDESK_SMS_WEBHOOK_URL).');
    config.sms = { provider: 'webhook', url: new URL(url).toString(), timeoutMs: 5000 };
  } else if (provider !== 'log') {
    throw new Error(`Unknown SMS provider: ${provider} (log or webhook)`);
  }
  if (values['sms-callback-token'] !== undefined)
    warnings.push(
      '--sms-callback-token is visible to every user of this machine (ps, /proc); use --sms-callback-token-file or STOREDESK_SMS_CALLBACK_TOKEN.',
    );
  const callbackFile = values['sms-callback-token-file'] ?? env.STOREDESK_SMS_CALLBACK_TOKEN_FILE;
  const callbackToken =
    values['sms-callback-token'] ??
    (callbackFile !== undefined
      ? readTokenFile(callbackFile, 'SMS callback token')
      : env.STOREDESK_SMS_CALLBACK_TOKEN);
  if (callbackToken !== undefined) {
    if (callbackToken.length < 16)
      throw new Error('The SMS callback token must be at least 16 characters.');
    config.sms.callbackToken = callbackToken;
  }
  return {
    host,
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    adminTokenGenerated: givenToken === undefined,
    warnings,
    config,
  };
}

/** A token from a file (one line; Docker and systemd secrets are files like this). */
function readTokenFile(file: string, what = 'admin token'): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`Cannot read the ${what} file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
