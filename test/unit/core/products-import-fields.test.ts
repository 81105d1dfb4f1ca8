// The products import's plain field tests (core/products/import-fields.ts) say what
// productFieldsSchema says, for the cells an import sees (already trimmed).
import { describe, expect, it } from 'vitest';
import { productFieldsSchema } from '../../../src-shared/contract/products';
import {
  areImportBarcodes,
  isImportCategory,
  isImportName,
  isImportSku,
  isImportUnit,
} from '../../../src-main/core/products/import-fields';

const fields = productFieldsSchema.shape;
const long = (n: number) => '长'.repeat(n);

describe('products import field tests', () => {
  it('agree with the contract schema on every field', () => {
    for (const sku of [
      'A',
      'P-1',
      'a.b_c-9',
      'x'.repeat(32),
      'x'.repeat(33),
      'P 1',
      '商品',
      'P#1',
      '\u{1F600}',
    ])
      expect([sku, isImportSku(sku)]).toEqual([sku, fields.sku.safeParse(sku).success]);
    for (const name of [
      '茶',
      long(60),
      long(61),
      'a'.repeat(61),
      '\u{1F600}'.repeat(30),
      '\u{1F600}'.repeat(31),
    ])
      expect([name, isImportName(name)]).toEqual([name, fields.name.safeParse(name).success]);
    for (const category of ['', long(30), long(31)])
      expect(isImportCategory(category)).toBe(fields.category.safeParse(category).success);
    for (const unit of ['件', long(8), long(9)])
      expect(isImportUnit(unit)).toBe(fields.unit.safeParse(unit).success);
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `69000000000${10 + i}`);
    for (const barcodes of [
      [],
      codes(10),
      codes(11),
      ['123'],
      ['1234'],
      ['A-1-2'],
      ['x'.repeat(33)],
      ['69 01'],
      ['条码1'],
    ])
      expect([barcodes, areImportBarcodes(barcodes)]).toEqual([
        barcodes,
        fields.barcodes.safeParse(barcodes).success,
      ]);
  });
});
