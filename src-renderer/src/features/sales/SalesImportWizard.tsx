import { Alert, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import {
  REQUIRED_SALES_IMPORT_FIELDS,
  SALES_IMPORT_FIELDS,
  type SalesImportMapping,
  type SalesImportRow,
} from '../../../../src-shared/contract/sales';
import { useStoreTimeZone } from '../../shop-data/stores';
import { ImportWizard } from '../../ui/import-wizard/ImportWizard';
import { ReportRows } from '../../ui/import-wizard/ReportRows';
import { Money } from '../../ui/Money';
import { StoreSelect } from '../../ui/StoreSelect';
import { useImportSales, useSalesImportPreview } from './sales-queries';
import styles from './SalePage.module.css';

type Preview = OutputOf<'sales.importPreview'>;
/** The store every row goes to when the file has no store column. */
type Options = { storeId: string | undefined };

/**
 * Sales from a POS export (流水): the shared import wizard with the sales columns. Rows with the
 * same sale no. are one sale; sales already recorded are shown and skipped.
 */
export function SalesImportWizard({
  storeId: pageStoreId,
  onClose,
}: {
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const previewCall = useSalesImportPreview();
  const importCall = useImportSales();
  const withStore = <T extends object>(input: T, { storeId }: Options) =>
    storeId ? { ...input, storeId } : input;
  return (
    <ImportWizard<SalesImportMapping, Preview, OutputOf<'sales.import'>, Options>
      job="sales.import"
      texts="salesImport"
      fieldsKey="salesImportFields"
      fields={SALES_IMPORT_FIELDS}
      required={REQUIRED_SALES_IMPORT_FIELDS}
      missing={(mapping, { storeId }) => [
        ...REQUIRED_SALES_IMPORT_FIELDS.filter((field) => !mapping[field]),
        ...(!mapping.sku && !mapping.barcode ? ['sku', 'barcode'] : []),
        ...(!mapping.store && !storeId ? ['store'] : []),
      ]}
      preview={(input, options) => previewCall.mutateAsync(withStore(input, options))}
      commit={(input, options) => importCall.mutateAsync(withStore(input, options))}
      previewing={previewCall.isPending}
      committing={importCall.isPending}
      initialOptions={{ storeId: pageStoreId }}
      options={({ storeId }, change) => (
        <label className={styles.importStore}>
          <Typography.Text>{t('salesImport.store')}</Typography.Text>
          <StoreSelect
            value={storeId}
            onChange={(next: string) => change({ storeId: next })}
            disabled={previewCall.isPending}
            aria-label={t('salesImport.store')}
            className={styles.importStoreSelect}
          />
        </label>
      )}
      stats={(preview) => [
        <Statistic key="sales" title={t('salesImport.sales')} value={preview.saleCount} />,
        <Statistic key="lines" title={t('salesImport.lines')} value={preview.lineCount} />,
        <Statistic
          key="duplicates"
          title={t('salesImport.duplicates')}
          value={preview.duplicateCount}
        />,
      ]}
      notes={(preview) =>
        preview.duplicateCount > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('salesImport.duplicatesNote', {
              ids: preview.duplicateSaleIds.slice(0, 20).join('、'),
            })}
          />
        )
      }
      commitCount={(preview) => preview.saleCount}
      rows={(preview, checking) => (
        <SaleRows preview={preview} checking={checking} storeId={pageStoreId} />
      )}
      doneText={(done) =>
        t('salesImport.doneText', {
          recorded: done.recorded,
          lines: done.lines,
          duplicates: done.duplicates,
          seconds: (done.durationMs / 1000).toFixed(1),
        })
      }
      onClose={onClose}
    />
  );
}

function SaleRows({
  preview,
  checking,
  storeId,
}: {
  preview: Preview;
  checking: boolean;
  storeId: string | undefined;
}) {
  const { t } = useTranslation();
  const timeZone = useStoreTimeZone(storeId);
  const orEmpty = (value: string | null) => value || t('common.empty');
  return (
    <ReportRows<SalesImportRow>
      rows={preview.rows}
      checking={checking}
      fieldsKey="salesImportFields"
      width={1150}
      problemWidth={240}
      columns={[
        {
          key: 'saleId',
          title: t('salesImportFields.saleId'),
          width: 130,
          render: (_, row) => (
            <>
              {row.saleId} {row.issues.length > 0 && <Tag color="error">{t('imports.bad')}</Tag>}
              {row.duplicate && <Tag>{t('salesImport.duplicate')}</Tag>}
            </>
          ),
        },
        {
          key: 'soldAt',
          title: t('salesImportFields.soldAt'),
          width: 170,
          render: (_, row) =>
            row.soldAt === null
              ? t('common.empty')
              : dayjs(row.soldAt).tz(timeZone).format(t('formats.dateTime')),
        },
        {
          key: 'store',
          title: t('salesImportFields.store'),
          width: 140,
          render: (_, row) => orEmpty(row.storeName),
        },
        {
          key: 'product',
          title: t('salesImport.product'),
          width: 200,
          render: (_, row) =>
            row.productName ? `${row.productName}（${row.product}）` : orEmpty(row.product),
        },
        {
          key: 'qty',
          title: t('salesImportFields.qty'),
          dataIndex: 'qty',
          width: 70,
          align: 'right',
        },
        {
          key: 'price',
          title: t('salesImportFields.unitPriceYuan'),
          width: 100,
          align: 'right',
          render: (_, row) =>
            row.unitPriceFen === null ? t('common.empty') : <Money fen={row.unitPriceFen} />,
        },
      ]}
    />
  );
}
