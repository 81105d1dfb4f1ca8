import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { consumerOf, type EndpointDeps } from '../http/endpoint';
import type { ConsumerLive, LiveSignal } from './hub';

const HEARTBEAT_MS = 25_000;
/** setTimeout's limit: a longer session's stream ends then, and the browser opens another. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `GET /v1/consumers/:merchantCode/live`: Server-Sent Events telling the signed-in phone that its
 * coupons (`wallet`) or task orders (`tasks`) changed, or that it should look again (`resync`).
 * Only the topic is sent: the app asks the usual endpoints for the data, so what a stream
 * carries needs no schema of its own and no authorisation beyond the session's.
 */
export function registerLiveRoutes(
  app: FastifyInstance,
  deps: Pick<EndpointDeps, 'authenticateConsumer' | 'limiters'>,
  live: ConsumerLive,
  clock: Clock,
) {
  app.get('/v1/consumers/:merchantCode/live', async (request, reply) => {
    const consumer = await consumerOf(request, deps);
    const res = reply.raw;
    const sink = {
      send: (signal: LiveSignal) => void res.write(`event: ${signal}\ndata: {}\n\n`),
      end: () => void res.end(),
    };
    const unsubscribe = live.subscribe(consumer.merchantId, consumer.phone, sink);
    // This node holds all the streams it may: the app keeps polling instead.
    if (!unsubscribe) throw new AppError('RATE_LIMITED', { retryAfterSeconds: 60 });
    reply.hijack();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 3000\n: connected\n\n');
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    // A stream outlives no session: the browser's reconnect then meets UNAUTHENTICATED and stops.
    const expiry = setTimeout(
      sink.end,
      Math.min(MAX_TIMER_MS, Math.max(0, consumer.expiresAt - clock.now())),
    );
    const close = () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
    };
    res.on('close', close);
    res.on('error', close);
  });
}
