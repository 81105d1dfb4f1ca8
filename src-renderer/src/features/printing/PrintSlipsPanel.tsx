import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Pagination, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import type { PaperWidth, Slip } from '../../../../src-shared/slips/model';
import type { SlipOptions } from './slip-context';
import { useErrorText } from '../../i18n/error-text';
import { useJobErrorText } from './job-error';
import { JobProgress } from './JobProgress';
import { A4Slips } from './no-printer/A4Slips';
import { NoPrinterNotice } from './no-printer/NoPrinterNotice';
import { usePrintCashback, usePrintCoupons, usePrintJobs, useRetryJob } from './printing-queries';
import { PrinterSelect, usePrinterChoice } from './PrinterSelect';
import { SlipPreview } from './slip-preview/SlipPreview';
import { useSlipLogo } from './use-slip-logo';
import styles from './PrintSlipsPanel.module.css';

/** A dialog holding the panel: 80 mm paper (640 dots at true size) beside the controls. */
export const PRINT_PANEL_WIDTH = 1000;
/** Slips per A4 print without a slip printer (a sheet of previews, drawn at once). */
const A4_MAX = 100;

interface PrintSlipsPanelProps {
  kind: 'coupons' | 'cashback';
  codes: string[];
  /** The slip of the code at `index`, drawn for `width` mm paper. */
  slipOf: (options: SlipOptions) => Slip;
  /** A job already started for these codes (printing was asked with the issue), and its printer. */
  jobId?: string;
  printerId?: string;
}

/**
 * Print the slips of codes just issued: the preview of each slip as it will come out of the
 * chosen printer, one button for all of them, and the job's progress live. Once printed, 补打
 * prints them again marked as reprints.
 */
export function PrintSlipsPanel({
  kind,
  codes,
  slipOf,
  jobId: startedJob,
  printerId,
}: PrintSlipsPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const jobErrorText = useJobErrorText();
  const { active, preferred } = usePrinterChoice();
  const { jobs } = usePrintJobs();
  const printCoupons = usePrintCoupons();
  const printCashback = usePrintCashback();
  const retry = useRetryJob();
  const [picked, setPicked] = useState(printerId);
  const printer = active.find((one) => one.id === picked) ?? preferred;
  const [previewWidth, setPreviewWidth] = useState<PaperWidth | undefined>();
  const width = previewWidth ?? printer?.widthMm ?? 58;
  const logo = useSlipLogo(width);
  const [index, setIndex] = useState(0);
  const [a4, setA4] = useState(false);
  const [jobId, setJobId] = useState(startedJob);
  const job = jobs.find((one) => one.id === jobId);
  const printed = job?.status === 'done';
  const failed = job?.status === 'failed';
  const busy = !!job && ['queued', 'printing', 'paused'].includes(job.status);

  const print = async (printer: Printer, reprint: boolean) => {
    try {
      // A failed job goes on from its first unprinted slip: nothing prints twice.
      if (failed) return void (await retry.mutateAsync({ jobId: job.id }));
      const started =
        kind === 'cashback'
          ? await printCashback.mutateAsync({ printerId: printer.id, code: codes[0]!, reprint })
          : await printCoupons.mutateAsync({ printerId: printer.id, codes, reprint });
      setJobId(started.id);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // No slip printer: the preview still shows, beside the ways on (set one up, or A4).
  if (!printer)
    return (
      <div className={styles.panel}>
        <div className={styles.preview}>
          <SlipPreview slip={slipOf({ width, index, reprint: false, logo })} />
        </div>
        <Space orientation="vertical" size="middle" className={styles.side}>
          <NoPrinterNotice onPrintA4={() => setA4(true)} />
          {codes.length > A4_MAX && (
            <Typography.Text type="warning">
              {t('noPrinter.tooMany', { max: A4_MAX })}
            </Typography.Text>
          )}
          {codes.length > 1 && (
            <Pagination
              simple
              size="small"
              current={index + 1}
              pageSize={1}
              total={codes.length}
              onChange={(page) => setIndex(page - 1)}
            />
          )}
        </Space>
        {a4 && (
          <A4Slips
            slips={codes
              .slice(0, A4_MAX)
              .map((_, i) => slipOf({ width, index: i, reprint: false, logo }))}
            onPrinted={() => setA4(false)}
          />
        )}
      </div>
    );
  return (
    <div className={styles.panel}>
      <div className={styles.preview}>
        <SlipPreview slip={slipOf({ width, index, reprint: !!job?.reprint, logo })} />
      </div>
      <Space orientation="vertical" size="middle" className={styles.side}>
        <div>
          <Typography.Text strong>{t('printSlips.printer')}</Typography.Text>
          <PrinterSelect
            style={{ width: '100%' }}
            value={printer.id}
            onChange={(id: string) => {
              setPicked(id);
              setPreviewWidth(undefined);
            }}
          />
        </div>
        <div>
          <Typography.Text strong>{t('printSlips.previewWidth')}</Typography.Text>
          <br />
          <Segmented<PaperWidth>
            value={width}
            onChange={setPreviewWidth}
            options={[
              { value: 58, label: t('printSlips.mm', { mm: 58 }) },
              { value: 80, label: t('printSlips.mm', { mm: 80 }) },
            ]}
            aria-label={t('printSlips.previewWidth')}
          />
          {printer && width !== printer.widthMm && (
            <Typography.Paragraph type="warning" className={styles.note}>
              {t('printSlips.widthDiffers', { mm: printer.widthMm })}
            </Typography.Paragraph>
          )}
        </div>
        {codes.length > 1 && (
          <div>
            <Typography.Text type="secondary">
              {t('printSlips.slipOf', { index: index + 1, count: codes.length })}
            </Typography.Text>
            <Pagination
              simple
              size="small"
              current={index + 1}
              pageSize={1}
              total={codes.length}
              onChange={(page) => setIndex(page - 1)}
            />
          </div>
        )}
        {job ? (
          <div data-testid="print-slips-job">
            <Typography.Text>
              {t(`printing.jobs.status.${job.status}`)}
              {job.reprint && ` · ${t('printing.jobs.reprintTag')}`}
            </Typography.Text>
            <JobProgress job={job} />
            {job.status === 'failed' && <Alert type="error" showIcon title={jobErrorText(job)} />}
          </div>
        ) : null}
        <Button
          type="primary"
          size="large"
          block
          icon={<PrinterOutlined />}
          disabled={busy}
          loading={printCoupons.isPending || printCashback.isPending || retry.isPending}
          onClick={() => void print(printer, printed)}
        >
          {failed
            ? t('printSlips.retry', { from: job.done + 1 })
            : printed
              ? t('printSlips.reprint', { count: codes.length })
              : t('printSlips.print', { count: codes.length })}
        </Button>
      </Space>
    </div>
  );
}
