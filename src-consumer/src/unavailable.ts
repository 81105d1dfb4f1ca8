import { messages } from '../../src-shared/consumer/messages';

/**
 * Why an offer cannot be claimed, in words: the shared error texts are loaded only when an offer
 * says it is unavailable, so the claim page's first load does not carry them.
 */
export async function unavailableText(code: string): Promise<string> {
  try {
    const { zhCN } = await import('../../src-shared/i18n/zh-CN');
    const text = (zhCN.errors as Record<string, string>)[code];
    return text
      ? text.replace(/\{\{\s*\w+\s*\}\}/g, '').trim()
      : `${messages.errors.unavailable}（${code}）`;
  } catch {
    return `${messages.errors.unavailable}（${code}）`;
  }
}
