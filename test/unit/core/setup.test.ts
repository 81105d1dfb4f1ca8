import { describe, expect, it } from 'vitest';
import { initializedShop, setupInput, testCore } from '../../support/core';

describe('first-run setup', () => {
  it('reports an empty shop, then creates merchant, store, terminal and owner in one go', async () => {
    const { ok } = await testCore();
    expect(await ok('setup.status', {})).toEqual({ initialized: false, merchant: null, demo: false });

    const ids = await ok('setup.initialize', setupInput);
    expect(await ok('setup.status', {})).toEqual({
      initialized: true,
      merchant: { name: '鲜果优选', code: 'XGYX-01' },
      demo: false,
    });

    const { token } = await ok('auth.login', { staffId: ids.ownerId, pin: '271828' });
    const [store] = await ok('stores.list', {}, token);
    expect(store).toMatchObject({
      id: ids.storeId,
      code: 'S01',
      provinceCode: '320000',
      cityCode: '320100',
      districtCode: '320102',
      regionName: '江苏省 南京市 玄武区',
      timezone: 'Asia/Shanghai',
    });
    expect(store!.terminals).toEqual([
      expect.objectContaining({ id: ids.terminalId, code: 'T01' }),
    ]);

    const session = await ok('auth.session', {}, token);
    expect(session.terminal?.id).toBe(ids.terminalId);
  });

  it('refuses a second run with 409 ALREADY_INITIALIZED and changes nothing', async () => {
    const { fails, ok, core } = await initializedShop();
    const error = await fails('setup.initialize', {
      ...setupInput,
      merchant: { name: '另一家', code: 'OTHER' },
    });
    expect(error.code).toBe('ALREADY_INITIALIZED');
    expect(error.message).toBe('店铺已完成初始化，不能重复设置');
    expect((await ok('setup.status', {})).merchant?.name).toBe('鲜果优选');
    const counts = core.sqlite
      .prepare('SELECT (SELECT count(*) FROM stores) s, (SELECT count(*) FROM staff) p')
      .get();
    expect(counts).toEqual({ s: 1, p: 1 });
  });

  it('explains bad wizard input field by field, in Chinese, and writes nothing', async () => {
    const { fails, ok } = await testCore();
    const error = await fails('setup.initialize', {
      merchant: { name: '', code: '!' },
      store: { name: '店', districtCode: '999999' },
      owner: { name: '王', pin: '12345' },
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    const issues = error.details!.issues as { path: string[]; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['merchant', 'name'], message: '必填' },
        { path: ['merchant', 'code'], message: '商户编码为 3–20 位字母、数字或连字符' },
        { path: ['owner', 'pin'], message: 'PIN 码必须是 6 位数字' },
      ]),
    );
    // A district code of the right shape that does not exist is refused by the service.
    const unknownDistrict = await fails('setup.initialize', {
      ...setupInput,
      store: { ...setupInput.store, districtCode: '316228' },
    });
    expect(unknownDistrict.details!.issues).toEqual([
      { path: ['districtCode'], message: '请选择省 / 市 / 区县' },
    ]);
    expect((await ok('setup.status', {})).initialized).toBe(false);
  });

  it('lets only one of two racing wizards win', async () => {
    const { core } = await testCore();
    const results = await Promise.all(
      [1, 2, 3].map(() => core.call('setup.initialize', setupInput, { source: 'http' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'ALREADY_INITIALIZED',
      'ALREADY_INITIALIZED',
    ]);
  });
});
