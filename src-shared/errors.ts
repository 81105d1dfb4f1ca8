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
  /** Too many wrong PINs from this source (or the whole LAN): `retryAfterSeconds`. */
  PIN_TRY_LATER: 429,
  /** The session's lock screen is up: unlock with the PIN first. */
  SESSION_LOCKED: 423,
  /** Changing one's own PIN needs the current one. */
  CURRENT_PIN_REQUIRED: 400,
  STAFF_INACTIVE: 403,
  LAST_OWNER: 409,
  CANNOT_CHANGE_SELF: 409,
  PRODUCT_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_NOT_ACTIVE: 409,
  TEMPLATE_CHANGE_REFUSED: 409,
  INVALID_STATUS_CHANGE: 409,
  ISSUE_LIMIT_REACHED: 409,
  CUSTOMER_ISSUE_LIMIT_REACHED: 409,
  REDEMPTION_NOT_FOUND: 404,
  VOID_WINDOW_PASSED: 409,
  ALREADY_VOIDED: 409,
  NOT_A_MANAGER: 403,
  IDEMPOTENCY_KEY_REUSED: 409,
  NO_CASHBACK_TEMPLATE: 404,
  CASHBACK_NOT_FOUND: 404,
  CASHBACK_ALREADY_REDEEMED: 409,
  CASHBACK_EXPIRED: 409,
  TERMINAL_REQUIRED: 400,
  CASHBACK_SALE_REQUIRED: 409,
  CASHBACK_UNITS_USED: 409,
  CASHBACK_PHONE_DAILY_LIMIT: 429,
  PRINTER_NOT_FOUND: 404,
  NO_DEFAULT_PRINTER: 409,
  PRINTER_UNREACHABLE: 502,
  PRINTER_TIMEOUT: 504,
  PRINTER_DISCONNECTED: 502,
  PRINTER_UNSUPPORTED: 501,
  JOB_NOT_RETRYABLE: 409,
  PRINTER_PAPER_OUT: 409,
  PRINTER_COVER_OPEN: 409,
  PRINTER_OFFLINE: 503,
  JOB_NOT_PAUSABLE: 409,
  JOB_NOT_RESUMABLE: 409,
  JOB_NOT_REPRINTABLE: 409,
  LOGO_INVALID: 400,
  LOGO_TOO_LARGE: 413,
  PRINT_CODE_UNKNOWN: 404,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_UNREADABLE: 400,
  IMPORT_INVALID: 422,
  SALES_IMPORT_INVALID: 422,
  LINE_PRODUCT_NOT_FOUND: 404,
  INSUFFICIENT_STOCK: 409,
  SAME_STORE_TRANSFER: 400,
  STORE_MISMATCH: 403,
  SALE_ID_REUSED: 409,
  SALE_NOT_FOUND: 404,
  RETURN_EXCEEDS_SOLD: 409,
  // The till: tenders, shifts and the daily close.
  TENDER_MISMATCH: 422,
  CASH_GIVEN_SHORT: 422,
  TENDER_INVALID: 422,
  SHIFT_ALREADY_OPEN: 409,
  NO_OPEN_SHIFT: 409,
  HANDOVER_NEEDS_MANAGER: 403,
  DAY_ALREADY_CLOSED: 409,
  ALERT_NOT_FOUND: 404,
  ALERT_RESOLVED: 409,
  ANALYTICS_JOB_RUNNING: 409,
  DEMO_SHOP_NOT_EMPTY: 409,
  BUSY: 503,
  INTERNAL: 500,
  // A coupon refused at redemption: COUPON_<reason>, see REFUSAL_REASONS in the redemption contract.
  COUPON_NOT_FOUND: 404,
  COUPON_BAD_CHECK: 409,
  COUPON_FORGED: 409,
  COUPON_NOT_YET_VALID: 409,
  COUPON_EXPIRED: 409,
  COUPON_ALREADY_REDEEMED: 409,
  COUPON_VOIDED: 409,
  COUPON_STORE_NOT_ELIGIBLE: 409,
  COUPON_MIN_SPEND_NOT_MET: 409,
  COUPON_ITEM_NOT_IN_ORDER: 409,
  COUPON_CUSTOMER_LIMIT_REACHED: 409,
  COUPON_BUDGET_EXHAUSTED: 409,
  COUPON_TEMPLATE_PAUSED: 409,
  COUPON_NOT_STACKABLE: 409,
  COUPON_COOLING_DOWN: 429,
  COUPON_OFFLINE_LIMIT_REACHED: 409,
  // The cloud server (src-cloud): pairing, sync, consumers.
  PAIRING_CODE_INVALID: 400,
  RATE_LIMITED: 429,
  UNKNOWN_EVENT_KIND: 400,
  UNSAFE_TEXT: 400,
  EVENT_ID_REUSED: 409,
  CASHBACK_WRONG_PRODUCT: 409,
  CASHBACK_WRONG_TERMINAL: 409,
  OTP_WRONG: 401,
  OTP_EXPIRED: 401,
  SMS_SEND_FAILED: 502,
  SMS_PHONE_DAILY_LIMIT: 429,
  SMS_MERCHANT_DAILY_LIMIT: 429,
  SMS_ADDRESS_LIMIT: 429,
  SMS_PAUSED: 503,
  DEVICE_STORE_FORBIDDEN: 403,
  SIGNING_KEY_NEEDS_ADMIN: 403,
  // Sync with the cloud.
  SYNC_NOT_PAIRED: 409,
  SYNC_ALREADY_PAIRED: 409,
  SYNC_CLOUD_UNREACHABLE: 502,
  SYNC_PAIRING_REFUSED: 409,
  SYNC_ISSUE_NOT_FOUND: 404,
  // The local API's gate against web pages (DNS rebinding, cross-site requests) and the LAN.
  HOST_NOT_ALLOWED: 421,
  ORIGIN_NOT_ALLOWED: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCAL_ONLY: 403,
  // A printer address outside the shop network (checked again on connecting).
  PRINTER_ADDRESS_NOT_ALLOWED: 403,
  // An import bigger than it looks once unpacked.
  IMPORT_TOO_LARGE: 413,
  // Secrets sealed by the desktop app's OS key store, opened where that store is absent.
  SECRETS_SEALED: 409,
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
