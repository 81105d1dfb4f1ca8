/**
 * Text nobody types and storage refuses: C0 control characters other than tab, line feed and
 * carriage return, DEL, and lone UTF-16 surrogates. PostgreSQL refuses `\u0000` and lone
 * surrogates in text and JSON, so one such character in a note could otherwise stop a shop's
 * whole sync. Every input of the local API and every event the cloud takes is checked here.
 */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'g');

/** The path of the first string (or object key) with unsafe text in a JSON-like value, else null. */
export function unsafeTextPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSAFE_TEXT.test(key)) return [...path, key];
      const found = unsafeTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The value with every unsafe character replaced by U+FFFD (to store what was refused). */
export function withSafeText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSAFE_TEXT_ALL, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(withSafeText) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [withSafeText(key), withSafeText(item)]),
    ) as T;
  return value;
}

/** The text without its unsafe characters (cells of an imported file: stray bytes, not data). */
export const stripUnsafeText = (text: string): string => text.replace(UNSAFE_TEXT_ALL, '');
