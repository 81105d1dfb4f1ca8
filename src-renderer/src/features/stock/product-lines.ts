import { useState } from 'react';
import type { Product } from '../../../../src-shared/contract/products';

/** A line of a receipt, stocktake or transfer: one product, with the form's own fields. */
export type ProductLine<T> = T & { product: Product };

/**
 * The lines of a stock form. Picking (or scanning) a product already on the form counts it once
 * more instead of adding a second line: scanning each box of a delivery adds up.
 */
export function useProductLines<T extends object>(
  fresh: (product: Product) => T,
  again: (line: ProductLine<T>) => Partial<T>,
) {
  const [lines, setLines] = useState<ProductLine<T>[]>([]);
  const add = (product: Product) =>
    setLines((current) =>
      current.some((line) => line.product.id === product.id)
        ? current.map((line) =>
            line.product.id === product.id ? { ...line, ...again(line) } : line,
          )
        : [...current, { ...fresh(product), product }],
    );
  const update = (productId: string, change: Partial<T>) =>
    setLines((current) =>
      current.map((line) => (line.product.id === productId ? { ...line, ...change } : line)),
    );
  const remove = (productId: string) =>
    setLines((current) => current.filter((line) => line.product.id !== productId));
  return { lines, add, update, remove, clear: () => setLines([]) };
}
