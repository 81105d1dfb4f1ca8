import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Modal,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportIssue,
  type ImportMapping,
  type ImportRow,
} from '../../../../src-shared/contract/products';
import { useErrorText } from '../../i18n/error-text';
import { Money } from '../../ui/Money';
import { importProblemText, readImportFile, type ImportFile } from './import-file';
import { useImportPreview, useImportProducts } from './products-queries';
import styles from './ProductsPage.module.css';

type Preview = OutputOf<'products.importPreview'>;
type Imported = OutputOf<'products.import'>;
type Step = 'upload' | 'mapping' | 'check' | 'done';
const STEPS: Step[] = ['upload', 'mapping', 'check', 'done'];

/**
 * Products from a POS system's export: upload a CSV (UTF-8 or GBK) or XLSX, match its columns
 * to our fields (guessed from the headers), check every row, then import all of it or nothing.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const previewCall = useImportPreview();
  const importCall = useImportProducts();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [updateExisting, setUpdateExisting] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  const check = async (
    next: { file: ImportFile; mapping?: ImportMapping; updateExisting: boolean },
    then: Step,
  ) => {
    try {
      const { file: chosen, ...options } = next;
      const answer = await previewCall.mutateAsync({ ...chosen, ...options });
      setPreview(answer);
      setMapping(answer.mapping);
      setStep(then);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const upload = async (chosen: File) => {
    try {
      const read = await readImportFile(chosen);
      setFile(read);
      // No mapping yet: the app guesses it from the headers.
      await check({ file: read, updateExisting }, 'mapping');
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const commit = async () => {
    if (!file || !mapping) return;
    try {
      setImported(await importCall.mutateAsync({ ...file, mapping, updateExisting }));
      setStep('done');
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !mapping?.[field]);
  const canImport = !!preview && preview.errorCount === 0 && preview.rowCount > 0;

  const footer = {
    upload: [
      <Button key="cancel" onClick={onClose}>
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
        loading={previewCall.isPending}
        onClick={() => file && mapping && void check({ file, mapping, updateExisting }, 'check')}
      >
        {t('productImport.checkRows')}
      </Button>,
    ],
    check: [
      <Button key="back" onClick={() => setStep('mapping')}>
        {t('common.previous')}
      </Button>,
      <Button
        key="import"
        type="primary"
        disabled={!canImport}
        loading={importCall.isPending}
        onClick={() => void commit()}
      >
        {t('productImport.commit', { count: preview?.rowCount ?? 0 })}
      </Button>,
    ],
    done: [
      <Button key="close" type="primary" onClick={onClose}>
        {t('productImport.finish')}
      </Button>,
    ],
  }[step];

  return (
    <Modal
      open
      width={1040}
      title={t('productImport.title')}
      onCancel={onClose}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        className={styles.importSteps}
        items={STEPS.map((key) => ({ title: t(`productImport.steps.${key}`) }))}
      />
      {step === 'upload' && (
        <UploadStep loading={previewCall.isPending} onFile={(chosen) => void upload(chosen)} />
      )}
      {step === 'mapping' && preview && mapping && (
        <MappingStep
          preview={preview}
          fileName={file?.fileName ?? ''}
          mapping={mapping}
          missing={missing}
          onChange={setMapping}
        />
      )}
      {step === 'check' && preview && (
        <CheckStep
          preview={preview}
          updateExisting={updateExisting}
          checking={previewCall.isPending}
          onUpdateExisting={(value) => {
            setUpdateExisting(value);
            if (file && mapping) void check({ file, mapping, updateExisting: value }, 'check');
          }}
        />
      )}
      {step === 'done' && imported && (
        <Result
          status="success"
          title={t('productImport.doneTitle')}
          subTitle={t('productImport.doneText', {
            created: imported.created,
            updated: imported.updated,
            seconds: (imported.durationMs / 1000).toFixed(1),
          })}
        />
      )}
    </Modal>
  );
}

function UploadStep({ loading, onFile }: { loading: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" className={styles.fullWidth}>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={loading}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {loading ? t('productImport.reading') : t('productImport.drop')}
        </p>
        <p className="ant-upload-hint">{t('productImport.dropHint')}</p>
      </Upload.Dragger>
      <Alert type="info" showIcon title={t('productImport.allOrNothing')} />
    </Space>
  );
}

function MappingStep({
  preview,
  fileName,
  mapping,
  missing,
  onChange,
}: {
  preview: Preview;
  fileName: string;
  mapping: ImportMapping;
  missing: readonly string[];
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const headerOptions = preview.headers.map((header) => ({ value: header, label: header }));
  return (
    <Space orientation="vertical" size="middle" className={styles.fullWidth}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'file', label: t('productImport.file'), children: fileName },
          {
            key: 'format',
            label: t('productImport.format'),
            children: preview.encoding
              ? `CSV · ${t(`productImport.encodings.${preview.encoding}`)}`
              : 'Excel (XLSX)',
          },
          { key: 'rows', label: t('productImport.rows'), children: preview.rowCount },
        ]}
      />
      <Typography.Text type="secondary">{t('productImport.mappingHint')}</Typography.Text>
      <div className={styles.mappingGrid}>
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_IMPORT_FIELDS.includes(field);
          return (
            <label key={field} className={styles.mappingRow}>
              <span className={styles.mappingField}>
                {t(`importFields.${field}`)}
                {required && <span className={styles.required}> *</span>}
              </span>
              <Select
                allowClear={!required}
                status={missing.includes(field) ? 'error' : undefined}
                placeholder={t('productImport.notInFile')}
                options={headerOptions}
                value={mapping[field] ?? undefined}
                onChange={(value?: string) => onChange({ ...mapping, [field]: value ?? null })}
                aria-label={t(`importFields.${field}`)}
                className={styles.mappingSelect}
              />
            </label>
          );
        })}
      </div>
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={t('productImport.mapRequired')} />
      )}
    </Space>
  );
}

function CheckStep({
  preview,
  updateExisting,
  checking,
  onUpdateExisting,
}: {
  preview: Preview;
  updateExisting: boolean;
  checking: boolean;
  onUpdateExisting: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const issueColumns = [
    { key: 'row', title: t('productImport.row'), width: 80, dataIndex: 'row' },
    {
      key: 'field',
      title: t('productImport.field'),
      width: 140,
      render: (_: unknown, issue: ImportIssue) => t(`importFields.${issue.field}`),
    },
    {
      key: 'problem',
      title: t('productImport.problem'),
      render: (_: unknown, issue: ImportIssue) => importProblemText(t, issue),
    },
  ];
  const money = (fen: number | null) => (fen === null ? t('common.empty') : <Money fen={fen} />);
  return (
    <Space orientation="vertical" size="middle" className={styles.fullWidth}>
      <div className={styles.importStats}>
        <Statistic title={t('productImport.rows')} value={preview.rowCount} />
        <Statistic title={t('productImport.creates')} value={preview.createCount} />
        <Statistic title={t('productImport.updates')} value={preview.updateCount} />
        <Statistic
          title={t('productImport.errors')}
          value={preview.errorCount}
          styles={{ content: { color: preview.errorCount ? 'var(--ant-color-error)' : undefined } }}
        />
      </div>
      <Checkbox
        checked={updateExisting}
        disabled={checking}
        onChange={(event) => onUpdateExisting(event.target.checked)}
      >
        {t('productImport.updateExisting')}
      </Checkbox>
      {preview.errorCount > 0 ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('productImport.hasErrors', { count: preview.errorCount })}
          />
          <Table
            rowKey={(issue) => `${issue.row}:${issue.field}:${issue.problem}`}
            size="small"
            columns={issueColumns}
            dataSource={preview.issues}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="import-issues"
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('productImport.allGood')} />
      )}
      <Typography.Text strong>{t('productImport.rowsPreview')}</Typography.Text>
      <Table<ImportRow>
        rowKey="row"
        size="small"
        loading={checking}
        dataSource={preview.rows}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        rowClassName={(row) => (row.issues.length ? (styles.badRow ?? '') : '')}
        columns={[
          { key: 'row', title: t('productImport.row'), dataIndex: 'row', width: 60 },
          {
            key: 'action',
            title: t('productImport.action'),
            width: 80,
            render: (_, row) =>
              row.issues.length ? (
                <Tag color="error">{t('productImport.bad')}</Tag>
              ) : (
                <Tag color={row.action === 'create' ? 'green' : 'blue'}>
                  {t(`productImport.actions.${row.action}`)}
                </Tag>
              ),
          },
          { key: 'sku', title: t('importFields.sku'), dataIndex: 'sku', width: 100 },
          { key: 'name', title: t('importFields.name'), dataIndex: 'name', width: 160 },
          {
            key: 'barcodes',
            title: t('importFields.barcodes'),
            width: 150,
            render: (_, row) => row.barcodes.join('、') || t('common.empty'),
          },
          { key: 'category', title: t('importFields.category'), dataIndex: 'category', width: 80 },
          { key: 'unit', title: t('importFields.unit'), dataIndex: 'unit', width: 60 },
          {
            key: 'price',
            title: t('products.price'),
            width: 90,
            align: 'right',
            render: (_, row) => money(row.priceFen),
          },
          {
            key: 'cost',
            title: t('productImport.cost'),
            width: 90,
            align: 'right',
            render: (_, row) => money(row.costFen),
          },
          {
            key: 'issues',
            title: t('productImport.problem'),
            width: 220,
            render: (_, row) =>
              row.issues.length ? (
                <Typography.Text type="danger">
                  {row.issues
                    .map(
                      (issue) =>
                        `${t(`importFields.${issue.field}`)}：${importProblemText(t, issue)}`,
                    )
                    .join('；')}
                </Typography.Text>
              ) : (
                t('common.empty')
              ),
          },
        ]}
      />
    </Space>
  );
}
