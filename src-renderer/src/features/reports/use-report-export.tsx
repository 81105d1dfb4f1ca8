import { App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { downloadUrl } from '../../files/download';
import { useErrorText } from '../../i18n/error-text';

export type ExportFormat = 'csv' | 'xlsx';

/** Which chart or report to write, with the same input as the chart's own method. */
export type ExportRequest = InputOf<'reports.export'>['request'];

/**
 * Writes a chart's data (or a store report) to a file in the app's exports folder through
 * `reports.export`; the browser then downloads it, while inside Electron the file is already on
 * this PC and its path is shown.
 */
export function useReportExport() {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const exportReport = async (request: ExportRequest, format: ExportFormat) => {
    setExporting(format);
    try {
      const file = await api.call('reports.export', { request, format });
      const url = api.exportDownloadUrl(file.fileName);
      if (url) {
        downloadUrl(url, file.fileName);
        message.success(
          t('reports.export.downloaded', { fileName: file.fileName, rows: file.rows }),
        );
      } else
        modal.success({
          title: t('reports.export.saved', { rows: file.rows }),
          content: (
            <Typography.Paragraph copyable code>
              {file.path}
            </Typography.Paragraph>
          ),
          okText: t('common.close'),
        });
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setExporting(null);
    }
  };

  return { exportReport, exporting };
}
