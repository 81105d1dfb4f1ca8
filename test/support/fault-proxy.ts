import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { CLOUD_START_TIMEOUT_MS, startCloud, type CloudBackend, type TestCloud } from './cloud';
import type { CloudConfig } from '../../src-cloud/config';

/**
 * A tiny HTTP proxy in front of a real cloud that injects the faults a shop's network has:
 * down (connections dropped), 5xx answers, slow answers, and answers lost after the cloud
 * committed (the request is forwarded, the connection is cut before the answer arrives).
 */
export interface Faults {
  /** Every connection is dropped without an answer. */
  down: boolean;
  /** Answer this many of the next requests (to matching paths) with 500, without forwarding. */
  fail500: number;
  /** Answer this many of the next matching requests with 429 and `Retry-After: 2`. */
  fail429: number;
  /** Forward this many of the next matching requests, then cut the connection (answer lost). */
  loseAnswer: number;
  /** Delay before forwarding, ms. */
  delayMs: number;
  /** Which paths the counted faults apply to: a prefix (default: pushes) or a pattern. */
  path: string | RegExp;
  /** Answer 500 to every matching request whose body holds this text (a row the cloud breaks on). */
  poison: string | null;
}

export async function startFaultProxy(target: string) {
  const faults: Faults = {
    down: false,
    fail500: 0,
    fail429: 0,
    loseAnswer: 0,
    delayMs: 0,
    path: '/v1/sync/push',
    poison: null,
  };
  const seen: { method: string; path: string; status: number | 'dropped' | 'lost' }[] = [];
  /** Forwards still waiting out a delay: dropped when the proxy closes. */
  const delayed = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (faults.down) {
      seen.push({ method: req.method!, path, status: 'dropped' });
      req.socket.destroy();
      return;
    }
    const matches =
      typeof faults.path === 'string' ? path.startsWith(faults.path) : faults.path.test(path);
    if (matches && faults.fail500 > 0) {
      faults.fail500 -= 1;
      seen.push({ method: req.method!, path, status: 500 });
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'injected' } }));
      return;
    }
    if (matches && faults.fail429 > 0) {
      faults.fail429 -= 1;
      seen.push({ method: req.method!, path, status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(
        JSON.stringify({
          ok: false,
          error: { code: 'RATE_LIMITED', message: 'injected', details: { retryAfterSeconds: 2 } },
        }),
      );
      return;
    }
    if (matches && faults.poison !== null) {
      const poison = faults.poison;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.toString().includes(poison)) {
          seen.push({ method: req.method!, path, status: 500 });
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'poisoned' } }));
          return;
        }
        const upstream = http.request(
          new URL(path, target),
          { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
          (answer) => {
            seen.push({ method: req.method!, path, status: answer.statusCode ?? 0 });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(body);
      });
      return;
    }
    const lose = matches && faults.loseAnswer > 0;
    if (lose) faults.loseAnswer -= 1;
    const forward = () => {
      // The till gave up meanwhile (timeout, closed): a half-sent body would hang the cloud.
      if (req.destroyed) return;
      const upstream = http.request(
        new URL(path, target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          if (lose) {
            answer.resume();
            answer.on('end', () => {
              seen.push({ method: req.method!, path, status: 'lost' });
              req.socket.destroy();
            });
            return;
          }
          seen.push({ method: req.method!, path, status: answer.statusCode ?? 0 });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.on('close', () => {
        if (!req.complete) upstream.destroy();
      });
      req.pipe(upstream);
    };
    if (faults.delayMs) {
      const timer = setTimeout(() => {
        delayed.delete(timer);
        forward();
      }, faults.delayMs);
      delayed.add(timer);
    } else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    seen,
    pushes: () => seen.filter((r) => r.path.startsWith('/v1/sync/push')),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delayed) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;

/**
 * For a suite: a real cloud on `backend` and a fault proxy in front of it, started before its
 * tests (handed to `use`) and closed after them.
 */
export function cloudBehindProxy(
  backend: CloudBackend,
  use: (started: { cloud: TestCloud; proxy: FaultProxy }) => void,
  config?: (config: CloudConfig) => void,
): void {
  let started: { cloud: TestCloud; proxy: FaultProxy } | null = null;
  beforeAll(async () => {
    const cloud = await startCloud(backend, { config });
    started = { cloud, proxy: await startFaultProxy(cloud.base) };
    use(started);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.proxy.close();
    await started?.cloud.close();
  }, CLOUD_START_TIMEOUT_MS);
}
