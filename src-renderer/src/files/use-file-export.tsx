import { App, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useErrorText } from '../i18n/error-text';
import { downloadUrl } from './download';

export type ExportFormat = 'csv' | 'xlsx';

/** A file the core has written to the app's exports folder. */
interface ExportedFile {
  fileName: string;
  path: string;
  rows: number;
}

/** Translation keys of the two endings, each given `rows` (and `fileName` when downloaded). */
interface ExportTexts {
  downloaded: ParseKeys;
  saved: ParseKeys;
}

/**
 * Runs an export call and hands its file to the user: the browser downloads it, while inside
 * Electron the file is already on this PC and its path is shown. Failures become a message.
 */
export function useFileExport() {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();

  return async (write: () => Promise<ExportedFile>, texts: ExportTexts) => {
    try {
      const file = await write();
      const url = api.exportDownloadUrl(file.fileName);
      if (url) {
        downloadUrl(url, file.fileName);
        message.success(t(texts.downloaded, { fileName: file.fileName, rows: file.rows }));
      } else
        modal.success({
          title: t(texts.saved, { rows: file.rows }),
          content: (
            <Typography.Paragraph copyable code>
              {file.path}
            </Typography.Paragraph>
          ),
          okText: t('common.close'),
        });
    } catch (error) {
      message.error(errorText(error));
    }
  };
}
