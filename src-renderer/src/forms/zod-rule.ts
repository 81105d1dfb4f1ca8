import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { issueText } from '../i18n/error-text';

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

interface ZodRuleOptions {
  /** Turns the control's value into what the schema expects (a cascader's path → its last code). */
  toInput?: (value: unknown) => unknown;
}

const emptyAsString = (value: unknown) => value ?? '';
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * An antd Form rule that checks a field with the same zod schema the contract uses, so the
 * form refuses exactly what the API would refuse, in the user's language. The field counts as
 * required (asterisk) when the schema refuses an empty value, and then says "required" when
 * left empty rather than quoting the format.
 */
export function zodRule(
  schema: z.ZodType,
  t: TFunction,
  language: string,
  options: ZodRuleOptions = {},
): FormRule {
  const toInput = options.toInput ?? emptyAsString;
  const locale = language === 'en' ? ZOD_LOCALES.en : ZOD_LOCALES['zh-CN'];
  const required = !schema.safeParse(toInput(undefined)).success;
  return {
    required,
    validator: async (_rule, value: unknown) => {
      if (required && isEmpty(value)) throw new Error(t('validation.required'));
      const result = schema.safeParse(toInput(value), { error: locale.localeError });
      if (!result.success) throw new Error(issueText(t, result.error.issues[0]?.message ?? ''));
    },
  };
}
