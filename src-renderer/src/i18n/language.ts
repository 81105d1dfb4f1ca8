import { LANGUAGES, pickLanguage, type Language } from '../../../src-shared/i18n';

/** localStorage: the choice outlives the session and applies to every staff member on this PC. */
export const LANGUAGE_STORAGE_KEY = 'storedesk.language';

/** Each language is offered in its own name, whatever the current UI language is. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export { LANGUAGES, type Language };

export function storedLanguage(): Language {
  return pickLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
}

export const asLanguage = (value: string): Language => pickLanguage(value);
