// Web pages cannot drive the local API: a foreign Host (DNS rebinding), a foreign Origin, a
// "simple" text/plain or form POST are refused with stable codes, and a fresh install is set up
// only from the PC itself. What the app, terminals and scripts send still goes through.
import http from 'node:http';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { setupInput, testCore } from '../../support/core';
import { startServer } from '../../support/server';
import { buildServer } from '../../../src-main/server/app';
import { afterEach } from 'vitest';

interface RawAnswer {
  status: number;
  body: any;
}

/** A request with exactly these headers (fetch will not forge Host). */
function raw(
  target: { host: string; port: number },
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.host,
        port: target.port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
        setHost: false,
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

async function guardedServer() {
  const { core } = await testCore();
  const { app, base } = await startServer(core);
  const port = Number(new URL(base).port);
  const send = (headers: Record<string, string>, body = '{}', path = '/api/setup.status') =>
    raw({ host: '127.0.0.1', port }, { path, headers, body });
  return { core, app, port, send };
}

const json = { 'content-type': 'application/json' };

describe('Host header', () => {
  it('refuses a name that is not this server (DNS rebinding), in the caller’s language', async () => {
    const { port, send } = await guardedServer();
    const evil = await send({ host: `evil.example:${port}`, ...json });
    expect(evil.status).toBe(421);
    expect(evil.body.error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect(evil.body.error.message).toContain('evil.example');
    const english = await send({ host: 'evil.example', 'accept-language': 'en', ...json });
    expect(english.body.error.message).toMatch(/not an address of this server/);
    expect((await send({ ...json })).status).toBe(400); // no Host at all: Node refuses it first
    // The static pages and the event stream are behind the same gate.
    const page = await raw(
      { host: '127.0.0.1', port },
      { method: 'GET', path: '/', headers: { host: 'rebind.example' } },
    );
    expect(page.status).toBe(421);
    // The machine's own name is a LAN name: not accepted on a loopback-only server.
    expect((await send({ host: `${os.hostname()}:${port}`, ...json })).status).toBe(421);
  });

  it('answers the loopback names and the address it was reached on', async () => {
    const { port, send } = await guardedServer();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', '127.0.0.1'])
      expect((await send({ host, ...json })).status, host).toBe(200);
  });
});

describe('Origin header', () => {
  it('refuses another site, a null origin and another port of this PC', async () => {
    const { port, send } = await guardedServer();
    const host = `127.0.0.1:${port}`;
    for (const origin of [
      'https://evil.example',
      'null',
      `http://localhost:${port + 1}`,
      `http://127.0.0.1:${port}.evil.example`,
      'file://',
    ]) {
      const refused = await send({ host, origin, ...json });
      expect(refused.status, origin).toBe(403);
      expect(refused.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    }
    expect((await send({ host, origin: `http://127.0.0.1:${port}`, ...json })).status).toBe(200);
    expect((await send({ host, ...json })).status).toBe(200); // terminals, scripts: no Origin
  });
});

describe('Content-Type of API calls', () => {
  it('refuses text/plain, form and missing types that a page may send without asking', async () => {
    const { core, port, send } = await guardedServer();
    const host = `127.0.0.1:${port}`;
    const body = JSON.stringify(setupInput);
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      const refused = await send({ host, 'content-type': type }, body, '/api/setup.initialize');
      expect(refused.status, type).toBe(415);
      expect(refused.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect((await send({ host }, body, '/api/setup.initialize')).status).toBe(415);
    const status = await core.call('setup.status', {}, { source: 'app' });
    expect(status).toMatchObject({ ok: true, data: { initialized: false } });
    const done = await send(
      { host, 'content-type': 'application/json; charset=utf-8' },
      body,
      '/api/setup.initialize',
    );
    expect(done.status).toBe(200);
  });
});

describe('setup.initialize', () => {
  const lanAddress = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

  it.skipIf(!lanAddress)(
    'is refused from the LAN and accepted from the PC itself (LAN mode)',
    async () => {
      const { core } = await testCore();
      const app = await buildServer({ core, allowTerminalKeys: true });
      await app.listen({ host: '0.0.0.0', port: 0 });
      afterEach(() => app.close());
      const port = (app.server.address() as { port: number }).port;
      const body = JSON.stringify(setupInput);
      const fromLan = await raw(
        { host: lanAddress!, port },
        {
          path: '/api/setup.initialize',
          headers: { host: `${lanAddress}:${port}`, ...json },
          body,
        },
      );
      expect(fromLan.status).toBe(403);
      expect(fromLan.body.error.code).toBe('LOCAL_ONLY');
      // The LAN address and the PC's name are this server's names in LAN mode.
      const status = await raw(
        { host: lanAddress!, port },
        {
          path: '/api/setup.status',
          headers: { host: `${os.hostname()}.local:${port}`, ...json },
          body: '{}',
        },
      );
      expect(status.status).toBe(200);
      const local = await raw(
        { host: '127.0.0.1', port },
        { path: '/api/setup.initialize', headers: { host: `127.0.0.1:${port}`, ...json }, body },
      );
      expect(local.status).toBe(200);
    },
  );
});
