import { z } from 'zod';

/**
 * Every error the app can report, with the HTTP status the local API answers it with.
 * Codes are stable: the renderer, POS terminals and the cloud match on them, never on text.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  TERMINAL_KEYS_DISABLED: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  ALREADY_INITIALIZED: 409,
  NOT_INITIALIZED: 409,
  CONFLICT: 409,
  DUPLICATE_NAME: 409,
  DUPLICATE_CODE: 409,
  WRONG_PIN: 401,
  STAFF_LOCKED: 423,
  STAFF_INACTIVE: 403,
  LAST_OWNER: 409,
  CANNOT_CHANGE_SELF: 409,
  PAYLOAD_TOO_LARGE: 413,
  BUSY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = { code: ErrorCode; message: string; details?: Record<string, unknown> };

/** One problem with one field of an input, as carried in `details.issues` of VALIDATION_FAILED. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };
