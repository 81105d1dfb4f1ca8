import type { ImportProblem } from '../../../src-shared/contract/imports';
import { interpolate, sharedMessages, type Language } from '../../../src-shared/i18n';
import { parseYuan } from '../../../src-shared/money';
import type { ImportTable } from './file';

/** One problem of one field of one row, with its text in the caller's language. */
export interface ImportIssueOf<F extends string> {
  row: number;
  field: F;
  problem: ImportProblem;
  value: string;
  otherRow: number | null;
  message: string;
}

/**
 * The row-by-row validation report of an import: collects each problem on its row (when given)
 * and in the file's list, worded "第 3 行 售价（元）：…" with the field names of that import.
 */
export class ImportReport<F extends string> {
  readonly issues: ImportIssueOf<F>[] = [];

  constructor(
    private readonly lang: Language,
    private readonly fieldNames: (messages: (typeof sharedMessages)[Language]) => Record<F, string>,
  ) {}

  add(
    target: { issues: ImportIssueOf<F>[] } | null,
    row: number,
    field: F,
    problem: ImportProblem,
    value = '',
    otherRow: number | null = null,
  ): void {
    const messages = sharedMessages[this.lang];
    const found: ImportIssueOf<F> = {
      row,
      field,
      problem,
      value,
      otherRow,
      message: interpolate(messages.importIssue, {
        row,
        field: this.fieldNames(messages)[field],
        problem: interpolate(messages.importProblems[problem], { value, otherRow }),
      }),
    };
    this.issues.push(found);
    target?.issues.push(found);
  }

  /** A required field with no column has one problem (the mapping), not one per row. */
  requireMapped(mapping: Record<F, string | null>, required: readonly F[]): void {
    for (const field of required)
      if (mapping[field] === null) this.add(null, 1, field, 'COLUMN_NOT_MAPPED');
  }

  /** The problems in file order. */
  sorted(): ImportIssueOf<F>[] {
    return this.issues.sort((a, b) => a.row - b.row);
  }
}

/** Only headers the file has; a mapping naming another column counts as not mapped. */
export function usableMapping<M extends Record<string, string | null>>(
  mapping: M,
  headers: string[],
): M {
  return Object.fromEntries(
    Object.entries(mapping).map(([field, header]) => [
      field,
      header !== null && headers.includes(header) ? header : null,
    ]),
  ) as M;
}

/** Reads a mapped field of a row as trimmed text ('' when the field has no column). */
export function columnReader<F extends string>(
  table: ImportTable,
  mapping: Record<F, string | null>,
): (cells: string[], field: F) => string {
  const column = new Map<F, number>(
    (Object.entries(mapping) as [F, string | null][]).map(([field, header]) => [
      field,
      header === null ? -1 : table.headers.indexOf(header),
    ]),
  );
  return (cells, field) => {
    const index = column.get(field) ?? -1;
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
}

/**
 * A yuan cell to fen: "12", "12.5", "¥12.50", "12.50元", "1,234.50"; three decimals is a
 * problem of its own (never rounded away).
 */
export function yuanCell(text: string): { fen: number } | { problem: ImportProblem } {
  const bare = text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  const fen = parseYuan(/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare) ? bare.replace(/,/g, '') : bare);
  if (fen !== null) return { fen };
  return { problem: /^\s*\d+\.\d{3,}\s*$/.test(bare) ? 'TOO_MANY_DECIMALS' : 'BAD_YUAN' };
}
