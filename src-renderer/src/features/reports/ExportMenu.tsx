import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../files/use-file-export';
import { useReportExport, type ExportRequest } from './use-report-export';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** 导出 ▾ → CSV / Excel: the data behind a chart or report, with the filters it was drawn with. */
export function ExportMenu({ request, disabled }: { request: ExportRequest; disabled?: boolean }) {
  const { t } = useTranslation();
  const { exportReport, exporting } = useReportExport();
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: FORMATS.map((format) => ({ key: format, label: t(`reports.export.${format}`) })),
        onClick: ({ key }) => void exportReport(request, key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exporting !== null}>
        {t('reports.export.button')}
      </Button>
    </Dropdown>
  );
}
