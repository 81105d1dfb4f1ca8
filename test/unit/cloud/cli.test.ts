import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCloudOptions } from '../../../src-cloud/config';
import { MIGRATIONS_DIR } from '../../../src-cloud/db/open';

const TOKEN = 'cli-admin-token-0123456789';
const PROCESS_TIMEOUT_MS = 90_000;

/** The admin token in a file beside the data folder, as a secrets mount would hold it. */
function tokenFile(dataDir: string): string {
  const file = `${dataDir}.admin-token`;
  fs.writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 });
  return file;
}

/** `npm run cloud` as a real process; resolves once it prints its address. */
function startCli(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-cloud/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--admin-token-file',
      tokenFile(dataDir),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`cloud exited (${code}): ${output}`)));
  });
  return { child, base, exited, output: () => output };
}

describe('the cloud command', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}.admin-token`, { force: true });
    }
  });

  it(
    'starts on PGlite, stops on SIGTERM closing the database, and finds its data again',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-cli-'));
      dirs.push(dataDir);
      const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

      const first = startCli(dataDir);
      const base = await first.base;
      expect(first.output()).toContain(`PGlite in ${dataDir}`);
      const created = await fetch(`${base}/v1/admin/merchants`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ name: '好邻居便利', code: 'hlj-01' }),
      });
      expect(created.status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startCli(dataDir);
      const again = await second.base;
      const list = await (await fetch(`${again}/v1/admin/merchants`, { headers: admin })).json();
      expect(list.data.merchants.map((m: { code: string }) => m.code)).toEqual(['HLJ-01']);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
    PROCESS_TIMEOUT_MS * 2,
  );

  it('reads flags before the environment and refuses what it cannot use', () => {
    const env = {
      STOREDESK_CLOUD_PORT: '9000',
      STOREDESK_CLOUD_ADMIN_TOKEN: 'env-token-0123456789',
      DATABASE_URL: 'postgres://x@127.0.0.1/db',
    };
    const options = parseCloudOptions(['--port', '9100', '--data-dir', '/tmp/x'], env);
    expect(options).toMatchObject({
      port: 9100,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://x@127.0.0.1/db',
      adminTokenGenerated: false,
      config: { adminToken: 'env-token-0123456789', sms: { provider: 'log' } },
    });
    expect(parseCloudOptions(['--trust-proxy'], {}).config.trustProxy).toBe(true);
    expect(parseCloudOptions([], { STOREDESK_CLOUD_TRUST_PROXY: '1' }).config.trustProxy).toBe(
      true,
    );
    const generated = parseCloudOptions([], {});
    expect(generated.config.trustProxy).toBe(false);
    expect(generated.adminTokenGenerated).toBe(true);
    expect(generated.config.adminToken).toMatch(/^sda_.{40,}/);
    expect(
      parseCloudOptions(['--sms', 'webhook', '--sms-webhook-url', 'http://127.0.0.1:9/sms'], {})
        .config.sms,
    ).toEqual({ provider: 'webhook', url: 'http://127.0.0.1:9/sms', timeoutMs: 5000 });
    expect(() => parseCloudOptions(['--sms', 'webhook'], {})).toThrow(/sms-webhook-url/);
    expect(() => parseCloudOptions(['--sms', 'pigeon'], {})).toThrow(/Unknown SMS provider/);
    expect(() => parseCloudOptions(['--admin-token', 'short'], {})).toThrow(/16 characters/);
    // A token on the command line shows in `ps`: accepted, with a warning; a file is quiet.
    expect(parseCloudOptions(['--admin-token', TOKEN], {}).warnings.join()).toMatch(/ps/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-token-'));
    dirs.push(dir);
    const fromFile = parseCloudOptions(['--admin-token-file', tokenFile(dir)], {});
    expect(fromFile).toMatchObject({ warnings: [], config: { adminToken: TOKEN } });
    expect(
      parseCloudOptions([], { STOREDESK_CLOUD_ADMIN_TOKEN_FILE: tokenFile(dir) }).config.adminToken,
    ).toBe(TOKEN);
    expect(() => parseCloudOptions(['--admin-token-file', `${dir}/none`], {})).toThrow(
      /admin token file/,
    );
    expect(() => parseCloudOptions(['--port', 'x'], {})).toThrow(/Invalid port/);
  });

  it('has migrations with increasing journal timestamps and a SQL file each', () => {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
    );
    expect(journal.dialect).toBe('postgresql');
    const entries = journal.entries as { idx: number; when: number; tag: string }[];
    expect(entries.length).toBeGreaterThan(0);
    entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      if (i > 0) expect(entry.when).toBeGreaterThan(entries[i - 1]!.when);
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`))).toBe(true);
    });
  });
});
