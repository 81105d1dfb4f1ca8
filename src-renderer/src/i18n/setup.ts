import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../../src-shared/i18n';
import { setDayjsLanguage } from './dayjs';
import { asLanguage, rememberLanguage, storedLanguage, type Language } from './language';
import { resources } from './resources';

function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  setDayjsLanguage(language);
}

/** Starts i18next with the remembered language (Simplified Chinese on a new PC). */
export async function setupI18n(): Promise<typeof i18n> {
  const language = storedLanguage();
  applyLanguage(language);
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', (value: string) => applyLanguage(asLanguage(value)));
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}
