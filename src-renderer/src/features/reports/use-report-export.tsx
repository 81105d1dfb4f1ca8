import { useState } from 'react';
import type { InputOf } from '../../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { useFileExport, type ExportFormat } from '../../files/use-file-export';

/** Which chart or report to write, with the same input as the chart's own method. */
export type ExportRequest = InputOf<'reports.export'>['request'];

/** Writes a chart's data (or a store report) to a file through `reports.export`. */
export function useReportExport() {
  const api = useApi();
  const fileExport = useFileExport();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const exportReport = async (request: ExportRequest, format: ExportFormat) => {
    setExporting(format);
    await fileExport(() => api.call('reports.export', { request, format }), {
      downloaded: 'reports.export.downloaded',
      saved: 'reports.export.saved',
    });
    setExporting(null);
  };

  return { exportReport, exporting };
}
