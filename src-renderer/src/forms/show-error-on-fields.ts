import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ClientErrorCode } from '../api/api-error';
import { isApiError } from '../api/api-error';
import { errorText, issueText } from '../i18n/error-text';

type FieldPath = (string | number)[];

/**
 * Puts a refusal next to the field it is about: VALIDATION_FAILED issues by their path, and
 * codes such as DUPLICATE_NAME by the caller's map. Answers false when no field fits, so the
 * caller shows it as a message instead.
 */
export function showErrorOnFields(
  form: FormInstance,
  t: TFunction,
  error: unknown,
  fieldsByCode: Partial<Record<ClientErrorCode, FieldPath>> = {},
): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'VALIDATION_FAILED') {
    const onFields = error.issues.filter((issue) => issue.path.length > 0);
    form.setFields(
      onFields.map((issue) => ({ name: issue.path, errors: [issueText(t, issue.message)] })),
    );
    return onFields.length > 0;
  }
  const field = fieldsByCode[error.code];
  if (!field) return false;
  form.setFields([{ name: field, errors: [errorText(t, error)] }]);
  return true;
}
