import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-shared/money';
import { useCatalogue } from '../shop-data/catalogue';

type ProductSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'showSearch'>;

/** Picks products on sale by name, SKU or barcode: "苹果 · 1001 · ¥5.00". */
export function ProductSelect(props: ProductSelectProps) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const options = catalogue.data
    ?.filter((product) => product.active)
    .map((product) => ({
      value: product.id,
      label: product.name,
      search: [product.name, product.nameInitials, product.sku, ...product.barcodes]
        .join(' ')
        .toLowerCase(),
      detail: `${product.sku} · ${formatFen(product.priceFen)}`,
    }));
  return (
    <Select
      loading={catalogue.isPending}
      placeholder={t('products.pick')}
      notFoundContent={t('products.noneToPick')}
      options={options}
      showSearch={{
        filterOption: (input, option) => option?.search.includes(input.toLowerCase()) ?? false,
      }}
      optionRender={(option) => (
        <span>
          {option.data.label}
          <span style={{ color: 'var(--ant-color-text-tertiary)', marginInlineStart: 8 }}>
            {option.data.detail}
          </span>
        </span>
      )}
      {...props}
    />
  );
}
