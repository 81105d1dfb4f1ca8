import type { TFunction } from 'i18next';

/**
 * The last sync failure in a shop's words. The core keeps it as "CODE: message": a network
 * failure (NETWORK: getaddrinfo ENOTFOUND ...) or a bare HTTP status says what to check; a
 * cloud error already comes in the UI language; anything else is ours and logged. The raw
 * text stays for 详情.
 */
export function syncErrorText(t: TFunction, lastError: string): string {
  const match = /^([A-Z][A-Z0-9_]*): ([\s\S]*)$/.exec(lastError);
  if (!match) return t('sync.errors.internal');
  const [, code, message] = match;
  if (code === 'NETWORK') return t('sync.errors.network');
  if (code!.startsWith('HTTP_')) return t('sync.errors.http', { status: code!.slice(5) });
  return message || t('sync.errors.internal');
}
