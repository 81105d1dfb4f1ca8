import { ImportOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { Product } from '../../../../src-shared/contract/products';
import { formatFen } from '../../../../src-shared/money';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { useScanHandler } from '../../scanning/scanner-context';
import { useCurrentSession } from '../../session/session-context';
import { useProducts } from '../../shop-data/catalogue';
import { PageHeader } from '../../ui/PageHeader';
import { ProductFormModal } from './ProductFormModal';
import { ProductImportWizard } from './ProductImportWizard';
import { useUpdateProduct } from './products-queries';
import { ProductsTable, type ProductAction } from './ProductsTable';
import styles from './ProductsPage.module.css';

type OpenForm = { editing: Product | null; barcode?: string };

const SEARCH_DELAY_MS = 250;

/**
 * The search box keeps its own text and searches when the typing pauses: a keystroke redraws
 * the box, not the table (and a scanner's burst into it stays a burst).
 */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const change = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onSearch(value), SEARCH_DELAY_MS);
  };
  return (
    <Input.Search
      className={styles.search}
      size="large"
      allowClear
      prefix={<ScanOutlined />}
      placeholder={t('products.searchPlaceholder')}
      value={text}
      onChange={(event) => change(event.target.value)}
      onSearch={(value) => {
        window.clearTimeout(timer.current);
        onSearch(value);
      }}
      aria-label={t('products.search')}
    />
  );
}

/** The catalogue: looked up by everyone (a scan finds the product), edited by managers. */
export function ProductsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { staff } = useCurrentSession();
  const editable = (MANAGERS as readonly Role[]).includes(staff.role);
  const [search, setSearch] = useState('');
  /** Changes when a scan sets the search, so the box shows it. */
  const [searchGeneration, setSearchGeneration] = useState(0);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [foundId, setFoundId] = useState<string | null>(null);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [importing, setImporting] = useState(false);
  const products = useProducts(search, includeInactive);
  const update = useUpdateProduct();

  const find = (text: string) => {
    setSearch(text);
    setFoundId(null);
  };

  useScanHandler(async (code) => {
    find(code);
    setSearchGeneration((generation) => generation + 1);
    try {
      const product = await api.call('products.lookup', { barcode: code });
      setFoundId(product.id);
      return {
        ok: true,
        message: t('products.found', { name: product.name, price: formatFen(product.priceFen) }),
      };
    } catch (error) {
      if (isApiError(error) && error.code === 'PRODUCT_NOT_FOUND')
        return { ok: false, message: t('products.notFoundByScan', { code }) };
      throw error;
    }
  });

  const onAction = async (action: ProductAction, product: Product) => {
    if (action === 'edit') return setForm({ editing: product });
    try {
      await update.mutateAsync({ id: product.id, active: action === 'reactivate' });
      message.success(
        t(action === 'reactivate' ? 'products.reactivated' : 'products.deactivated', {
          name: product.name,
        }),
      );
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // Nothing found for a search of digits (a scanned barcode): offer to add that product at once.
  const barcode = /^\d{4,32}$/.test(search.trim()) ? search.trim() : null;
  const empty = (
    <Empty description={search ? t('products.noMatch', { search }) : t('products.empty')}>
      {editable && barcode && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setForm({ editing: null, barcode })}
        >
          {t('products.addWithBarcode', { code: barcode })}
        </Button>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={editable ? t('products.subtitle') : t('products.subtitleReadOnly')}
        extra={
          <>
            <SearchBox key={searchGeneration} initial={search} onSearch={find} />
            {editable && (
              <label>
                <Switch checked={includeInactive} onChange={setIncludeInactive} />{' '}
                <Typography.Text>{t('products.showInactive')}</Typography.Text>
              </label>
            )}
            {editable && (
              <Button size="large" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('productImport.open')}
              </Button>
            )}
            {editable && (
              <Button
                type="primary"
                size="large"
                icon={<PlusOutlined />}
                onClick={() => setForm({ editing: null })}
              >
                {t('products.add')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        {products.isError ? (
          <Alert type="error" showIcon title={errorText(products.error)} />
        ) : (
          <ProductsTable
            products={products.data}
            loading={products.isPending}
            editable={editable}
            foundId={foundId}
            empty={empty}
            onAction={(action, product) => void onAction(action, product)}
          />
        )}
      </Card>
      {form && (
        <ProductFormModal
          editing={form.editing}
          barcode={form.barcode}
          onClose={() => setForm(null)}
        />
      )}
      {importing && <ProductImportWizard onClose={() => setImporting(false)} />}
    </>
  );
}
