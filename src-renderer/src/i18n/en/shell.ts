import type { UiMessages } from '../zh-CN';

export const nav: UiMessages['nav'] = {
  menu: 'Main menu',
  home: 'Home',
  staff: 'Staff',
  stores: 'Stores & terminals',
  audit: 'Audit log',
  upcoming: 'Coming soon',
  redemption: 'Redeem',
  cashback: 'Cashback payout',
  products: 'Products',
  coupons: 'Coupons',
  claimQr: 'Claim QR codes',
  tasks: 'Check-in tasks',
  outreach: 'Outreach',
  redemptionHistory: 'Redemptions',
  printers: 'Printers',
  scanner: 'Scanners',
  members: 'Members',
  inventory: 'Stock',
  till: 'Shifts & close',
  sale: 'Sale entry',
  stock: 'Stock',
  alerts: 'Stock alerts',
  strategies: 'Pricing advice',
  analytics: 'Analytics',
  reports: 'Reports',
  sync: 'Cloud sync',
  settings: 'Settings',
  sectionTill: 'Till',
  sectionGoods: 'Goods & stock',
  sectionBusiness: 'Marketing & business',
  sectionSystem: 'System',
  collapse: 'Collapse menu',
  expand: 'Expand menu',
};

export const header: UiMessages['header'] = {
  terminal: 'Terminal {{code}}',
  noTerminal: 'No terminal',
  allStores: 'All stores',
  lock: 'Lock',
  logout: 'Log out',
  loggedOut: 'Logged out',
};

export const pages: UiMessages['pages'] = {
  forbiddenTitle: 'No permission',
  forbiddenText:
    'Your role ({{role}}) may not open this page. Ask the owner or a manager if you need it.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address.',
  backHome: 'Back to home',
};
