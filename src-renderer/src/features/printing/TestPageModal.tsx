import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer, PrintJob } from '../../../../src-shared/contract/printing';
import { testPage } from '../../../../src-shared/slips/templates';
import { localDateTime } from '../../../../src-shared/time';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { useJobErrorText } from './job-error';
import { useTestPrint } from './printing-queries';
import { SlipPreview } from './slip-preview/SlipPreview';
import styles from './PrintersPage.module.css';

/** The test page of one printer as it will come out, and the button that prints it. */
export function TestPageModal({ printer, onClose }: { printer: Printer; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const jobErrorText = useJobErrorText();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const testPrint = useTestPrint();
  const [result, setResult] = useState<{ job: PrintJob } | { error: unknown } | null>(null);
  // The page prints the time it goes out; the preview shows when it was opened.
  const [openedAt] = useState(() => Date.now());
  const slip = useMemo(
    () =>
      testPage(printer.widthMm, {
        printerName: printer.name,
        atText: localDateTime(openedAt, timeZone),
      }),
    [printer, timeZone, openedAt],
  );

  const print = async () => {
    setResult(null);
    try {
      setResult({ job: await testPrint.mutateAsync({ printerId: printer.id }) });
    } catch (error) {
      setResult({ error });
    }
  };

  return (
    <Modal
      open
      title={t('printing.testTitle', { name: printer.name, mm: printer.widthMm })}
      onCancel={onClose}
      width={printer.widthMm === 80 ? 760 : 620}
      footer={
        <Space>
          <Button size="large" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<PrinterOutlined />}
            loading={testPrint.isPending}
            onClick={() => void print()}
          >
            {t('printing.printTestPage')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {result && 'job' in result && result.job.status === 'done' && (
          <Alert type="success" showIcon title={t('printing.testPrinted')} />
        )}
        {result && 'job' in result && result.job.status !== 'done' && (
          <Alert
            type="error"
            showIcon
            title={t('printing.testFailed')}
            description={jobErrorText(result.job, printer)}
          />
        )}
        {result && 'error' in result && (
          <Alert
            type="error"
            showIcon
            title={t('printing.testFailed')}
            description={errorText(result.error)}
          />
        )}
        <div className={styles.previewBox}>
          <SlipPreview slip={slip} />
        </div>
      </Space>
    </Modal>
  );
}
