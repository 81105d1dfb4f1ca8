// The renderer's texts as the app reads them (the same i18next options), for its unit tests.
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../src-shared/i18n';
import { i18nOptions } from '../../../src-renderer/src/i18n/resources';

export async function translator(language: Language): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ ...i18nOptions, lng: language });
  return i18n.t;
}
