import { useState } from 'react';
import type { CouponBatch } from '../../../../src-shared/contract/coupons';
import { useApi } from '../../api/api-context';
import { useFileExport, type ExportFormat } from '../../files/use-file-export';

/** Writes a batch's codes to a CSV or XLSX file and hands it to the user. */
export function useBatchExport() {
  const api = useApi();
  const fileExport = useFileExport();
  const [exporting, setExporting] = useState<{ batchId: string; format: ExportFormat } | null>(
    null,
  );

  const exportBatch = async (batch: CouponBatch, format: ExportFormat) => {
    setExporting({ batchId: batch.id, format });
    await fileExport(() => api.call('coupons.exportBatch', { batchId: batch.id, format }), {
      downloaded: 'coupons.batches.downloaded',
      saved: 'coupons.batches.savedTitle',
    });
    setExporting(null);
  };

  return { exportBatch, exporting };
}
