import fs from 'node:fs';
import path from 'node:path';
import type { Table } from './export-tables';
import { loadExcel } from '../platform/excel';
import { privateFile, privateFolder } from '../platform/private-files';

// Writes a chart's table into the exports folder, where GET /api/exports/:file serves it.

const csvCell = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function writeTable(
  exportsDir: string,
  baseName: string,
  format: 'csv' | 'xlsx',
  table: Table,
): Promise<{ fileName: string; path: string; rows: number }> {
  privateFolder(exportsDir);
  const fileName = `${baseName}.${format}`;
  const file = privateFile(path.join(exportsDir, fileName));
  if (format === 'csv') {
    // A BOM so Excel opens the Chinese header as UTF-8.
    const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
    fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
  } else {
    const workbook = new (await loadExcel()).Workbook();
    const sheet = workbook.addWorksheet(table.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => (column.width = 16));
    await workbook.xlsx.writeFile(file);
  }
  return { fileName, path: file, rows: table.rows.length };
}
