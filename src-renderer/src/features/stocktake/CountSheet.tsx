import { CheckOutlined, DeleteOutlined, ScanOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeLine, StocktakeSheet } from '../../../../src-shared/contract/stocktake';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { useScanHandler } from '../../scanning/scanner-context';
import { CountInput } from './CountInput';
import { FinishModal } from './FinishModal';
import { stocktakeColumns } from './stocktake-columns';
import { useCountSaver, useDiscardStocktake } from './stocktake-queries';
import { StocktakeTotals } from './StocktakeTotals';
import styles from './StocktakePage.module.css';

const PAGE_SIZE = 50;
type Filter = 'all' | 'uncounted' | 'different';

const matches = (line: StocktakeLine, filter: Filter, search: string) => {
  if (filter === 'uncounted' && line.countedQty !== null) return false;
  if (filter === 'different' && !line.differenceQty) return false;
  if (!search) return true;
  const text = search.toLowerCase();
  return [line.productName, line.sku, line.barcode ?? ''].some((field) =>
    field.toLowerCase().includes(text),
  );
};

/**
 * An open count sheet: every line with its books, a field for the count (saved as typed), and
 * the gains and losses so far. A scan finds its line (added when not on the sheet), counts one
 * more, and brings the line into view (its field is left unfocused, so the next scan cannot type into it).
 */
export function CountSheet({ sheet, onClosed }: { sheet: StocktakeSheet; onClosed: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const saver = useCountSaver(sheet.id);
  const discard = useDiscardStocktake();
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [scannedId, setScannedId] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);

  const shown = sheet.lines.filter((line) => matches(line, filter, search.trim()));

  useScanHandler(async (code) => {
    let line = sheet.lines.find((l) => l.barcode === code || l.sku === code);
    let productId = line?.productId;
    let name = line?.productName;
    if (!productId) {
      try {
        const product = await api.call('products.byBarcode', { barcode: code });
        productId = product.id;
        name = product.name;
        line = sheet.lines.find((l) => l.productId === product.id);
      } catch (error) {
        if (isApiError(error) && error.code === 'PRODUCT_NOT_FOUND')
          return { ok: false, message: t('products.notFoundByScan', { code }) };
        throw error;
      }
    }
    const qty = (saver.counted(productId) ?? 0) + 1;
    const saved = await saver.set(productId, qty);
    // Bring the line into view: every line shown, on the page it sits on.
    const index = (line ? sheet.lines : [...sheet.lines, saved]).findIndex(
      (l) => l.productId === productId,
    );
    setFilter('all');
    setSearch('');
    setPage(Math.floor(index / PAGE_SIZE) + 1);
    setScannedId(productId);
    // Shown, not focused: the next scan must not type into its field.
    requestAnimationFrame(() =>
      document
        .querySelector(`[data-row-key="${productId}"]`)
        ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
    );
    return {
      ok: true,
      message: line
        ? t('stocktake.sheet.scanned', { name, qty })
        : t('stocktake.sheet.notOnSheet', { name }),
    };
  });

  const askDiscard = () =>
    modal.confirm({
      title: t('stocktake.sheet.discardTitle'),
      content: t('stocktake.sheet.discardText'),
      okText: t('stocktake.sheet.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await discard.mutateAsync({ id: sheet.id });
          message.success(t('stocktake.sheet.discarded'));
          onClosed();
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  const columns = stocktakeColumns(t, {
    key: 'counted',
    title: t('stocktake.sheet.counted'),
    width: 120,
    render: (_, line) => (
      <CountInput
        value={line.countedQty}
        onCount={(qty) => saver.type(line.productId, qty)}
        placeholder={t('stocktake.sheet.uncounted')}
        label={t('stocktake.sheet.countedOf', { name: line.productName })}
      />
    ),
  });

  return (
    <>
      <Card>
        <div className={styles.summary}>
          <Space orientation="vertical" size={2}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('stocktake.sheet.scope', {
                store: sheet.storeName,
                category:
                  sheet.category === null
                    ? t('stocktake.start.wholeStore')
                    : sheet.category || t('stock.noCategory'),
              })}
            </Typography.Title>
            <Typography.Text data-testid="stocktake-progress">
              {t('stocktake.sheet.progress', {
                counted: sheet.countedCount,
                total: sheet.lineCount,
              })}
            </Typography.Text>
            <Typography.Text type={saver.error ? 'danger' : 'secondary'}>
              {saver.error
                ? errorText(saver.error)
                : saver.saving
                  ? t('stocktake.sheet.saving')
                  : t('stocktake.sheet.saved')}
            </Typography.Text>
          </Space>
          <StocktakeTotals totals={sheet.totals} />
        </div>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <div className={styles.toolbar}>
          <Segmented<Filter>
            value={filter}
            onChange={(value) => {
              setFilter(value);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('stocktake.sheet.filterAll') },
              { value: 'uncounted', label: t('stocktake.sheet.filterUncounted') },
              { value: 'different', label: t('stocktake.sheet.filterDifferent') },
            ]}
          />
          <Input.Search
            allowClear
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
            placeholder={t('stocktake.sheet.search')}
            aria-label={t('stocktake.sheet.search')}
            className={styles.search}
          />
          <Typography.Text type="secondary">
            <ScanOutlined /> {t('stocktake.sheet.scanHint')}
          </Typography.Text>
        </div>
        <Table<StocktakeLine>
          rowKey="productId"
          size="small"
          columns={columns}
          dataSource={shown}
          rowClassName={(line) => (line.productId === scannedId ? (styles.scannedRow ?? '') : '')}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
        />
      </Card>
      <div className={styles.footer}>
        <Button size="large" danger icon={<DeleteOutlined />} onClick={askDiscard}>
          {t('stocktake.sheet.discard')}
        </Button>
        <Button
          size="large"
          type="primary"
          icon={<CheckOutlined />}
          disabled={saver.saving}
          // A count typed a moment ago is saved before the sheet is checked and posted.
          onClick={() =>
            void saver
              .saveWaiting()
              .then(() => setFinishing(true))
              .catch((error: unknown) => message.error(errorText(error)))
          }
        >
          {t('stocktake.sheet.finish')}
        </Button>
      </div>
      {finishing && <FinishModal sheet={sheet} onClose={() => setFinishing(false)} />}
    </>
  );
}
