import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../../src-shared/contract';
import {
  guessMemberMapping,
  parseBirthday,
  parseGender,
  parsePoints,
  splitTags,
} from '../../../src-shared/members/import-cells';
import { couponShop } from '../../support/coupons';

const gbkFile = (lines: string[]) => ({
  fileName: '老系统会员.csv',
  contentBase64: iconv.encode(lines.join('\r\n'), 'gbk').toString('base64'),
});

const MEMBER_LIST = [
  '手机号,姓名,生日,性别,标签,积分,备注',
  '13800000001,王芳,1990-05-12,女,常客，VIP,1200,老会员',
  '138 0000 0002,李雷,5月12日,男,学生、周末,,',
  '12345,坏号码,,,,,',
  '13800000001,王芳重复,,,,,',
  '13900000009,张三（已是会员）,1985/3/4,,,300,',
  '13800000003,赵敏,02-30,,,,',
];

const topicCount = (shop: Awaited<ReturnType<typeof couponShop>>, topic: string) =>
  (
    shop.core.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE topic = ?').get(topic) as {
      n: number;
    }
  ).n;

describe('members.import', () => {
  it('reads the cells of a member list as shops type them', () => {
    expect(parseBirthday('1990-05-12', 2026)).toEqual({ birthday: '05-12', birthYear: 1990 });
    expect(parseBirthday('05-12', 2026)).toEqual({ birthday: '05-12', birthYear: null });
    expect(parseBirthday('5月12日', 2026)).toEqual({ birthday: '05-12', birthYear: null });
    expect(parseBirthday('1990/5/12', 2026)).toEqual({ birthday: '05-12', birthYear: 1990 });
    expect(parseBirthday('1990年5月12日', 2026)).toEqual({ birthday: '05-12', birthYear: 1990 });
    expect(parseBirthday('2-29', 2026)).toEqual({ birthday: '02-29', birthYear: null });
    for (const bad of ['02-30', '1991-02-29', '13-01', '2030-01-01', '五月', '1990-5'])
      expect(parseBirthday(bad, 2026), bad).toBeNull();
    expect([parseGender('男'), parseGender('F'), parseGender(''), parseGender('x')]).toEqual([
      'male',
      'female',
      'unknown',
      null,
    ]);
    expect(splitTags('常客，VIP; 学生、常客,  ')).toEqual(['常客', 'VIP', '学生']);
    expect([parsePoints('1,200'), parsePoints('0'), parsePoints('1.5'), parsePoints('-3')]).toEqual(
      [1200, 0, null, null],
    );
    expect(guessMemberMapping(['手机', '会员姓名', '出生日期', '积分余额', '其他'])).toEqual({
      phone: '手机',
      name: '会员姓名',
      birthday: '出生日期',
      gender: null,
      tags: null,
      points: '积分余额',
      note: null,
    });
  });

  it('reports row by row, imports the good rows with no consent and opening points, once', async () => {
    const shop = await couponShop();
    const { ok, fails, ownerToken, cashierToken } = shop;
    const already = await ok(
      'members.create',
      { phone: '+8613900000009', name: '张三', consents: [] },
      ownerToken,
    );
    const changedBefore = topicCount(shop, 'members.changed');
    const file = gbkFile(MEMBER_LIST);

    const preview = await ok('members.importPreview', file, ownerToken);
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'gbk',
      rowCount: 6,
      createCount: 2,
      updateCount: 0,
      existingCount: 1,
      errorCount: 3,
      mapping: {
        phone: '手机号',
        name: '姓名',
        birthday: '生日',
        gender: '性别',
        tags: '标签',
        points: '积分',
        note: '备注',
      },
    });
    expect(preview.issues.map((i) => [i.row, i.field, i.problem, i.otherRow])).toEqual([
      [4, 'phone', 'BAD_PHONE', null],
      [5, 'phone', 'DUPLICATE_PHONE_IN_FILE', 2],
      [7, 'birthday', 'BAD_BIRTHDAY', null],
    ]);
    expect(preview.issues[0]!.message).toBe('第 4 行 手机号：不是有效的手机号：“12345”');
    const en = await shop.core.call('members.importPreview', file, {
      credential: ownerToken,
      source: 'app',
      lang: 'en',
    });
    const enIssues = en.ok ? (en.data as typeof preview).issues : [];
    expect(enIssues[2]!.message).toMatch(/^Row 7 Birthday: not a birthday/);
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({
      action: 'create',
      phone: '138****0001',
      name: '王芳',
      birthday: '05-12',
      birthYear: 1990,
      gender: 'female',
      tags: ['常客', 'VIP'],
      points: 1200,
    });
    expect(byRow.get(3)).toMatchObject({
      birthday: '05-12',
      birthYear: null,
      tags: ['学生', '周末'],
    });
    expect(byRow.get(6)).toMatchObject({ action: 'existing', issues: [] });
    // Nothing written by the preview, and a file with problems goes in whole or not at all.
    expect((await ok('members.list', {}, ownerToken)).total).toBe(1);
    expect((await fails('members.import', file, ownerToken)).code).toBe('MEMBERS_IMPORT_INVALID');
    expect((await ok('members.list', {}, ownerToken)).total).toBe(1);

    // A cashier may neither look nor import.
    expect((await fails('members.importPreview', file, cashierToken)).code).toBe('FORBIDDEN');
    expect((await fails('members.import', file, cashierToken)).code).toBe('FORBIDDEN');

    const done = await ok('members.import', { ...file, skipInvalid: true }, ownerToken);
    expect(done).toMatchObject({
      created: 2,
      updated: 0,
      existing: 1,
      skipped: 3,
      openingPoints: 1200,
    });
    const list = await ok('members.list', {}, ownerToken);
    expect(list.items.map((m) => m.phoneMasked).sort()).toEqual([
      '138****0001',
      '138****0002',
      '139****0009',
    ]);

    const [wang] = (await ok('members.lookup', { phone: '+8613800000001' }, ownerToken)).matches;
    const member = await ok('members.get', { id: wang!.id }, ownerToken);
    expect(member).toMatchObject({ name: '王芳', birthday: '05-12', note: '老会员' });
    // No consent given: each purpose on file as not given, from the import.
    expect(member.consents).toHaveLength(3);
    expect(member.consents.every((c) => !c.granted && c.source === 'import')).toBe(true);
    const points = await ok('points.balance', { memberId: wang!.id }, ownerToken);
    expect(points).toMatchObject({ available: 1200, earned: 1200 });
    expect(points.lots).toHaveLength(1);
    const { items: moves } = await ok('points.history', { memberId: wang!.id }, ownerToken);
    expect(moves.map((m) => [m.kind, m.points, m.reason])).toEqual([['earn', 1200, 'import']]);
    const [li] = (await ok('members.lookup', { phone: '+8613800000002' }, ownerToken)).matches;
    expect((await ok('points.balance', { memberId: li!.id }, ownerToken)).lots).toHaveLength(0);
    // The member already on file kept their name and got no points.
    expect((await ok('members.get', { id: already.member.id }, ownerToken)).name).toBe('张三');
    expect((await ok('points.balance', { memberId: already.member.id }, ownerToken)).earned).toBe(
      0,
    );

    // The cloud hears of each new member; the audit log of the import.
    expect(topicCount(shop, 'members.changed') - changedBefore).toBe(2);
    expect(topicCount(shop, 'points.moved')).toBe(1);
    const audit = await ok('audit.list', { action: 'members.import' }, ownerToken);
    expect(audit.items[0]).toMatchObject({ details: { fileName: '老系统会员.csv', created: 2 } });

    // The same file again: nothing new.
    const again = await ok('members.import', { ...file, skipInvalid: true }, ownerToken);
    expect(again).toMatchObject({ created: 0, existing: 3, openingPoints: 0 });
    expect((await ok('members.list', {}, ownerToken)).total).toBe(3);
    expect(topicCount(shop, 'members.changed') - changedBefore).toBe(2);
    expect(topicCount(shop, 'points.moved')).toBe(1);
  });

  it('updates name, birthday and tags of members on file when asked, never their consents', async () => {
    const { ok, ownerToken } = await couponShop();
    const { member } = await ok(
      'members.create',
      {
        phone: '+8613900000009',
        name: '张',
        consents: [{ purpose: 'marketingSms', granted: true, textShown: '同意接收优惠短信' }],
      },
      ownerToken,
    );
    const file = gbkFile(['电话,姓名,生日,标签', '13900000009,张三,1985/3/4,老客']);
    const preview = await ok(
      'members.importPreview',
      { ...file, updateExisting: true },
      ownerToken,
    );
    expect(preview).toMatchObject({ createCount: 0, updateCount: 1, existingCount: 0 });
    const done = await ok('members.import', { ...file, updateExisting: true }, ownerToken);
    expect(done).toMatchObject({ created: 0, updated: 1 });
    const after = await ok('members.get', { id: member.id }, ownerToken);
    expect(after).toMatchObject({
      name: '张三',
      birthday: '03-04',
      birthYear: 1985,
      tags: ['老客'],
    });
    expect(after.consents).toEqual([
      expect.objectContaining({ purpose: 'marketingSms', granted: true }),
    ]);
  });

  it('refuses a file without a phone column as one problem of the mapping', async () => {
    const { ok, fails, ownerToken } = await couponShop();
    const file = gbkFile(['姓名,生日', '王芳,1990-05-12']);
    const preview = await ok('members.importPreview', file, ownerToken);
    expect(preview.issues.map((i) => [i.field, i.problem])).toEqual([
      ['phone', 'COLUMN_NOT_MAPPED'],
    ]);
    const refused = await fails('members.import', { ...file, skipInvalid: true }, ownerToken);
    expect(refused.code).toBe('MEMBERS_IMPORT_INVALID');
  });

  it('imports a large list in the worker, with progress events and the same ledgers', async () => {
    const shop = await couponShop({
      config: { inventoryWorker: { minImportChars: 1, minAlertLevels: 1_000_000 } },
    });
    const { ok, fails, core, ownerToken } = shop;
    const progress: PayloadOf<'imports.progress'>[] = [];
    core.events.subscribe(
      () => ownerToken,
      (name, payload) => {
        if (name === 'imports.progress') progress.push(payload as PayloadOf<'imports.progress'>);
      },
    );
    const rows = Array.from(
      { length: 600 },
      (_, i) => `1370000${String(i).padStart(4, '0')},会员${i},10`,
    );
    const file = gbkFile(['手机,姓名,积分', ...rows]);
    expect(await ok('members.importPreview', file, ownerToken)).toMatchObject({
      rowCount: 600,
      createCount: 600,
      errorCount: 0,
    });
    expect(await ok('members.import', file, ownerToken)).toMatchObject({
      created: 600,
      openingPoints: 6000,
    });
    expect((await ok('members.list', {}, ownerToken)).total).toBe(600);
    expect(topicCount(shop, 'members.changed')).toBe(600);
    expect(topicCount(shop, 'points.moved')).toBe(600);
    const members = progress.filter((p) => p.job === 'members.import').map((p) => p.phase);
    expect(members).toEqual(expect.arrayContaining(['reading', 'checking', 'writing', 'done']));
    // A refusal in the worker reaches the caller translated, and nothing is written.
    const bad = await fails(
      'members.import',
      gbkFile(['手机', '13800000001', '1380000']),
      ownerToken,
    );
    expect(bad.code).toBe('MEMBERS_IMPORT_INVALID');
    expect(bad.message).toContain('第 3 行');
    expect((await ok('members.list', {}, ownerToken)).total).toBe(600);
  });
});
