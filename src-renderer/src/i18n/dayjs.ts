import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Language } from '../../../src-shared/i18n';

// Times are UTC epoch ms; they are shown in a store's time zone, never the PC's.
dayjs.extend(utc);
dayjs.extend(timezone);

const DAYJS_LOCALES: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

export function setDayjsLanguage(language: Language): void {
  dayjs.locale(DAYJS_LOCALES[language]);
}
