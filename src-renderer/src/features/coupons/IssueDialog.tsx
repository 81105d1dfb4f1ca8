import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CouponBatch,
  CouponTemplate,
  IssuedCode,
} from '../../../../src-shared/contract/coupons';
import { MAX_BATCH } from '../../../../src-shared/contract/coupons';
import { optionalPhoneSchema, phoneOrUndefined } from '../../forms/phone';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { PrinterSelect, usePrinterChoice } from '../printing/PrinterSelect';
import { PRINT_PANEL_WIDTH, PrintSlipsPanel } from '../printing/PrintSlipsPanel';
import { issuedCouponSlip, useSlipContext } from '../printing/slip-context';
import { BatchProgressBar } from './BatchProgressBar';
import {
  useCancelBatch,
  useIssueCodes,
  useStartBatch,
  type BatchProgress,
} from './coupons-queries';
import { IssuedCodes } from './IssuedCodes';
import { useBatchExport } from './use-batch-export';

/** Up to this many are made at once and shown; more run as a background batch. */
export const MAX_SYNC_ISSUE = 10_000;

interface IssueFormValues {
  count: number;
  phone?: string;
  /** Print a slip per code once they are issued, on this printer. */
  printSlips?: boolean;
  printerId?: string;
}

type Outcome =
  | {
      kind: 'codes';
      codes: IssuedCode[];
      issuedAt: number;
      printJobId?: string;
      printerId?: string;
    }
  | { kind: 'batch'; batch: CouponBatch };

interface IssueDialogProps {
  template: CouponTemplate;
  /** Batches of the page (kept by the page, so progress heard before the answer is not lost). */
  batches: CouponBatch[];
  progressOf: (task: BatchProgress['task'], batchId: string) => BatchProgress | undefined;
  onClose: () => void;
}

/** Issue codes of an active template: shown at once, or made in the background when many. */
export function IssueDialog({ template, batches, progressOf, onClose }: IssueDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const [form] = Form.useForm<IssueFormValues>();
  const count = Form.useWatch('count', form) ?? 0;
  const issue = useIssueCodes();
  const startBatch = useStartBatch();
  const cancelBatch = useCancelBatch();
  const { exportBatch, exporting } = useBatchExport();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [showPrint, setShowPrint] = useState(false);
  const slipContext = useSlipContext();
  const { preferred: preferredPrinter } = usePrinterChoice();
  const printSlips = Form.useWatch('printSlips', form);
  const inBackground = count > MAX_SYNC_ISSUE;

  const submit = async (values: IssueFormValues) => {
    try {
      if (values.count > MAX_SYNC_ISSUE) {
        const batch = await startBatch.mutateAsync({
          templateId: template.id,
          count: values.count,
        });
        setOutcome({ kind: 'batch', batch });
      } else {
        const result = await issue.mutateAsync({
          templateId: template.id,
          count: values.count,
          phone: phoneOrUndefined(values.phone),
          print: values.printSlips ? { printerId: values.printerId } : undefined,
        });
        setOutcome({
          kind: 'codes',
          codes: result.codes,
          issuedAt: Date.now(),
          printJobId: result.printJobId,
          printerId: values.printSlips ? values.printerId : undefined,
        });
        setShowPrint(!!values.printSlips);
      }
    } catch (error) {
      if (!showErrorOnFields(form, t, error, { CUSTOMER_ISSUE_LIMIT_REACHED: ['phone'] }))
        message.error(errorText(error));
    }
  };

  // The batch as the list knows it now (its saved status once it ends), else as started.
  const batch =
    outcome?.kind === 'batch'
      ? (batches.find((known) => known.id === outcome.batch.id) ?? outcome.batch)
      : null;
  const batchProgress = batch ? progressOf('issue', batch.id) : undefined;
  const batchStatus = batchProgress?.status ?? batch?.status;

  const footer =
    outcome === null ? (
      <Space>
        <Button size="large" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="large"
          type="primary"
          loading={issue.isPending || startBatch.isPending}
          onClick={() => form.submit()}
        >
          {inBackground ? t('coupons.issue.startBatch') : t('coupons.issue.submit')}
        </Button>
      </Space>
    ) : (
      <Space>
        {batch && batchStatus === 'running' && (
          <Button
            size="large"
            danger
            loading={cancelBatch.isPending}
            onClick={() =>
              void cancelBatch
                .mutateAsync({ batchId: batch.id })
                .catch((error) => message.error(errorText(error)))
            }
          >
            {t('coupons.batches.cancel')}
          </Button>
        )}
        {batch && batchStatus !== 'running' && (
          <>
            <Button
              size="large"
              loading={exporting?.batchId === batch.id && exporting.format === 'csv'}
              onClick={() => void exportBatch(batch, 'csv')}
            >
              {t('coupons.batches.exportCsv')}
            </Button>
            <Button
              size="large"
              loading={exporting?.batchId === batch.id && exporting.format === 'xlsx'}
              onClick={() => void exportBatch(batch, 'xlsx')}
            >
              {t('coupons.batches.exportXlsx')}
            </Button>
          </>
        )}
        {outcome.kind === 'codes' && (
          <Button size="large" onClick={() => setShowPrint((shown) => !shown)}>
            {showPrint ? t('printSlips.back') : t('printSlips.title')}
          </Button>
        )}
        <Button size="large" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Space>
    );

  return (
    <Modal
      open
      title={t('coupons.issue.title', { name: template.name })}
      onCancel={onClose}
      footer={footer}
      width={outcome?.kind === 'codes' ? (showPrint ? PRINT_PANEL_WIDTH : 900) : 560}
      maskClosable={outcome === null}
      destroyOnHidden
    >
      {outcome === null && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ count: 10 }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="count"
            label={t('coupons.issue.count')}
            extra={t('coupons.issue.countHelp', { max: MAX_SYNC_ISSUE.toLocaleString() })}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber
              min={1}
              max={MAX_BATCH}
              precision={0}
              size="large"
              style={{ width: '100%' }}
              suffix={t('coupons.issue.unit')}
              autoFocus
            />
          </Form.Item>
          {inBackground ? (
            <Alert type="info" showIcon title={t('coupons.issue.batchNote')} />
          ) : (
            <>
              <Form.Item
                name="phone"
                label={t('coupons.issue.phone')}
                extra={t('coupons.issue.phoneHelp')}
                rules={[rule(optionalPhoneSchema)]}
              >
                <Input inputMode="tel" placeholder={t('coupons.issue.phonePlaceholder')} />
              </Form.Item>
              <Form.Item
                name="printSlips"
                valuePropName="checked"
                extra={t('printSlips.printAfterIssueHelp')}
              >
                <Checkbox>{t('printSlips.printAfterIssue')}</Checkbox>
              </Form.Item>
              {printSlips && (
                <Form.Item
                  name="printerId"
                  label={t('printSlips.printer')}
                  initialValue={preferredPrinter?.id}
                  rules={[{ required: true, message: t('printSlips.noPrinter') }]}
                >
                  <PrinterSelect />
                </Form.Item>
              )}
            </>
          )}
        </Form>
      )}
      {outcome?.kind === 'codes' && !showPrint && (
        <IssuedCodes codes={outcome.codes} timeZone={timeZone} />
      )}
      {outcome?.kind === 'codes' && showPrint && (
        <PrintSlipsPanel
          kind="coupons"
          codes={outcome.codes.map((code) => code.code)}
          jobId={outcome.printJobId}
          printerId={outcome.printerId}
          slipOf={(options) =>
            issuedCouponSlip(
              options,
              slipContext,
              template,
              outcome.codes[options.index]!,
              outcome.issuedAt,
            )
          }
        />
      )}
      {batch && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            {t('coupons.issue.batchStarted', { count: batch.requested.toLocaleString() })}
          </Typography.Text>
          <BatchProgressBar batch={batch} progress={batchProgress} />
        </Space>
      )}
    </Modal>
  );
}
