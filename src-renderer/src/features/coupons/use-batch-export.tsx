import { App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponBatch } from '../../../../src-shared/contract/coupons';
import { useApi } from '../../api/api-context';
import { downloadUrl } from '../../files/download';
import { useErrorText } from '../../i18n/error-text';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Writes a batch's codes to a file in the app's exports folder; the browser then downloads it,
 * while inside Electron the file is already on this PC and its path is shown.
 */
export function useBatchExport() {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState<{ batchId: string; format: ExportFormat } | null>(
    null,
  );

  const exportBatch = async (batch: CouponBatch, format: ExportFormat) => {
    setExporting({ batchId: batch.id, format });
    try {
      const file = await api.call('coupons.exportBatch', { batchId: batch.id, format });
      const url = api.exportDownloadUrl(file.fileName);
      if (url) {
        downloadUrl(url, file.fileName);
        message.success(
          t('coupons.batches.downloaded', { fileName: file.fileName, rows: file.rows }),
        );
      } else
        modal.success({
          title: t('coupons.batches.savedTitle', { rows: file.rows }),
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

  return { exportBatch, exporting };
}
