import type { Core } from '../../src-main/core';
import { afterThisTest } from './after-test';
import { buildServer, type ServerOptions } from '../../src-main/server/app';

/** The local API on a real socket: 127.0.0.1, port 0. */
export async function startServer(core: Core, options: Omit<ServerOptions, 'core'> = {}) {
  const app = await buildServer({ core, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  afterThisTest(() => app.close());
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const base = `http://127.0.0.1:${address.port}`;

  async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as any,
      headers: response.headers,
    };
  }
  return { app, base, post };
}
