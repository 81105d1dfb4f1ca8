import type { AppErrorShape, ErrorCode } from '../src-shared/errors';
import { translateError, type Language } from '../src-shared/i18n';

/**
 * A refusal the caller should see: a stable code (its HTTP status in ERROR_STATUS) plus the facts
 * needed to explain it. The desktop's handlers and the cloud's endpoints throw the same class.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  toShape(message: string): AppErrorShape {
    return Object.keys(this.details).length
      ? { code: this.code, message, details: this.details }
      : { code: this.code, message };
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The `error` of an answer: the code, its text in the caller's language, the details if any. */
export const errorShape = (
  lang: Language,
  code: ErrorCode,
  details?: Record<string, unknown>,
): AppErrorShape => new AppError(code, details).toShape(translateError(lang, code, details));
