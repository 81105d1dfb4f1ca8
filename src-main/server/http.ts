import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type AppErrorShape, type ErrorCode } from '../../src-shared/errors';
import { pickLanguage, translateError, type Language } from '../../src-shared/i18n';

export function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export const languageOf = (request: FastifyRequest): Language =>
  pickLanguage(request.headers['accept-language']);

export function sendError(
  reply: FastifyReply,
  lang: Language,
  code: ErrorCode,
  details?: Record<string, unknown>,
) {
  const error: AppErrorShape = { code, message: translateError(lang, code, details) };
  if (details && Object.keys(details).length) error.details = details;
  return reply.code(ERROR_STATUS[code]).send({ ok: false, error });
}
