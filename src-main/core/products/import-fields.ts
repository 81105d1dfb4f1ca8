// The field rules of productFieldsSchema (src-shared/contract/products.ts), as plain tests for the
// products import: one row's cells pass through here 50k times per file, and a zod safeParse per
// field (building a result object and issue list each time) was a tenth of the import's checking.
// The cells are trimmed already (columnReader), as the schema's .trim() would make them.
// Keep these in step with the schema: test/unit/core/products-import-fields.test.ts compares them.

const SKU = /^[0-9A-Za-z._-]{1,32}$/;
const BARCODE = /^[0-9A-Za-z-]{4,32}$/;

/**
 * At most `max` characters as zod counts them: code points (a surrogate pair is one), so only a
 * text longer in UTF-16 units than `max` needs counting.
 */
function fits(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let length = 0;
  for (const _ of text) if (++length > max) return false;
  return true;
}

/** productFieldsSchema.sku: letters, digits, `._-`, 1–32 characters. */
export const isImportSku = (sku: string): boolean => SKU.test(sku);

/** productFieldsSchema.name (non-empty is checked first, with its own problem). */
export const isImportName = (name: string): boolean => fits(name, 60);

/** productFieldsSchema.category. */
export const isImportCategory = (category: string): boolean => fits(category, 30);

/** productFieldsSchema.unit. */
export const isImportUnit = (unit: string): boolean => fits(unit, 8);

/** A barcode of productFieldsSchema.barcodes: letters, digits and `-`, 4–32 characters. */
export const isImportBarcode = (barcode: string): boolean => BARCODE.test(barcode.trim());

/** productFieldsSchema.barcodes: at most 10, each a barcode. */
export const areImportBarcodes = (barcodes: readonly string[]): boolean =>
  barcodes.length <= 10 && barcodes.every(isImportBarcode);
