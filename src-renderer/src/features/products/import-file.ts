import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../../src-shared/contract/products';

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

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

/** "第 3 行 售价（元）：金额最多两位小数" in the UI's language (the server's text is in the caller's). */
export const importIssueText = (t: TFunction, issue: ImportIssue): string =>
  t('importIssue', {
    row: issue.row,
    field: t(`importFields.${issue.field}`),
    problem: importProblemText(t, issue),
  });

export const importProblemText = (t: TFunction, issue: ImportIssue): string =>
  t(`importProblems.${issue.problem}`, { value: issue.value, otherRow: issue.otherRow });
