import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ClientErrorCode } from '../api/api-error';
import { isApiError } from '../api/api-error';
import { errorText, issueText } from '../i18n/error-text';

type FieldPath = (string | number)[];

/**
 * Puts a refusal next to the field it is about: VALIDATION_FAILED issues by their path, and
 * codes such as DUPLICATE_NAME by the caller's map. Answers false when no field fits, so the
 * caller shows it as a message instead. A form whose fields are not named like the contract's
 * (yuan text for fen) passes `fieldOf` to say where each path went.
 */
export function showErrorOnFields(
  form: FormInstance,
  t: TFunction,
  error: unknown,
  fieldsByCode: Partial<Record<ClientErrorCode, FieldPath>> = {},
  fieldOf: (path: FieldPath) => FieldPath | null = (path) => path,
): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'VALIDATION_FAILED') {
    const onFields = error.issues.flatMap((issue) => {
      const name = issue.path.length > 0 ? fieldOf(issue.path) : null;
      return name ? [{ name, errors: [issueText(t, issue.message)] }] : [];
    });
    // Only when every problem found its field; otherwise the caller says them all at once.
    if (onFields.length < error.issues.length) return false;
    form.setFields(onFields);
    return onFields.length > 0;
  }
  const field = fieldsByCode[error.code];
  if (!field) return false;
  form.setFields([{ name: field, errors: [errorText(t, error)] }]);
  return true;
}
