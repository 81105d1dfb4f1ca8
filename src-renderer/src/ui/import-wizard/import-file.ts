import type { TFunction } from 'i18next';
import type { ImportProblem } from '../../../../src-shared/contract/imports';

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

/** One problem of an import report (products or sales: the field names differ). */
export interface ImportIssueLike {
  row: number;
  field: string;
  problem: ImportProblem;
  value: string;
  otherRow: number | null;
}

/** Where each import's field names are translated. */
export type FieldsKey = 'importFields' | 'salesImportFields' | 'memberImportFields';

/** Reads a chosen file's bytes as base64, as the import methods take them (any encoding). */
export function readImportFile(file: File): Promise<ImportFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const importFieldText = (t: TFunction, fieldsKey: FieldsKey, field: string): string =>
  t(`${fieldsKey}.${field}` as 'importFields.sku');

export const importProblemText = (t: TFunction, issue: ImportIssueLike): string =>
  t(`importProblems.${issue.problem}`, { value: issue.value, otherRow: issue.otherRow });

/** "单价（元）：金额最多两位小数；SKU：…" for a row's problem list. */
export const rowIssuesText = (t: TFunction, fieldsKey: FieldsKey, issues: ImportIssueLike[]) =>
  issues
    .map((issue) =>
      t('imports.rowIssue', {
        field: importFieldText(t, fieldsKey, issue.field),
        problem: importProblemText(t, issue),
      }),
    )
    .join(t('imports.rowIssuesJoin'));
