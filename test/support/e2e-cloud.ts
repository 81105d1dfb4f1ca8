import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { advanceClock } from './e2e-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY_LINE = /StoreDesk cloud listening on (http:\/\/\S+)/;
const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
const SMS_CALLBACK_TOKEN = 'e2e-sms-callback-token-0123456789';

/** A text as the SMS gateway got it from the cloud (the webhook provider's body). */
export interface GatewayText {
  id?: string;
  to: string;
  text: string;
  template: string;
}

/**
 * The real cloud server (`tsx src-cloud/cli.ts`, PGlite in a fresh folder) for the spec file
 * that calls this at its top level, with the admin calls the operator would make.
 */
export function cloudForThisFile(options: { testClock?: boolean } = {}) {
  let child: ChildProcess | undefined;
  let dataDir = '';
  let base = '';
  // The consumers' texts, as the SMS gateway would get them (the cloud's webhook provider).
  const texts: GatewayText[] = [];
  const smsGateway = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      texts.push(JSON.parse(body) as GatewayText);
      response.end('{}');
    });
  });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-e2e-cloud-'));
    await new Promise<void>((resolve) => smsGateway.listen(0, '127.0.0.1', resolve));
    const smsUrl = `http://127.0.0.1:${(smsGateway.address() as AddressInfo).port}/`;
    child = spawn(
      process.execPath,
      [
        ...['--import', 'tsx', 'src-cloud/cli.ts', '--port', '0', '--data-dir', dataDir],
        ...['--sms', 'webhook', '--sms-webhook-url', smsUrl],
        ...(options.testClock ? ['--test-clock'] : []),
      ],
      {
        cwd: ROOT,
        // Always a fresh PGlite, even where DATABASE_URL names a PostgreSQL for the unit suites:
        // a spec's merchants would otherwise outlive the run and refuse the next one.
        // Task pools are funded through the fake payment provider (confirms at once).
        env: {
          ...process.env,
          DATABASE_URL: '',
          STOREDESK_CLOUD_ADMIN_TOKEN: ADMIN_TOKEN,
          STOREDESK_FAKE_PAYMENTS: '1',
          STOREDESK_SMS_CALLBACK_TOKEN: SMS_CALLBACK_TOKEN,
        },
        stdio: options.testClock ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    base = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY_LINE.exec(output);
        if (match) resolve(match[1]!);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`cloud exited with ${code}:\n${output}`)));
    });
  });
  test.afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    smsGateway.close();
  });

  async function admin(method: 'GET' | 'POST', url: string, body?: unknown) {
    const response = await fetch(base + url, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!answer.ok) throw new Error(`${method} ${url}: ${JSON.stringify(answer)}`);
    return answer.data;
  }

  return {
    get url() {
      return base;
    },
    admin,
    /** Moves the cloud's clock forward (started with `testClock`); resolves with its new now. */
    advanceClock: (ms: number) => advanceClock(child!, ms),
    /** Every text the gateway got so far (one-time codes and marketing). */
    get texts(): readonly GatewayText[] {
      return texts;
    },
    /** The gateway forwards a consumer's reply, as a provider calls the cloud. */
    async reply(phone: string, text: string): Promise<{ suppressed?: number }> {
      const response = await fetch(`${base}/v1/sms/replies`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${SMS_CALLBACK_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ replies: [{ phone, text }] }),
      });
      const answer = await response.json();
      if (!answer.ok) throw new Error(`reply refused: ${JSON.stringify(answer)}`);
      return answer.data;
    },
    /** The one-time code texted to a consumer's phone, as the phone would read it. */
    async otpFor(merchantCode: string, phone: string): Promise<string> {
      const sent = texts.length;
      const response = await fetch(`${base}/v1/consumers/${merchantCode}/otp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone }),
      });
      if (!response.ok) throw new Error(`no code texted: ${await response.text()}`);
      const code = /\d{6}/.exec(texts.slice(sent).at(-1)?.text ?? '')?.[0];
      if (!code) throw new Error('no code texted');
      return code;
    },
    /**
     * The newest one-time code texted to `phone` (11 digits or E.164) after `since` texts, as
     * the phone would read it when a page asked for the code; waits for the gateway to get it.
     */
    async otpTextedTo(phone: string, since = 0, timeoutMs = 10_000): Promise<string> {
      const digits = phone.replace(/\D/g, '').slice(-11);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = texts
          .slice(since)
          .filter((sent) => sent.to.replace(/\D/g, '').endsWith(digits))
          .at(-1);
        const code = /\d{6}/.exec(text?.text ?? '')?.[0];
        if (code) return code;
        if (Date.now() > deadline) throw new Error(`no code texted to ${phone}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** How many texts the gateway got so far (a mark for otpTextedTo). */
    get textCount() {
      return texts.length;
    },
    async pairingCode(merchantId: string): Promise<string> {
      return (await admin('POST', `/v1/admin/merchants/${merchantId}/pairing-codes`, {})).display;
    },
  };
}
