// Guessing which column of a POS export feeds which field (products, sales; members use
// `guessColumns` with their own names), from its header.
// Pure: the preview uses it and the UI shows the guess in its mapping selects.
import type { ImportField, ImportMapping } from '../contract/products';
import type { SalesImportField, SalesImportMapping } from '../contract/sales';

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

/** Header names seen in sales exports (流水) of common Chinese POS systems. */
const SALES_HEADER_NAMES: Record<SalesImportField, string[]> = {
  saleId: [
    'saleid',
    '单号',
    '销售单号',
    '小票号',
    '流水号',
    '订单号',
    '单据号',
    'receiptno',
    'orderno',
  ],
  soldAt: [
    'time',
    'soldat',
    '时间',
    '销售时间',
    '交易时间',
    '日期',
    '下单时间',
    'date',
    'datetime',
  ],
  store: ['store', '门店', '门店名称', '店铺', '门店编码', 'shop'],
  sku: ['sku', '商品编码', '商品编号', '货号', '编码', '商品代码', 'itemcode', 'code'],
  barcode: ['barcode', '条码', '条形码', '商品条码', '国际条码', 'ean'],
  qty: ['qty', 'quantity', '数量', '销售数量', '销量', '件数'],
  unitPriceYuan: ['price', 'unitprice', '单价', '售价', '销售单价', '零售价', '成交价'],
  customerPhone: [
    'phone',
    'mobile',
    '手机',
    '手机号',
    '会员手机',
    '会员手机号',
    '电话',
    '顾客电话',
  ],
};

/** Each field gets the first header that is one of its known names (each header used once). */
export function guessColumns<F extends string>(
  headers: string[],
  names: Record<F, string[]>,
): Record<F, string | null> {
  const used = new Set<string>();
  return Object.fromEntries(
    (Object.entries(names) as [F, string[]][]).map(([field, known]) => {
      const header = headers.find(
        (h) => !used.has(h) && known.includes(normalize(h).replace(/\(元\)$/, '')),
      );
      if (header !== undefined) used.add(header);
      return [field, header ?? null];
    }),
  ) as Record<F, string | null>;
}

export const guessMapping = (headers: string[]): ImportMapping =>
  guessColumns(headers, HEADER_NAMES);

export const guessSalesMapping = (headers: string[]): SalesImportMapping =>
  guessColumns(headers, SALES_HEADER_NAMES);

/** A barcode cell may hold several, separated by commas, semicolons, slashes or spaces. */
export const splitBarcodes = (cell: string) =>
  cell
    .split(/[,，;；/|\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);
