import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type AppErrorShape, type ErrorCode } from '../../src-shared/errors';
import { pickLanguage, translateError, type Language } from '../../src-shared/i18n';

export function bearerOf(request: FastifyRequest): string | null {
  const match = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export const languageOf = (request: FastifyRequest): Language =>
  pickLanguage(request.headers['accept-language']);

export function errorShape(
  lang: Language,
  code: ErrorCode,
  details?: Record<string, unknown>,
): AppErrorShape {
  const error: AppErrorShape = { code, message: translateError(lang, code, details) };
  if (details && Object.keys(details).length) error.details = details;
  return error;
}

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
