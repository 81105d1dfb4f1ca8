import { z } from 'zod';
import type { Language } from '../../../src-shared/i18n';

const errorMaps = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
} satisfies Record<Language, unknown>;

/** Zod's own messages (wrong type, too long…) in the caller's language. */
export const zodLocale = (lang: Language) => errorMaps[lang];
