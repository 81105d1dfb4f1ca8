import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloudDatabase } from '../../../src-cloud/db/open';
import { ConsumerSessions } from '../../../src-cloud/wallet/sessions';
import { systemClock } from '../../../src-node/clock';
import { normalizeMainlandMobile } from '../../../src-shared/phone';
import { newSigningKey, numericCode, redemptionClaim } from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import { startRoundRobinProxy } from '../../support/round-robin-proxy';
import { openEventStream } from '../../support/sse';
import { issuanceChanged, storeChanged, templateChanged } from '../../support/wallet';

// Two cloud processes on one PostgreSQL behind a round-robin proxy answer as one cloud: sync
// (push, pull, first claim wins), the texts' resend interval, the rate limits and the claims of
// an issuance hold across both, because nothing they decide on lives in one process's memory;
// and a phone's live stream on one node hears what was done through the other (LISTEN/NOTIFY).

const URL = process.env.DATABASE_URL || null;
const TOKEN = 'two-nodes-admin-token-0123456789';
const START_TIMEOUT_MS = 90_000;

/** `npm run cloud` on PostgreSQL as a real process, one node of `deployment`. */
function startNode(dataDir: string, deployment: string) {
  const tokenFile = path.join(dataDir, 'admin-token');
  fs.writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
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
      tokenFile,
      // Behind the proxy, as behind a load balancer: the client's address is forwarded.
      '--trust-proxy',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: URL!, STOREDESK_CLOUD_DEPLOYMENT: deployment },
    },
  );
  let output = '';
  const base = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cloud node exited (${code}): ${output}`)));
  });
  return { child, base };
}

describe.skipIf(!URL)(
  URL ? 'two cloud nodes on one PostgreSQL' : 'two cloud nodes (skipped: DATABASE_URL is not set)',
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-two-nodes-'));
    const nodes: ChildProcess[] = [];
    let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
    /** Each node's own address, for what must reach one node in particular. */
    let bases: string[] = [];

    const call = async (method: 'GET' | 'POST', url: string, body?: unknown, token = TOKEN) => {
      const response = await fetch(proxy.base + url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const ok = async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
      const answer = await call(method, url, body, token);
      if (answer.status !== 200)
        throw new Error(`${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.data;
    };

    beforeAll(async () => {
      const deployment = `two-nodes-${randomBytes(4).toString('hex')}`;
      const started = [0, 1].map((i) => {
        const dir = path.join(dataDir, `node-${i}`);
        fs.mkdirSync(dir);
        return startNode(dir, deployment);
      });
      nodes.push(...started.map((s) => s.child));
      // A client address of this run: the per-address caps of other runs on the database are not ours.
      const client = `10.${randomBytes(3).join('.')}`;
      bases = await Promise.all(started.map((s) => s.base));
      proxy = await startRoundRobinProxy(bases, client);
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await proxy?.close();
      await Promise.all(
        nodes.map(
          (child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
        ),
      );
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('syncs two tills through both nodes: every event once, in one order, one winner per code', async () => {
      const merchant = await ok('POST', '/v1/admin/merchants', {
        name: '两节点连锁',
        code: `TN-${randomBytes(3).toString('hex').toUpperCase()}`,
      });
      const pair = async (name: string, keys = [] as ReturnType<typeof newSigningKey>[]) => {
        const { display } = await ok(
          'POST',
          `/v1/admin/merchants/${merchant.id}/pairing-codes`,
          {},
        );
        return ok('POST', '/v1/devices/pair', {
          pairingCode: display,
          device: { name },
          signingKeys: keys,
        });
      };
      const a = await pair('一号店', [newSigningKey('k1')]);
      const b = await pair('二号店');

      // The same 20 codes claimed by both tills at once, each batch split over both nodes.
      const codes = Array.from({ length: 20 }, () => numericCode());
      const batches = [a, b].flatMap((till) =>
        [codes.slice(0, 10), codes.slice(10)].map((part) => ({ till, part })),
      );
      const answers = await Promise.all(
        batches.map(({ till, part }) =>
          ok(
            'POST',
            '/v1/sync/push',
            { events: part.map((code) => redemptionClaim(code)) },
            till.deviceToken,
          ),
        ),
      );
      const results = answers.flatMap((answer) => answer.results as { status: string }[]);
      expect(results.filter((r) => r.status === 'accepted')).toHaveLength(20);
      expect(results.filter((r) => r.status === 'conflict')).toHaveLength(20);

      // Pulled page by page through alternating nodes: 40 events, numbered 1..40 without a gap.
      const seqs: number[] = [];
      let cursor = '0';
      for (;;) {
        const page = await ok(
          'GET',
          `/v1/sync/pull?after=${cursor}&limit=7`,
          undefined,
          a.deviceToken,
        );
        seqs.push(...page.events.map((e: { seq: string }) => Number(e.seq)));
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      // A sees B's events only (its own are not sent back): the 20 of B, in stream order.
      expect(seqs).toHaveLength(20);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(proxy.served.every((n) => n > 5)).toBe(true);
    });

    it("limits an issuance's claims across both nodes, and a phone's stream on one node hears the other", async () => {
      const merchant = await ok('POST', '/v1/admin/merchants', {
        name: '两节点领券',
        code: `TW-${randomBytes(3).toString('hex').toUpperCase()}`,
      });
      const { display } = await ok('POST', `/v1/admin/merchants/${merchant.id}/pairing-codes`, {});
      const till = await ok('POST', '/v1/devices/pair', {
        pairingCode: display,
        device: { name: '一号店' },
        signingKeys: [newSigningKey('k1')],
      });
      const template = templateChanged();
      const { issuance, event } = issuanceChanged({ templateId: template.template.id, count: 30 });
      const pushed = await ok(
        'POST',
        '/v1/sync/push',
        { events: [storeChanged().event, template.event, event] },
        till.deviceToken,
      );
      expect(pushed.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);

      // Forty signed-in phones (sessions made in the database, as the OTP step would) claim at
      // once through both nodes: thirty get a coupon, ten are told the issuance is exhausted.
      const database = await openCloudDatabase({ dataDir, databaseUrl: URL });
      const sessions = new ConsumerSessions(database.db, systemClock);
      const tokens = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const phone = normalizeMainlandMobile(freshPhone())!;
          return (await sessions.open(merchant.id, phone)).token as string;
        }),
      );
      await database.close();
      const claimUrl = `/v1/consumers/${merchant.code}/issuances/${issuance.id}/claim`;
      const claims = await Promise.all(tokens.map((token) => call('POST', claimUrl, {}, token)));
      expect(claims.filter((c) => c.status === 200)).toHaveLength(30);
      expect(new Set(claims.map((c) => c.body.error?.code ?? 'claimed'))).toEqual(
        new Set(['claimed', 'ISSUANCE_EXHAUSTED']),
      );

      // The first holder watches on node 0; a till's redemption arrives through node 1.
      const holder = claims.findIndex((c) => c.status === 200);
      const stream = await openEventStream(`${bases[0]}/v1/consumers/${merchant.code}/live`, {
        authorization: `Bearer ${tokens[holder]}`,
      });
      expect(stream.status).toBe(200);
      const redeemed = await fetch(`${bases[1]}/v1/sync/push`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${till.deviceToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ events: [redemptionClaim(claims[holder]!.body.data.coupon.code)] }),
      });
      expect(redeemed.status).toBe(200);
      expect(await stream.next(5000)).toBe('wallet');
      stream.close();
    });

    it('holds the resend interval of texts and the rate limits across both nodes', async () => {
      const merchant = await ok('POST', '/v1/admin/merchants', {
        name: '两节点短信',
        code: `TS-${randomBytes(3).toString('hex').toUpperCase()}`,
      });
      const phone = freshPhone();
      const first = await call('POST', `/v1/consumers/${merchant.code}/otp`, { phone });
      expect(first.body.error).toBeUndefined();
      // The next request goes to the other node: it knows the phone was just texted.
      const again = await call('POST', `/v1/consumers/${merchant.code}/otp`, { phone });
      expect(again.status).toBe(429);
      expect(again.body.error.code).toBe('RATE_LIMITED');

      // The public bucket of this address (20 at once, 1 a second) is one bucket for both
      // nodes: a burst of 40 over both gets at most what one node would allow.
      const before = proxy.served.map((n) => n);
      const started = performance.now();
      const burst = await Promise.all(
        Array.from({ length: 40 }, () =>
          call('POST', `/v1/consumers/${merchant.code}/otp`, { phone: '12345' }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const limited = burst.filter((answer) => answer.status === 429).length;
      // Tokens used above (pairing codes, the two texts) plus a second's refill or so.
      expect(40 - limited).toBeLessThanOrEqual(20 + Math.ceil(seconds) + 1);
      expect(limited).toBeGreaterThanOrEqual(40 - 21 - Math.ceil(seconds));
      expect(proxy.served.map((n, i) => n - before[i]!)).toEqual([20, 20]);
    });
  },
);
