import type { AppErrorShape, ErrorCode } from '../../../src-shared/errors';

/** A refusal the user should see: a stable code plus the facts needed to explain it. */
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
