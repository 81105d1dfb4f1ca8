import { z } from 'zod';
import type { FieldIssue } from '../src-shared/errors';
import { translateIssueMessage, type Language } from '../src-shared/i18n';

const errorMaps = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
} satisfies Record<Language, unknown>;

/** Zod's own messages (wrong type, too long…) in the caller's language. */
export const zodLocale = (lang: Language) => errorMaps[lang];

/** Parses with zod's own messages in the caller's language; our rules' keys are translated. */
export function parseIn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: Language,
  pathPrefix: (string | number)[] = [],
): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(value, { error: zodLocale(lang) });
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: [...pathPrefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: translateIssueMessage(lang, issue.message),
    })),
  };
}
