import type { UiMessages } from '../zh-CN';

export const home: UiMessages['home'] = {
  greeting: 'Hello, {{name}}',
  today: 'Today is {{date}}',
  tillTitle: 'At the till',
  manageTitle: 'Manage the shop',
  redeemText: 'Scan or type a code, see whether it is valid and what it saves, redeem at once',
  cashbackText: 'Customers collect cashback with their code and mobile number',
  productsText: 'Look products and prices up by name, SKU or barcode; scanning finds them',
  couponsText:
    'Spend-and-save, percent, voucher, item, gift and cashback coupons: set up, start, issue',
  redemptionsText: 'Redemptions by date, store and cashier; CSV export; voids with a manager PIN',
  staffText: 'Add cashiers, reset PINs, deactivate people who left',
  storesText: 'Store details, terminals and their POS keys',
  printersText: 'Receipt printers, test page, print queue and reprints',
  auditText: 'Who did what, when, and at which terminal',
  scannerText: 'Scanner connection, detection thresholds, live test and set-up guide',
  syncText: 'Pair with the cloud; sync status, conflicts and refused changes',
  upcomingTitle: 'Coming soon',
  upcomingText: 'These features are being built; they will appear in the menu on the left',
  tillText: 'Opening float, the handover count and the daily close',
  saleText: 'Scan or search goods, record a sale; stock goes down with it',
  stockText: 'Stock per store, goods received, stocktakes, transfers and movements',
  alertsText: 'Low, slow-moving and negative stock; one click from a slow seller to a coupon',
  strategiesText: 'Per store: items to discount and items whose price may rise',
  reportsText: 'Daily and monthly store reports on one page, to print or export',
  analyticsText: 'Store trends, redemptions by region, cashiers, coupon effect and advice',
  membersText:
    'Member points and birthday coupons, offers to audiences built from behaviour, check-in tasks',
};
