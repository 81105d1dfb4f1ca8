import type { InitOptions } from 'i18next';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  sharedMessages,
  type Language,
} from '../../../src-shared/i18n';
import { en } from './en';
import { zhCN, type UiMessages } from './zh-CN';

const uiMessages: Record<Language, UiMessages> = { 'zh-CN': zhCN, en };

/**
 * One translation tree per language: the renderer's texts plus the shared errors, rules, roles
 * and actions. Where both have a group (errors, validation), the renderer's keys are added to it.
 */
function messagesFor(language: Language) {
  const shared = sharedMessages[language];
  const ui = uiMessages[language];
  return {
    ...shared,
    ...ui,
    errors: { ...shared.errors, ...ui.errors },
    validation: { ...shared.validation, ...ui.validation },
  };
}

export type Messages = ReturnType<typeof messagesFor>;

export const resources = {
  'zh-CN': { translation: messagesFor('zh-CN') },
  en: { translation: messagesFor('en') },
} satisfies Record<Language, { translation: Messages }>;

/** How i18next reads these texts, in the app and in the renderer's unit tests alike. */
export const i18nOptions = {
  resources,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
