import { Checkbox, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportMapping,
  type ImportRow,
} from '../../../../src-shared/contract/products';
import { ImportWizard } from '../../ui/import-wizard/ImportWizard';
import { ReportRows } from '../../ui/import-wizard/ReportRows';
import { Money } from '../../ui/Money';
import { useImportPreview, useImportProducts } from './products-queries';

type Preview = OutputOf<'products.importPreview'>;

/** Products from a POS system's export (the shared import wizard, with the product columns). */
export function ProductImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const previewCall = useImportPreview();
  const importCall = useImportProducts();
  return (
    <ImportWizard<
      ImportMapping,
      Preview,
      OutputOf<'products.import'>,
      { updateExisting: boolean; skipInvalid: boolean }
    >
      job="products.import"
      texts="productImport"
      fieldsKey="importFields"
      fields={IMPORT_FIELDS}
      required={REQUIRED_IMPORT_FIELDS}
      missing={(mapping) => REQUIRED_IMPORT_FIELDS.filter((field) => !mapping[field])}
      preview={(input, options) => previewCall.mutateAsync({ ...input, ...options })}
      commit={(input, options) => importCall.mutateAsync({ ...input, ...options })}
      previewing={previewCall.isPending}
      committing={importCall.isPending}
      initialOptions={{ updateExisting: false, skipInvalid: false }}
      options={(options, change) => (
        <Space direction="vertical">
          <Checkbox
            checked={options.updateExisting}
            disabled={previewCall.isPending}
            onChange={(event) => change({ ...options, updateExisting: event.target.checked })}
          >
            {t('productImport.updateExisting')}
          </Checkbox>
          <Checkbox
            checked={options.skipInvalid}
            disabled={previewCall.isPending}
            onChange={(event) => change({ ...options, skipInvalid: event.target.checked })}
          >
            {t('productImport.skipInvalid')}
          </Checkbox>
        </Space>
      )}
      skipsErrors={(options) => options.skipInvalid}
      stats={(preview) => [
        <Statistic key="rows" title={t('imports.rows')} value={preview.rowCount} />,
        <Statistic key="creates" title={t('productImport.creates')} value={preview.createCount} />,
        <Statistic key="updates" title={t('productImport.updates')} value={preview.updateCount} />,
      ]}
      commitCount={(preview) => preview.createCount + preview.updateCount}
      rows={(preview, checking) => <ProductRows preview={preview} checking={checking} />}
      doneText={(done) =>
        [
          t('productImport.doneText', {
            created: done.created,
            updated: done.updated,
            seconds: (done.durationMs / 1000).toFixed(1),
          }),
          done.skipped ? t('productImport.skippedText', { count: done.skipped }) : '',
        ].join('')
      }
      onClose={onClose}
    />
  );
}

function ProductRows({ preview, checking }: { preview: Preview; checking: boolean }) {
  const { t } = useTranslation();
  const money = (fen: number | null) => (fen === null ? t('common.empty') : <Money fen={fen} />);
  return (
    <ReportRows<ImportRow>
      rows={preview.rows}
      checking={checking}
      fieldsKey="importFields"
      width={1100}
      problemWidth={220}
      columns={[
        {
          key: 'action',
          title: t('productImport.action'),
          width: 80,
          render: (_, row) =>
            row.issues.length ? (
              <Tag color="error">{t('imports.bad')}</Tag>
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
      ]}
    />
  );
}
