import type { AppErrorShape, ErrorCode, FieldIssue } from '../../../src-shared/errors';

/** The app's stable error codes, plus one the renderer adds when the app cannot be reached. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A refusal from the app, as the renderer sees it: translate it by `code`, never by `message`. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown>;

  constructor(shape: Omit<AppErrorShape, 'code'> & { code: ClientErrorCode }) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details ?? {};
  }

  /** The per-field problems of a VALIDATION_FAILED answer. */
  get issues(): FieldIssue[] {
    return Array.isArray(this.details.issues) ? (this.details.issues as FieldIssue[]) : [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Codes that mean "this session is over": the UI returns to the login screen. */
export const SESSION_LOST_CODES: readonly ClientErrorCode[] = [
  'SESSION_EXPIRED',
  'UNAUTHENTICATED',
];
