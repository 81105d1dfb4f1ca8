import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../src-node/app-error';
import { bearerOf, languageOf } from '../../src-node/http';
import { parseIn } from '../../src-node/zod-locale';
import type { FieldIssue } from '../../src-shared/errors';
import type { Language } from '../../src-shared/i18n';
import {
  cloudEndpoints,
  type EndpointInput,
  type EndpointName,
  type EndpointOutput,
} from '../../src-shared/sync/endpoints';
import { sameSecret } from '../platform/secrets';
import { WALLET_SESSION_COOKIE } from '../wallet/session-cookie';
import type {
  ConsumerActor,
  ConsumerContext,
  DeviceActor,
  DeviceContext,
  RequestContext,
} from './context';
import { cookieOf } from './cookies';
import type { RateLimiter } from './rate-limit';

export interface EndpointDeps {
  adminToken: string;
  authenticateDevice(token: string): Promise<DeviceActor>;
  /** A live wallet session of this merchant, or null (another merchant's session too). */
  authenticateConsumer(merchantCode: string, token: string): Promise<ConsumerActor | null>;
  limiters: { device: RateLimiter; public: RateLimiter };
  /** The SMS provider's callback token (config.sms.callbackToken); unset: callbacks refused. */
  smsCallbackToken?: string;
  /** Check every answer against its response schema (tests: the documentation stays true). */
  validateOutputs?: boolean;
}

type ContextFor<N extends EndpointName> = (typeof cloudEndpoints)[N]['auth'] extends 'device'
  ? DeviceContext
  : (typeof cloudEndpoints)[N]['auth'] extends 'consumer'
    ? ConsumerContext
    : RequestContext;

export type EndpointHandler<N extends EndpointName> = (
  input: EndpointInput<N>,
  ctx: ContextFor<N>,
) => Promise<EndpointOutput<N>>;

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  lang: Language,
  issues: FieldIssue[],
) {
  if (!schema) return undefined;
  const parsed = parseIn(schema, value ?? {}, lang);
  if (parsed.ok) return parsed.data;
  issues.push(...parsed.issues);
  return undefined;
}

async function limit(limiter: RateLimiter, key: string) {
  const taken = await limiter.take(key);
  if (!taken.ok)
    throw new AppError('RATE_LIMITED', {
      retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)),
    });
}

/**
 * The signed-in phone of a consumer route (`:merchantCode` in its path), by the wallet's cookie
 * or a bearer token, its request counted against the phone's own bucket; else UNAUTHENTICATED.
 */
export async function consumerOf(
  request: FastifyRequest,
  deps: Pick<EndpointDeps, 'authenticateConsumer' | 'limiters'>,
): Promise<ConsumerActor> {
  const token = cookieOf(request, WALLET_SESSION_COOKIE) ?? bearerOf(request);
  const merchantCode = (request.params as { merchantCode?: unknown }).merchantCode;
  const consumer =
    token && typeof merchantCode === 'string'
      ? await deps.authenticateConsumer(merchantCode, token)
      : null;
  if (!consumer) {
    // A wrong or stale session spends the address's public bucket, like any public call.
    await limit(deps.limiters.public, request.ip);
    throw new AppError('UNAUTHENTICATED');
  }
  // A signed-in phone has a bucket of its own: phones behind one carrier NAT do not share.
  await limit(deps.limiters.public, `consumer:${consumer.sessionId}`);
  return consumer;
}

/**
 * One route of the cloud API from its entry in src-shared/sync/endpoints.ts: authenticates,
 * rate-limits, parses params, query and body with the entry's zod schemas, and answers
 * `{ ok: true, data }`. Errors are thrown as AppError and answered by the app's error handler.
 */
export function registerEndpoint<N extends EndpointName>(
  app: FastifyInstance,
  deps: EndpointDeps,
  name: N,
  handler: EndpointHandler<N>,
) {
  const def = cloudEndpoints[name];
  app.route({
    method: def.method,
    url: def.path,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const lang = languageOf(request);
      const base: RequestContext = {
        lang,
        ip: request.ip,
        reply: {
          header: (headerName, value) => void reply.header(headerName, value),
          secure: request.protocol === 'https',
        },
      };
      let ctx: RequestContext | DeviceContext | ConsumerContext = base;
      if (def.auth === 'admin') {
        const token = bearerOf(request);
        if (!token || !sameSecret(token, deps.adminToken)) {
          // Wrong guesses at the admin token spend the address's public bucket.
          await limit(deps.limiters.public, request.ip);
          throw new AppError('UNAUTHENTICATED');
        }
      } else if (def.auth === 'provider') {
        const token = bearerOf(request);
        if (!token || !deps.smsCallbackToken || !sameSecret(token, deps.smsCallbackToken)) {
          // Like the admin token: wrong guesses spend the address's public bucket.
          await limit(deps.limiters.public, request.ip);
          throw new AppError('UNAUTHENTICATED');
        }
      } else if (def.auth === 'device') {
        const token = bearerOf(request);
        if (!token) throw new AppError('UNAUTHENTICATED');
        const device = await deps.authenticateDevice(token);
        await limit(deps.limiters.device, device.deviceId);
        ctx = { ...base, device };
      } else if (def.auth === 'consumer') {
        ctx = { ...base, consumer: await consumerOf(request, deps) };
      } else {
        await limit(deps.limiters.public, request.ip);
      }
      const issues: FieldIssue[] = [];
      const d = def as { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
      const input = {
        params: parsePart(d.params, request.params, lang, issues),
        query: parsePart(d.query, request.query, lang, issues),
        body: parsePart(d.body, request.body, lang, issues),
      } as EndpointInput<N>;
      if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
      const data = await handler(input, ctx as ContextFor<N>);
      if (deps.validateOutputs) {
        const checked = def.response.safeParse(data);
        if (!checked.success)
          throw new Error(`${name} answered outside its schema: ${checked.error.message}`);
      }
      return { ok: true, data };
    },
  });
}
