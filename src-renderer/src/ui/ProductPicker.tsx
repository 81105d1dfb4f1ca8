import { ScanOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../src-shared/contract/products';
import { useApi } from '../api/api-context';
import { isApiError } from '../api/api-error';
import { useScanHandler } from '../scanning/scanner-context';
import { useCatalogue } from '../shop-data/catalogue';
import { ProductSelect } from './ProductSelect';
import styles from './ProductPicker.module.css';

/**
 * Adds products to a form: searched by name, SKU or barcode, or scanned (the scanner's codes come
 * here while the form is open).
 */
export function ProductPicker({
  onPick,
  onUnknownCode,
}: {
  onPick: (product: Product) => void;
  /** A scanned code that is no product's barcode (a coupon on the sale screen); else refused. */
  onUnknownCode?: (code: string) => string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const catalogue = useCatalogue();

  useScanHandler(async (code) => {
    try {
      const product = await api.call('products.byBarcode', { barcode: code });
      onPick(product);
      return { ok: true, message: t('stock.lines.scanned', { name: product.name }) };
    } catch (error) {
      if (isApiError(error) && error.code === 'PRODUCT_NOT_FOUND')
        return onUnknownCode
          ? { ok: true, message: onUnknownCode(code) }
          : { ok: false, message: t('products.notFoundByScan', { code }) };
      throw error;
    }
  });

  return (
    <Space orientation="vertical" size={4} className={styles.picker}>
      <ProductSelect
        size="large"
        value={null}
        placeholder={t('stock.lines.pick')}
        className={styles.pickerSelect}
        onChange={(id) => {
          const product = catalogue.data?.find((candidate) => candidate.id === id);
          if (product) onPick(product);
        }}
        aria-label={t('stock.lines.pick')}
      />
      <Typography.Text type="secondary">
        <ScanOutlined /> {t('stock.lines.scanHint')}
      </Typography.Text>
    </Space>
  );
}
