/**
 * exceljs, loaded at the first spreadsheet read or written rather than at start-up: it is some
 * 400 modules (with jszip, archiver, fast-csv), a good part of the app's start-up time.
 */
export const loadExcel = async () => (await import('exceljs')).default;
