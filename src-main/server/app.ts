import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Core } from '../core';
import { ERROR_STATUS } from '../../src-shared/errors';
import { CONTENT_SECURITY_POLICY } from './csp';
import { registerEventStream } from './events';
import { registerExportDownloads } from './exports';
import { bearerOf, languageOf, sendError } from './http';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
const LARGE_BODY_METHODS = ['products.importPreview', 'products.import'] as const;

export interface ServerOptions {
  core: Core;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string | null;
  /** LAN mode: terminal API keys are accepted. */
  allowTerminalKeys?: boolean;
}

/**
 * The local API: every contract method as `POST /api/<method>` with a JSON body, pushed events
 * as Server-Sent Events at `GET /api/events`, and the renderer for browser mode.
 */
export async function buildServer(options: ServerOptions) {
  const { core } = options;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    // Event streams never go idle; close them with the server.
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  // POS terminals are not always careful with Content-Type: every body is read as JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (!text) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = Object.assign(new Error('bad json'), {
        statusCode: 400,
        code: 'STOREDESK_BAD_JSON',
      });
      done(error, undefined);
    }
  });

  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    const lang = languageOf(request);
    if (error.code === 'STOREDESK_BAD_JSON') return sendError(reply, lang, 'BAD_JSON');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      return sendError(reply, lang, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendError(reply, lang, 'BAD_JSON');
    core.logger.error('http request failed', { url: request.url, error });
    return sendError(reply, lang, 'INTERNAL');
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  app.get('/api/health', async () => ({ ok: true, data: { status: 'up' } }));

  registerExportDownloads(app, core);

  const callMethod = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    const result = await core.call(method, request.body, {
      credential: bearerOf(request),
      source: 'http',
      lang: languageOf(request),
      allowTerminalKeys: options.allowTerminalKeys ?? false,
    });
    if (result.ok) return reply.send(result);
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
