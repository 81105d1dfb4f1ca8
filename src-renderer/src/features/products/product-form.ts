import type { Product } from '../../../../src-shared/contract/products';
import { blankToUndefined } from '../../forms/blank';
import { fenToYuanText, optionalYuanToFen, yuanToFen } from '../../forms/money';

/** A product as the form holds it: prices as typed yuan. */
export interface ProductFormValues {
  name: string;
  sku: string;
  barcodes: string[];
  category?: string;
  unit?: string;
  price: string;
  cost?: string;
  memberPrice?: string;
}

export const emptyProductForm = (barcode?: string): Partial<ProductFormValues> => ({
  barcodes: barcode ? [barcode] : [],
  unit: '件',
});

export const toProductForm = (product: Product): ProductFormValues => ({
  name: product.name,
  sku: product.sku,
  barcodes: product.barcodes,
  category: product.category,
  unit: product.unit,
  price: fenToYuanText(product.priceFen),
  cost: fenToYuanText(product.costFen),
  memberPrice: fenToYuanText(product.memberPriceFen),
});

/** Form values → the contract's product fields (fen). */
export const toProductFields = (values: ProductFormValues) => ({
  name: values.name,
  sku: values.sku.trim(),
  barcodes: values.barcodes.map((code) => code.trim()),
  category: blankToUndefined(values.category) ?? '',
  unit: blankToUndefined(values.unit) ?? '件',
  priceFen: yuanToFen(values.price),
  costFen: optionalYuanToFen(values.cost),
  memberPriceFen: optionalYuanToFen(values.memberPrice),
});
