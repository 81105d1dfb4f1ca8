import type { PairedShop } from './sync';
import { OWNER_PIN } from './core';

let runNo = 0;

/**
 * Does at a real desktop core every action that writes an outbox row: a store and a staff
 * member added, a template, codes issued, redeemed, voided and cancelled, goods received,
 * counted and transferred, an item running low shown to customers, a member signed up and
 * raised a level, a sale earning points and a return, a cashback code issued and paid, an
 * issuance QR and a store's default coupon. Returns what it made, for the tests of the catalogue
 * and of the cloud's projections.
 */
export async function doEveryKind(shop: PairedShop) {
  const { ok, ownerToken, cashierToken, ids, products } = shop;
  const n = ++runNo;
  const second = await ok(
    'stores.create',
    {
      name: `二号店 ${n}`,
      districtCode: '320105',
      // Read off Baidu Maps: the cloud keeps it in GCJ-02.
      lat: 32.04,
      lng: 118.78,
      coordSystem: 'bd09',
      businessDistrict: '河西万达商圈',
    },
    ownerToken,
  );
  await ok('staff.create', { name: `王店长${n}`, role: 'manager', pin: '864209' }, ownerToken);
  const template = await shop.activeTemplate();
  const [redeemed, cancelled] = [
    await shop.issueOne(template.id),
    await shop.issueOne(template.id),
  ];
  const first = await ok(
    'redemption.redeem',
    { code: redeemed.code, order: { subtotalFen: 12000 }, idempotencyKey: `every-${n}-1` },
    cashierToken,
  );
  await ok(
    'redemption.void',
    {
      redemptionId: first.redemption.id,
      managerId: ids.ownerId,
      managerPin: OWNER_PIN,
      reason: '顾客退货',
    },
    ownerToken,
  );
  const kept = await ok(
    'redemption.redeem',
    { code: redeemed.code, order: { subtotalFen: 15000 }, idempotencyKey: `every-${n}-2` },
    cashierToken,
  );
  await ok('coupons.cancel', { code: cancelled.code, reason: '打印错误' }, ownerToken);
  // An issuance QR and a store's fixed QR: what phones may claim through the cloud.
  await ok(
    'claims.createIssuance',
    { templateId: template.id, title: `扫码领券 ${n}`, count: 100, perPerson: 1 },
    ownerToken,
  );
  await ok(
    'stores.setDefaultCoupon',
    { storeId: ids.storeId, templateId: template.id },
    ownerToken,
  );

  await ok(
    'stock.receive',
    {
      storeId: ids.storeId,
      lines: [
        { sku: 'APL-1', qty: 40 },
        { sku: 'MLK-1', qty: 24 },
      ],
    },
    ownerToken,
  );
  await ok(
    'stock.adjust',
    { storeId: ids.storeId, lines: [{ sku: 'MLK-1', countedQty: 22 }] },
    ownerToken,
  );
  await ok(
    'stock.transfer',
    { fromStoreId: ids.storeId, toStoreId: second.id, lines: [{ sku: 'APL-1', qty: 10 }] },
    ownerToken,
  );
  // Milk runs below its restock line; the manager shows customers its price may rise.
  await ok(
    'alerts.setThresholds',
    {
      target: { productId: products.milk.id, storeId: ids.storeId },
      lowLevel: 100,
      highLevel: null,
      slowDays: null,
    },
    ownerToken,
  );
  await ok(
    'strategies.publish',
    { storeId: ids.storeId, productId: products.milk.id, kind: 'priceMayRise' },
    ownerToken,
  );
  // A member signs up with a consent, is raised a level by hand, and the sale earns points.
  const levels = await ok(
    'levels.save',
    {
      levels: [
        { name: '普通会员', thresholdFen: 0, multiplierPct: 100 },
        { name: '银卡', thresholdFen: 50_000, multiplierPct: 150 },
      ],
    },
    ownerToken,
  );
  const { member } = await ok(
    'members.create',
    {
      phone: `1380013${String(8000 + n).padStart(4, '0')}`,
      consents: [{ purpose: 'marketingSms', granted: true, textShown: '同意接收优惠短信' }],
    },
    cashierToken,
  );
  await ok('members.update', { id: member.id, levelId: levels[1]!.id }, ownerToken);
  // The same person's second phone, merged and the merge undone.
  const { member: secondPhone } = await ok(
    'members.create',
    { phone: `1390013${String(8000 + n).padStart(4, '0')}` },
    cashierToken,
  );
  const { merge } = await ok(
    'members.merge',
    { keepId: member.id, mergeId: secondPhone.id },
    ownerToken,
  );
  await ok('members.unmerge', { mergeId: merge.id }, ownerToken);
  const { sale } = await ok(
    'sales.record',
    {
      terminalSaleId: `EVERY-${process.pid}-${n}`,
      storeId: ids.storeId,
      memberId: member.id,
      lines: [
        { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
        { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
      ],
    },
    ownerToken,
  );
  const returned = await ok(
    'sales.return',
    { saleId: sale.id, lines: [{ saleLineId: sale.lines[1]!.id, qty: 1 }], reason: '破损' },
    ownerToken,
  );

  await shop.activeTemplate({
    name: '苹果返现 2 元',
    rule: { type: 'cashback', rewardFen: 200 },
    scope: { productIds: [products.apple.id], categories: [] },
  });
  const cashback = await ok(
    'cashback.requestCode',
    { barcode: '6901234567892', terminalId: ids.terminalId },
    cashierToken,
  );
  await ok('cashback.redeem', { code: cashback.code, phone: '13900000000' }, cashierToken);
  return { second, template, redemption: kept.redemption, sale, returned, cashback };
}
