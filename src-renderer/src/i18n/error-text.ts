import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeIssues } from '../../../src-shared/i18n';
import { isApiError } from '../api/api-error';

/**
 * A field rule's message: our own rules carry an i18n key (`validation.pinSixDigits`); zod's
 * built-in messages arrive already in the caller's language and pass through.
 */
export function issueText(t: TFunction, message: string): string {
  return message.startsWith('validation.') ? t(message as 'validation.required') : message;
}

/** What to tell the user about a failure: translated by its code, with its details filled in. */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  if (error.code === 'VALIDATION_FAILED') {
    const issues = error.issues.map((issue) => ({
      ...issue,
      message: issueText(t, issue.message),
    }));
    return t('errors.VALIDATION_FAILED', { summary: summarizeIssues(issues) });
  }
  return t(`errors.${error.code}`, error.details);
}

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorText(t, error), [t]);
}
