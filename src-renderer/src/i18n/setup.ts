import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDayjsLanguage } from './dayjs';
import { asLanguage, rememberLanguage, storedLanguage, type Language } from './language';
import { i18nOptions } from './resources';

function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  setDayjsLanguage(language);
}

/** Starts i18next with the remembered language (Simplified Chinese on a new PC). */
export async function setupI18n(): Promise<typeof i18n> {
  const language = storedLanguage();
  applyLanguage(language);
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: language });
  i18n.on('languageChanged', (value: string) => applyLanguage(asLanguage(value)));
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}
