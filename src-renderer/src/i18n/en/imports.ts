import type { UiMessages } from '../zh-CN';

export const imports: UiMessages['imports'] = {
  steps: {
    upload: 'Upload',
    mapping: 'Columns',
    check: 'Check',
    done: 'Done',
  },
  drop: 'Click or drop a file here',
  dropHint:
    'CSV exported by a POS system (UTF-8 or GBK, detected) or Excel (.xlsx); the first row must be the header',
  reading: 'Reading the file…',
  file: 'File',
  format: 'Format',
  rows: 'Data rows',
  encodings: {
    'utf-8': 'UTF-8',
    gbk: 'GBK (converted)',
  },
  notInFile: 'Not in the file',
  mapRequired: 'Choose a column for every field marked *',
  checkRows: 'Check rows',
  errors: 'Errors',
  allGood: 'Every row passed the checks: ready to import',
  nothingToImport: 'No problems, but nothing left to import',
  commitGood: 'Import the {{count}} rows without problems',
  skippingErrors: '{{count}} problems: those rows are left out and the other {{good}} imported',
  rowIssue: '{{field}}: {{problem}}',
  rowIssuesJoin: '; ',
  rowsPreview: 'Rows',
  row: 'Row',
  field: 'Field',
  problem: 'Problem',
  bad: 'Error',
  finish: 'Done',
  progress: {
    reading: 'Reading the file…',
    checking: 'Checking every row…',
    writing: 'Writing ({{done}} / {{total}})…',
    done: 'Done',
    failed: 'Not finished',
  },
};
