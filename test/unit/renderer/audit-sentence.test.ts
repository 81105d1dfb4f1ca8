import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/contract/audit';
import { zhCN } from '../../../src-shared/i18n/zh-CN';
import type { AuditNames } from '../../../src-renderer/src/features/audit/audit-format';
import { auditSentence } from '../../../src-renderer/src/features/audit/audit-sentence';
import { audit as enAudit } from '../../../src-renderer/src/i18n/en/audit';
import { audit as zhAudit } from '../../../src-renderer/src/i18n/zh-CN/audit';
import { translator } from './translator';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

const STAFF_ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const TERMINAL_ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c';
const names: AuditNames = {
  staff: new Map([[STAFF_ID, '李收银']]),
  stores: new Map(),
  terminals: new Map([[TERMINAL_ID, 'T01']]),
};
const entry = (action: string, details: Record<string, unknown>, target = {}): AuditEntry =>
  ({
    id: 'e1',
    at: 0,
    action,
    staffId: null,
    staffName: '王店主',
    terminalId: null,
    terminalCode: 'T01',
    storeId: null,
    targetType: null,
    targetId: null,
    details,
    ...target,
  }) as AuditEntry;

describe('audit entries as sentences', () => {
  it('has a sentence for every action the core records, in both languages', () => {
    const actions = Object.keys(zhCN.actions);
    expect(actions.filter((action) => !(action in zhAudit.sentences))).toEqual([]);
    expect(actions.filter((action) => !(action in enAudit.sentences))).toEqual([]);
  });

  it('says what happened in words and yuan, with no ids or internal words', () => {
    const voided = entry('redemption.void', {
      code: '1234 5678 9012',
      discountFen: 2000,
      manager: '王店主',
      reason: '顾客退货',
    });
    expect(auditSentence(zh, voided, names)).toBe(
      '撤销券 1234 5678 9012 的核销（优惠 ¥20.00），授权人 王店主，原因：顾客退货',
    );
    const staffChange = entry(
      'staff.update',
      { name: '李收银', role: { from: 'cashier', to: 'manager' } },
      { targetType: 'staff', targetId: STAFF_ID },
    );
    expect(auditSentence(zh, staffChange, names)).toBe(
      '修改员工 李收银 的资料：角色：收银员 → 店长',
    );
    expect(auditSentence(en, staffChange, names)).toBe(
      'Changed staff member 李收银: Role: Cashier → Manager',
    );
    const defaultPrinter = entry(
      'printers.setDefault',
      { name: '前台小票机', terminalId: TERMINAL_ID },
      { targetType: 'printer', targetId: 'p1' },
    );
    expect(auditSentence(zh, defaultPrinter, names)).toBe(
      '把“前台小票机”设为收银台 T01 的默认打印机',
    );
    const batch = entry('coupons.batchFinished', {
      template: '满100减20',
      status: 'done',
      issued: 500,
      requested: 500,
    });
    expect(auditSentence(zh, batch, names)).toBe('“满100减20”发券批次已完成：已生成 500 / 500 张');
  });

  it('reads an action it has no sentence for as its name and target', () => {
    const unknown = entry(
      'till.somethingNew',
      { name: '李收银' },
      {
        targetType: 'staff',
        targetId: STAFF_ID,
      },
    );
    expect(auditSentence(zh, unknown, names)).toBe('till.somethingNew：李收银');
  });
});
