import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeLine, StocktakeSheet } from '../../../../src-shared/contract/stocktake';
import { formatFen } from '../../../../src-shared/money';
import { csvBlob } from '../../files/csv';
import { downloadBlob } from '../../files/download';
import { useStoreTimeZone } from '../../shop-data/stores';
import { printSection } from '../../ui/print-section';
import { signed, stocktakeColumns } from './stocktake-columns';
import { StocktakeTotals } from './StocktakeTotals';
import styles from './StocktakePage.module.css';

/** A posted sheet: what was found, its value, printable on A4 and exportable as CSV. */
export function StocktakeResult({ sheet }: { sheet: StocktakeSheet }) {
  const { t } = useTranslation();
  const timeZone = useStoreTimeZone(sheet.storeId);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const printable = useRef<HTMLDivElement>(null);
  const finishedAt = dayjs(sheet.finishedAt ?? sheet.updatedAt).tz(timeZone);
  const shown = onlyDifferences ? sheet.lines.filter((line) => line.differenceQty) : sheet.lines;
  const scope = t('stocktake.sheet.scope', {
    store: sheet.storeName,
    category:
      sheet.category === null
        ? t('stocktake.start.wholeStore')
        : sheet.category || t('stock.noCategory'),
  });

  const exportCsv = () => {
    const basis = (line: StocktakeLine) =>
      line.valueBasis === 'cost' ? t('stocktake.sheet.atCost') : t('stocktake.sheet.atRetail');
    const blob = csvBlob(
      [
        'SKU',
        t('stocktake.sheet.product'),
        t('stocktake.sheet.category'),
        t('stocktake.sheet.book'),
        t('stocktake.sheet.counted'),
        t('stocktake.sheet.difference'),
        t('stocktake.sheet.unitValue'),
        t('stocktake.sheet.valueBasis'),
        t('stocktake.sheet.value'),
      ],
      sheet.lines.map((line) => [
        line.sku,
        line.productName,
        line.category,
        line.bookQty,
        line.countedQty ?? '',
        line.differenceQty === null ? '' : signed(line.differenceQty),
        formatFen(line.unitValueFen, ''),
        basis(line),
        line.valueFen === null ? '' : formatFen(line.valueFen, ''),
      ]),
    );
    downloadBlob(
      blob,
      t('stocktake.result.fileName', {
        store: sheet.storeName,
        date: finishedAt.format('YYYYMMDD'),
      }),
    );
  };

  const columns = stocktakeColumns(t, {
    key: 'counted',
    title: t('stocktake.sheet.counted'),
    width: 90,
    align: 'right',
    render: (_, line) =>
      line.countedQty === null ? (
        <Typography.Text type="secondary">{t('stocktake.sheet.uncounted')}</Typography.Text>
      ) : (
        <span className={styles.number}>{line.countedQty}</span>
      ),
  });

  return (
    <>
      <Space>
        <Checkbox checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)}>
          {t('stocktake.result.onlyDifferences')}
        </Checkbox>
        <Button
          icon={<PrinterOutlined />}
          onClick={() => printable.current && printSection(printable.current)}
        >
          {t('stocktake.result.print')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={exportCsv}>
          {t('stocktake.result.export')}
        </Button>
      </Space>
      <div ref={printable}>
        <Card>
          <div className={styles.summary}>
            <Space orientation="vertical" size={2}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('stocktake.result.title')} · {scope}
              </Typography.Title>
              <Typography.Text>
                {t('stocktake.result.finishedAt', {
                  time: finishedAt.format(t('formats.dateTime')),
                })}
                {sheet.staffName ? ` · ${sheet.staffName}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('stocktake.sheet.progress', {
                  counted: sheet.countedCount,
                  total: sheet.lineCount,
                })}
                {' · '}
                {sheet.uncounted === 'zero'
                  ? t('stocktake.result.uncountedZero')
                  : t('stocktake.result.uncountedKept')}
              </Typography.Text>
            </Space>
            <StocktakeTotals totals={sheet.totals} />
          </div>
        </Card>
        <Table<StocktakeLine>
          rowKey="productId"
          size="small"
          columns={columns}
          dataSource={shown}
          pagination={false}
          locale={{ emptyText: t('stocktake.result.noDifferences') }}
        />
      </div>
    </>
  );
}
