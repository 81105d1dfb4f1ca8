import { en } from './en';
import { zhCN, type SharedMessages } from './zh-CN';
import type { TemplateChangeRefusal } from '../contract/coupons';
import type { ErrorCode, FieldIssue } from '../errors';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const sharedMessages: Record<Language, SharedMessages> = { 'zh-CN': zhCN, en };

/** Picks a supported language from an Accept-Language header or a stored preference. */
export function pickLanguage(preference: string | undefined | null): Language {
  if (!preference) return DEFAULT_LANGUAGE;
  for (const part of preference.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}

/** Replaces `{{name}}` placeholders, the same syntax i18next uses in the UI. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) =>
    params[key] === undefined ? '' : String(params[key]),
  );
}

/** A field rule's message: our own keys (`validation.pinSixDigits`) are looked up, zod's pass through. */
export function translateIssueMessage(lang: Language, message: string): string {
  if (!message.startsWith('validation.')) return message;
  const key = message.slice('validation.'.length) as keyof SharedMessages['validation'];
  return sharedMessages[lang].validation[key] ?? message;
}

export function summarizeIssues(issues: FieldIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
}

export function translateError(
  lang: Language,
  code: ErrorCode,
  details: Record<string, unknown> = {},
): string {
  const template = sharedMessages[lang].errors[code] ?? sharedMessages[lang].errors.INTERNAL;
  const params: Record<string, unknown> = { ...details };
  const issues = details.issues as FieldIssue[] | undefined;
  if (issues) params.summary = summarizeIssues(issues);
  if (code === 'TEMPLATE_CHANGE_REFUSED')
    params.why =
      sharedMessages[lang].templateChangeRefusals[details.reason as TemplateChangeRefusal];
  return interpolate(template, params);
}
