import type { FastifyInstance } from 'fastify';
import { bearerOf, languageOf, sendError } from '../../src-node/http';
import type { ServedCore } from './app';
import { isAppError } from '../../src-node/app-error';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: contract events as Server-Sent Events. A browser's EventSource cannot set
 * headers, so the token may also come as `?access_token=`.
 */
export function registerEventStream(app: FastifyInstance, core: ServedCore) {
  app.get<{ Querystring: { access_token?: string } }>('/api/events', async (request, reply) => {
    const credential = bearerOf(request) ?? request.query.access_token ?? null;
    try {
      core.events.authorize(credential);
    } catch (error) {
      return sendError(
        reply,
        languageOf(request),
        isAppError(error) ? error.code : 'UNAUTHENTICATED',
      );
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const unsubscribe = core.events.subscribe(
      () => credential,
      (name, payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      },
    );
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on('close', close);
    res.on('error', close);
  });
}
