// The HTTP side of the error envelope, the same on the desktop's local API and on the cloud:
// every answer is `{ ok: true, data }` or `{ ok: false, error: { code, message, details? } }`
// with the code's status from ERROR_STATUS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../src-shared/errors';
import { pickLanguage, type Language } from '../src-shared/i18n';
import { AppError, errorShape, isAppError } from './app-error';
import type { Logger } from './logger';

/** A request body's limit, and the one the PAYLOAD_TOO_LARGE text names. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function bearerOf(request: FastifyRequest): string | null {
  const match = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export const languageOf = (request: FastifyRequest): Language =>
  pickLanguage(request.headers['accept-language']);

/** `{ ok: false, error }` with the code's status; a 429 says when to come back. */
export function sendError(
  reply: FastifyReply,
  lang: Language,
  code: ErrorCode,
  details?: Record<string, unknown>,
) {
  if (code === 'RATE_LIMITED' && typeof details?.retryAfterSeconds === 'number')
    reply.header('Retry-After', String(details.retryAfterSeconds));
  return reply.code(ERROR_STATUS[code]).send({ ok: false, error: errorShape(lang, code, details) });
}

/**
 * Reads every body as JSON whatever its Content-Type (POS terminals and other clients are not
 * always careful), and answers every failure in the envelope: an AppError with its code, an
 * oversized body PAYLOAD_TOO_LARGE, any other client error BAD_JSON, the rest INTERNAL (logged
 * as `failureMessage`).
 */
export function answerInEnvelope(app: FastifyInstance, logger: Logger, failureMessage: string) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (!text) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('BAD_JSON'), undefined);
    }
  });

  app.setErrorHandler((error: { code?: unknown; statusCode?: number }, request, reply) => {
    const lang = languageOf(request);
    if (isAppError(error)) return sendError(reply, lang, error.code, error.details);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      return sendError(reply, lang, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendError(reply, lang, 'BAD_JSON');
    logger.error(failureMessage, { method: request.method, url: request.url, error });
    return sendError(reply, lang, 'INTERNAL');
  });
}
