import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Core } from '../core';
import {
  answerInEnvelope,
  BODY_LIMIT_BYTES,
  bearerOf,
  languageOf,
  sendError,
} from '../../src-node/http';
import { ERROR_STATUS } from '../../src-shared/errors';
import { CONTENT_SECURITY_POLICY } from './csp';
import { registerEventStream } from './events';
import { registerExportDownloads } from './exports';
import { isLocalOnlyMethod, isLoopbackAddress, registerRequestGuard } from './request-guard';

export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
const LARGE_BODY_METHODS = ['products.importPreview', 'products.import'] as const;

/** What the server needs of the app: one core, or the shop host that switches between shops. */
export type ServedCore = Pick<Core, 'call' | 'events' | 'logger' | 'dataDir'>;

export interface ServerOptions {
  core: ServedCore;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string | null;
  /** LAN mode: terminal API keys are accepted, and the PC's host name is one of the server's. */
  allowTerminalKeys?: boolean;
  /** More host names the server answers to (see request-guard.ts). */
  allowedHosts?: readonly string[];
  /** Serve HTTPS with this key and certificate (LAN mode). */
  https?: { key: string; cert: string } | null;
}

/**
 * The local API: every contract method as `POST /api/<method>` with a JSON body, pushed events
 * as Server-Sent Events at `GET /api/events`, and the renderer for browser mode.
 */
export async function buildServer(options: ServerOptions) {
  const { core } = options;
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    // Event streams never go idle; close them with the server.
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  answerInEnvelope(app, core.logger, 'http request failed');
  registerRequestGuard(app, {
    lan: options.allowTerminalKeys ?? false,
    extraHosts: options.allowedHosts,
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  app.get('/api/health', async () => ({ ok: true, data: { status: 'up' } }));

  registerExportDownloads(app, core);

  const callMethod = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    // A fresh install is set up at the PC itself, never by whoever on the LAN comes first.
    if (isLocalOnlyMethod(method) && !isLoopbackAddress(request.socket.remoteAddress))
      return sendError(reply, languageOf(request), 'LOCAL_ONLY', { method });
    const result = await core.call(method, request.body, {
      credential: bearerOf(request),
      source: 'http',
      lang: languageOf(request),
      allowTerminalKeys: options.allowTerminalKeys ?? false,
      remoteAddress: request.ip,
    });
    if (result.ok) return reply.send(result);
    const retryAfter = result.error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    return reply.code(ERROR_STATUS[result.error.code] ?? 500).send(result);
  };
  // Product imports carry a whole spreadsheet in base64: a larger limit, for them only.
  for (const method of LARGE_BODY_METHODS)
    app.post(`/api/${method}`, { bodyLimit: IMPORT_BODY_LIMIT_BYTES }, (request, reply) =>
      callMethod(method, request, reply),
    );
  app.post<{ Params: { method: string } }>('/api/:method', (request, reply) =>
    callMethod(request.params.method, request, reply),
  );

  app.all('/api/*', async (request, reply) =>
    sendError(reply, languageOf(request), 'UNKNOWN_METHOD', { method: request.url }),
  );

  registerEventStream(app, core);

  const staticDir = options.staticDir;
  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDir,
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('.html')) {
          res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
          res.header('Cache-Control', 'no-cache');
        }
      },
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('StoreDesk API is running. The user interface is not built: run `npm run build`.'),
    );
  }
  return app;
}
