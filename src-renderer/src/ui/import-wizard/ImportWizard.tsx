import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayloadOf } from '../../../../src-shared/contract';
import { useApiEvent } from '../../api/use-api-event';
import { useErrorText } from '../../i18n/error-text';
import {
  importFieldText,
  importProblemText,
  readImportFile,
  type FieldsKey,
  type ImportFile,
  type ImportIssueLike,
} from './import-file';
import styles from './ImportWizard.module.css';

type Step = 'upload' | 'mapping' | 'check' | 'done';
const STEPS: Step[] = ['upload', 'mapping', 'check', 'done'];

type Mapping = Record<string, string | null>;

/** What every import preview answers (products, sales and members importPreview). */
export interface PreviewBase<M extends Mapping> {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  headers: string[];
  mapping: M;
  rowCount: number;
  errorCount: number;
  issues: ImportIssueLike[];
}

export interface ImportWizardProps<M extends Mapping, P extends PreviewBase<M>, D, O> {
  /** Whose progress events to show while a large file is in the worker. */
  job: PayloadOf<'imports.progress'>['job'];
  /** This import's texts: title, allOrNothing, mappingHint, hasErrors, commit, doneTitle. */
  texts: 'productImport' | 'salesImport' | 'memberImport';
  fieldsKey: FieldsKey;
  fields: readonly (keyof M & string)[];
  /** The fields still without a column (marked *, and the import cannot go on). */
  missing: (mapping: M, options: O) => string[];
  required: readonly string[];
  preview: (input: ImportFile & { mapping?: M }, options: O) => Promise<P>;
  commit: (input: ImportFile & { mapping: M }, options: O) => Promise<D>;
  previewing: boolean;
  committing: boolean;
  /** Options of the import beside the file (update existing products, the store…). */
  initialOptions: O;
  /** Their controls; a change makes the report again. */
  options: (value: O, change: (next: O) => void) => ReactNode;
  /** The counts shown above the report (errors come last, from the wizard). */
  stats: (preview: P) => ReactNode[];
  /** What the commit button imports: rows, sales… (the good ones, when errors are skipped) */
  commitCount: (preview: P) => number;
  /** The user chose to leave the rows with problems out (else a file goes in whole or not). */
  skipsErrors?: (options: O) => boolean;
  rows: (preview: P, checking: boolean) => ReactNode;
  notes?: (preview: P) => ReactNode;
  doneText: (result: D) => string;
  onClose: () => void;
}

/**
 * An import from a POS system's export, in four steps: upload a CSV (UTF-8 or GBK) or XLSX,
 * match its columns to our fields (guessed from the headers), check every row, then import all
 * of it or nothing. A large file is checked and written in the worker: a progress bar shows it.
 */
export function ImportWizard<M extends Mapping, P extends PreviewBase<M>, D, O>(
  props: ImportWizardProps<M, P, D, O>,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [mapping, setMapping] = useState<M | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [done, setDone] = useState<D | null>(null);
  const [options, setOptions] = useState<O>(props.initialOptions);
  const [progress, setProgress] = useState<PayloadOf<'imports.progress'> | null>(null);
  useApiEvent('imports.progress', (payload) => {
    if (payload.job === props.job) setProgress(payload);
  });

  const check = async (next: { file: ImportFile; mapping?: M; options?: O }, then: Step) => {
    setProgress(null);
    try {
      const answer = await props.preview(
        next.mapping ? { ...next.file, mapping: next.mapping } : next.file,
        next.options ?? options,
      );
      setPreview(answer);
      setMapping(answer.mapping);
      setStep(then);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // An option changed (update existing products, the store): the report is made again.
  const changeOptions = (next: O) => {
    setOptions(next);
    if (step === 'check' && file && mapping) void check({ file, mapping, options: next }, 'check');
  };
  const optionControls = props.options(options, changeOptions);

  const upload = async (chosen: File) => {
    try {
      const read = await readImportFile(chosen);
      setFile(read);
      // No mapping yet: the app guesses it from the headers.
      await check({ file: read }, 'mapping');
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const commit = async () => {
    if (!file || !mapping) return;
    setProgress(null);
    try {
      setDone(await props.commit({ ...file, mapping }, options));
      setStep('done');
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const missing = mapping ? props.missing(mapping, options) : [];
  const skipping = !!preview && preview.errorCount > 0 && !!props.skipsErrors?.(options);
  const canImport =
    !!preview && (preview.errorCount === 0 || skipping) && props.commitCount(preview) > 0;
  const busy = props.previewing || props.committing;

  const footer = {
    upload: [
      <Button key="cancel" onClick={props.onClose}>
        {t('common.cancel')}
      </Button>,
    ],
    mapping: [
      <Button key="back" onClick={() => setStep('upload')}>
        {t('common.previous')}
      </Button>,
      <Button
        key="next"
        type="primary"
        disabled={missing.length > 0}
        loading={props.previewing}
        onClick={() => file && mapping && void check({ file, mapping }, 'check')}
      >
        {t('imports.checkRows')}
      </Button>,
    ],
    check: [
      <Button key="back" disabled={props.committing} onClick={() => setStep('mapping')}>
        {t('common.previous')}
      </Button>,
      <Button
        key="import"
        type="primary"
        disabled={!canImport}
        loading={props.committing}
        onClick={() => void commit()}
      >
        {skipping
          ? t('imports.commitGood', { count: props.commitCount(preview) })
          : t(`${props.texts}.commit`, { count: preview ? props.commitCount(preview) : 0 })}
      </Button>,
    ],
    done: [
      <Button key="close" type="primary" onClick={props.onClose}>
        {t('imports.finish')}
      </Button>,
    ],
  }[step];

  return (
    <Modal
      open
      width={1040}
      title={t(`${props.texts}.title`)}
      onCancel={props.onClose}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        className={styles.steps}
        items={STEPS.map((key) => ({ title: t(`imports.steps.${key}`) }))}
      />
      {step === 'upload' && (
        <Space orientation="vertical" size="middle" className={styles.fullWidth}>
          {optionControls}
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={props.previewing}
            beforeUpload={(chosen) => {
              void upload(chosen);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {props.previewing ? t('imports.reading') : t('imports.drop')}
            </p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
          <Alert type="info" showIcon title={t(`${props.texts}.allOrNothing`)} />
        </Space>
      )}
      {step === 'mapping' && preview && mapping && (
        <Space orientation="vertical" size="middle" className={styles.fullWidth}>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'file', label: t('imports.file'), children: file?.fileName ?? '' },
              {
                key: 'format',
                label: t('imports.format'),
                children: preview.encoding
                  ? `CSV · ${t(`imports.encodings.${preview.encoding}`)}`
                  : 'Excel (XLSX)',
              },
              { key: 'rows', label: t('imports.rows'), children: preview.rowCount },
            ]}
          />
          <Typography.Text type="secondary">{t(`${props.texts}.mappingHint`)}</Typography.Text>
          <div className={styles.mappingGrid}>
            {props.fields.map((field) => {
              const required = props.required.includes(field);
              const label = importFieldText(t, props.fieldsKey, field);
              return (
                <label key={field} className={styles.mappingRow}>
                  <span className={styles.mappingField}>
                    {label}
                    {required && <span className={styles.required}> *</span>}
                  </span>
                  <Select
                    allowClear={!required}
                    status={missing.includes(field) ? 'error' : undefined}
                    placeholder={t('imports.notInFile')}
                    options={preview.headers.map((header) => ({ value: header, label: header }))}
                    value={mapping[field] ?? undefined}
                    onChange={(value?: string) =>
                      setMapping({ ...mapping, [field]: value ?? null })
                    }
                    aria-label={label}
                    className={styles.mappingSelect}
                  />
                </label>
              );
            })}
          </div>
          {missing.length > 0 && <Alert type="warning" showIcon title={t('imports.mapRequired')} />}
        </Space>
      )}
      {step === 'check' && preview && (
        <Space orientation="vertical" size="middle" className={styles.fullWidth}>
          <div className={styles.stats}>
            {props.stats(preview)}
            <Statistic
              title={t('imports.errors')}
              value={preview.errorCount}
              styles={{
                content: { color: preview.errorCount ? 'var(--ant-color-error)' : undefined },
              }}
            />
          </div>
          {optionControls}
          {preview.errorCount > 0 ? (
            <>
              <Alert
                type={skipping ? 'warning' : 'error'}
                showIcon
                title={
                  skipping
                    ? t('imports.skippingErrors', {
                        count: preview.errorCount,
                        good: props.commitCount(preview),
                      })
                    : t(`${props.texts}.hasErrors`, { count: preview.errorCount })
                }
              />
              <IssuesTable fieldsKey={props.fieldsKey} issues={preview.issues} />
            </>
          ) : props.commitCount(preview) === 0 ? (
            <Alert type="info" showIcon title={t('imports.nothingToImport')} />
          ) : (
            <Alert type="success" showIcon title={t('imports.allGood')} />
          )}
          {props.notes?.(preview)}
          <Typography.Text strong>{t('imports.rowsPreview')}</Typography.Text>
          {props.rows(preview, props.previewing)}
        </Space>
      )}
      {step === 'done' && done !== null && (
        <Result
          status="success"
          title={t(`${props.texts}.doneTitle`)}
          subTitle={props.doneText(done)}
        />
      )}
      {/* Beside the buttons, where the eye is after pressing one. */}
      {busy && progress && progress.phase !== 'done' && <ProgressLine progress={progress} />}
    </Modal>
  );
}

function ProgressLine({ progress }: { progress: PayloadOf<'imports.progress'> }) {
  const { t } = useTranslation();
  const writing = progress.phase === 'writing' && progress.total > 0;
  return (
    <div className={styles.progress} data-testid="import-progress">
      <Typography.Text type="secondary">
        {t(`imports.progress.${progress.phase}`, { done: progress.done, total: progress.total })}
      </Typography.Text>
      <Progress
        percent={writing ? Math.floor((progress.done / progress.total) * 100) : 100}
        status={progress.phase === 'failed' ? 'exception' : 'active'}
        showInfo={writing}
      />
    </div>
  );
}

function IssuesTable({ fieldsKey, issues }: { fieldsKey: FieldsKey; issues: ImportIssueLike[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportIssueLike>
      rowKey={(issue) => `${issue.row}:${issue.field}:${issue.problem}`}
      size="small"
      columns={[
        { key: 'row', title: t('imports.row'), width: 80, dataIndex: 'row' },
        {
          key: 'field',
          title: t('imports.field'),
          width: 140,
          render: (_, issue) => importFieldText(t, fieldsKey, issue.field),
        },
        {
          key: 'problem',
          title: t('imports.problem'),
          render: (_, issue) => importProblemText(t, issue),
        },
      ]}
      dataSource={issues}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="import-issues"
    />
  );
}
