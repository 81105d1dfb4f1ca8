import type ExcelJS from 'exceljs';
import { loadExcel } from '../platform/excel';
import { stripUnsafeText, unsafeTextPath } from '../../../src-shared/text-safety';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../../src-node/app-error';
import { checkXlsxSize, IMPORT_LIMITS, importTooLarge } from './limits';

/** An import file read into text cells: the header row and the data rows with their row numbers. */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  headers: string[];
  /** `row` is the row number a spreadsheet shows (the header is usually 1). */
  rows: { row: number; cells: string[] }[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads a CSV or XLSX export of a POS system. CSV: UTF-8 (with or without BOM) when the bytes are
 * valid UTF-8, else GBK (what Excel on a Chinese Windows saves); comma, semicolon or tab.
 */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<ImportTable> {
  const unreadable = () => new AppError('IMPORT_UNREADABLE', { fileName });
  let format: ImportTable['format'];
  let encoding: ImportTable['encoding'] = null;
  let grid: { row: number; cells: string[] }[];
  let mayBeUnsafe = true;
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    format = 'xlsx';
    // Refuses a zip bomb before exceljs inflates it into memory.
    if (!checkXlsxSize(fileName, bytes)) throw unreadable();
    grid = await readXlsx(bytes).catch(() => {
      throw unreadable();
    });
  } else {
    format = 'csv';
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    grid = readCsv(decoded.text);
    // Cells are pieces of the text: when it has no unsafe character, no cell has one.
    mayBeUnsafe = unsafeTextPath(decoded.text) !== null;
    if (grid.length > IMPORT_LIMITS.rows + 1) throw importTooLarge(fileName);
  }
  // A POS export's stray control bytes are not data (and no row may carry them to the cloud).
  const cleaned = mayBeUnsafe
    ? grid.map((r) => ({ row: r.row, cells: r.cells.map(stripUnsafeText) }))
    : grid;
  const filled = cleaned.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = filled;
  if (!header) throw unreadable();
  return { format, encoding, headers: header.cells.map((h) => h.trim()), rows };
}

export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'gbk'), encoding: 'gbk' };
  }
}

function readCsv(text: string): { row: number; cells: string[] }[] {
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';'],
    // Parsing stops past the row limit (the header, the rows, one more to know it is over).
    preview: IMPORT_LIMITS.rows + 2,
  });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? '') }));
}

async function readXlsx(bytes: Buffer): Promise<{ row: number; cells: string[] }[]> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return grid;
}

/** A cell as the text a person sees: numbers without float noise, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel keeps wall-clock times (no zone): a date, or a date and time, as written.
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
