import type { AppDatabase } from '../db/database';

/**
 * A product's SKU by id, prepared once: the outbox rows of stock movements carry it, so the
 * other PCs of a chain (whose products have ids of their own) find the same article by SKU.
 */
export function skuLookup(adb: AppDatabase): (productId: string) => string | null {
  const statement = adb.sqlite
    .prepare<[string], string>('SELECT sku FROM products WHERE id = ?')
    .pluck();
  return (productId) => statement.get(productId) ?? null;
}
