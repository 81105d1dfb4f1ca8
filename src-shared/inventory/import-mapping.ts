// Guessing which column of a POS export feeds which product field, from its header. Pure: the
// preview uses it and the UI shows the guess in its mapping selects.
import type { ImportField, ImportMapping } from '../contract/products';

/** Header names seen in exports of common Chinese POS systems (lower-cased, no spaces). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  sku: ['sku', '商品编码', '商品编号', '货号', '编码', '商品代码', '自编码', 'itemcode', 'code'],
  name: ['name', '商品名称', '品名', '名称', '商品名', 'productname'],
  barcodes: ['barcode', 'barcodes', '条码', '条形码', '商品条码', '国际条码', 'ean'],
  category: ['category', '分类', '类别', '商品分类', '品类', '大类'],
  unit: ['unit', '单位', '计量单位', '销售单位'],
  priceYuan: ['price', '售价', '零售价', '销售价', '单价', '零售价(元)', '售价(元)', 'retailprice'],
  costYuan: ['cost', '进价', '成本价', '进货价', '采购价', '进价(元)', '成本', 'costprice'],
};

const normalize = (header: string) =>
  header.trim().toLowerCase().replace(/[\s_]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Each field gets the first header that is one of its known names (each header used once). */
export function guessMapping(headers: string[]): ImportMapping {
  const used = new Set<string>();
  const pick = (field: ImportField) => {
    const names = HEADER_NAMES[field];
    const header = headers.find(
      (h) => !used.has(h) && names.includes(normalize(h).replace(/\(元\)$/, '')),
    );
    if (header === undefined) return null;
    used.add(header);
    return header;
  };
  return {
    sku: pick('sku'),
    name: pick('name'),
    barcodes: pick('barcodes'),
    category: pick('category'),
    unit: pick('unit'),
    priceYuan: pick('priceYuan'),
    costYuan: pick('costYuan'),
  };
}

/** A barcode cell may hold several, separated by commas, semicolons, slashes or spaces. */
export const splitBarcodes = (cell: string) =>
  cell
    .split(/[,，;；/|\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);
