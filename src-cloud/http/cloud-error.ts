import type { ErrorCode } from '../../src-shared/errors';

/** An answer the client can act on: a stable code (HTTP status from ERROR_STATUS) and details. */
export class CloudError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'CloudError';
  }
}
