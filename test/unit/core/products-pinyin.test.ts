import { describe, expect, it } from 'vitest';
import { nameInitials } from '../../../src-main/core/products/initials';
import { OWNER_PIN, tempDir, testCore } from '../../support/core';
import { couponShop } from '../../support/coupons';

describe('finding a product by the initials of its pinyin', () => {
  it('makes the initials of the Chinese characters only, by their reading in context', () => {
    expect(nameInitials('百花茶')).toBe('bhc');
    expect(nameInitials('重庆小面')).toBe('cqxm');
    expect(nameInitials('纯牛奶 250ml')).toBe('cnn');
    expect(nameInitials('Coca-Cola 330ml')).toBe('');
  });

  it('finds 百花茶 by typing bhc (or BHC) after create, rename and import', async () => {
    const { ok, ownerToken } = await couponShop();
    const search = async (text: string) =>
      (await ok('products.list', { search: text }, ownerToken)).map((p) => p.name);
    const tea = await ok(
      'products.create',
      { sku: 'TEA-1', name: '百花茶', category: '茶饮', priceFen: 1800 },
      ownerToken,
    );
    expect(await search('bhc')).toEqual(['百花茶']);
    expect(await search('BHC')).toEqual(['百花茶']);
    expect(tea.nameInitials).toBe('bhc');
    await ok('products.update', { id: tea.id, name: '茉莉花茶' }, ownerToken);
    expect(await search('bhc')).toEqual([]);
    expect(await search('mlhc')).toEqual(['茉莉花茶']);
    // Imported products too (the import writes its own rows).
    await ok(
      'products.import',
      {
        fileName: 'products.csv',
        contentBase64: Buffer.from('商品编码,商品名称,零售价\nNOO-1,重庆小面,12.00\n').toString(
          'base64',
        ),
      },
      ownerToken,
    );
    expect(await search('cqxm')).toEqual(['重庆小面']);
  });

  it('fills the initials of the products a shop had before the upgrade', async () => {
    const dataDir = tempDir();
    const old = await couponShop({ dataDir });
    // As the upgrade's migration leaves them: the column there, empty.
    old.core.sqlite.prepare(`UPDATE products SET name_initials = ''`).run();
    old.core.close();

    const upgraded = await testCore({ dataDir });
    const { token } = await upgraded.ok('auth.login', { staffId: old.ids.ownerId, pin: OWNER_PIN });
    const found = await upgraded.ok('products.list', { search: 'hfspg' }, token);
    expect(found.map((p) => p.name)).toEqual(['红富士苹果']);
  });
});
