// What never reaches a log line: a shop owner sends the desktop's log to support, and a hosted
// cloud's log goes to a collector. Every line of the file and console loggers passes here.

/** Field names whose values are secrets or personal data, wherever they sit in a line. */
const SECRET_KEYS =
  /^(pin|managerPin|oldPin|newPin|token|deviceToken|nextToken|accessToken|access_token|authorization|password|secret|signingKeys?|otp|code|codes|key|apiKey|adminToken|params|payload|body|events)$/i;

/** An error code (`SYNC_CLOUD_UNREACHABLE`) under `code` is what the line is about: kept. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{2,}$/;

/** `?access_token=…`, `&pin=…` in a URL or a message. */
const SECRET_QUERY =
  /([?&](?:access_token|token|key|api_key|pin|otp|password|secret)=)[^&\s"'#]*/gi;

/** A Bearer credential written into a message. */
const BEARER = /(Bearer\s+)[\w.~+/=-]+/gi;

/** Mainland mobile numbers, bare or E.164: the middle four digits go (as in the UI's lists). */
const PHONE = /(?<!\d)(\+?86)?(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** drizzle / pg errors end with the statement's parameters: a whole sync batch, phones and all. */
const QUERY_PARAMS = /\n?\s*params:[\s\S]*?(?=\n\s+at |$)/;

const MAX_TEXT = 2000;

export function redactText(text: string): string {
  const cut = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…[${text.length} chars]` : text;
  return cut
    .replace(QUERY_PARAMS, ' [params not logged]')
    .replace(SECRET_QUERY, '$1[redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(
      PHONE,
      (_m, cc: string | undefined, head: string, _mid: string, tail: string) =>
        `${cc ?? ''}${head}****${tail}`,
    );
}

/** An Error as a plain object: its name, message and stack, redacted, and its cause. */
function errorFields(error: Error, depth: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: error.name,
    message: redactText(error.message),
    stack: error.stack ? redactText(error.stack) : undefined,
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') fields.code = code;
  if (error.cause !== undefined && depth < 3) fields.cause = redactValue(error.cause, depth + 1);
  return fields;
}

/** A copy of a log field with secrets replaced: by key name, in text, in errors; nested. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return errorFields(value, depth);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.slice(0, 50).map((item) => redactValue(item, depth + 1));
    return value.length > 50 ? [...items, `…[${value.length} items]`] : items;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEYS.test(key) &&
      item !== null &&
      item !== undefined &&
      typeof item !== 'boolean' &&
      !(typeof item === 'string' && ERROR_CODE.test(item))
        ? summarize(item)
        : redactValue(item, depth + 1),
    ]),
  );
}

/** What may be said of a secret field: that it was there, and for a list how long. */
const summarize = (value: unknown): string =>
  Array.isArray(value) ? `[redacted: ${value.length} items]` : '[redacted]';
