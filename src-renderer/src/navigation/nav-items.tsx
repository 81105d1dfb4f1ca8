import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  BulbOutlined,
  CloudSyncOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  GiftOutlined,
  HeartOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  PrinterOutlined,
  QrcodeOutlined,
  RedEnvelopeOutlined,
  SendOutlined,
  SettingOutlined,
  ScanOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ALL_STAFF, MANAGERS, OWNER, type Role } from '../../../src-shared/contract';

export type NavLabel =
  | 'nav.home'
  | 'nav.redemption'
  | 'nav.cashback'
  | 'nav.sale'
  | 'nav.till'
  | 'nav.products'
  | 'nav.stock'
  | 'nav.alerts'
  | 'nav.strategies'
  | 'nav.coupons'
  | 'nav.claimQr'
  | 'nav.tasks'
  | 'nav.outreach'
  | 'nav.redemptionHistory'
  | 'nav.staff'
  | 'nav.stores'
  | 'nav.printers'
  | 'nav.audit'
  | 'nav.scanner'
  | 'nav.analytics'
  | 'nav.reports'
  | 'nav.sync'
  | 'nav.settings'
  | 'nav.members';

export interface NavItem {
  path: string;
  label: NavLabel;
  icon: ReactNode;
  /** Who sees it in the menu and may open the page. */
  roles: readonly Role[];
  /** Its section of the menu (NAV_SECTIONS): a new page names one and slots in. */
  group: NavGroup;
}

export type NavGroup = 'home' | 'till' | 'goods' | 'business' | 'system';

/**
 * The menu's sections, in order, each under a small title: the till's work, goods, the shop's
 * business, then the set-up pages. A cashier sees the first two; at 1366×768 an owner's whole
 * menu fits without scrolling (test/e2e/shell.spec.ts measures it).
 */
export const NAV_SECTIONS: readonly { group: NavGroup; title: NavSectionTitle | null }[] = [
  { group: 'home', title: null },
  { group: 'till', title: 'nav.sectionTill' },
  { group: 'goods', title: 'nav.sectionGoods' },
  { group: 'business', title: 'nav.sectionBusiness' },
  { group: 'system', title: 'nav.sectionSystem' },
];
export type NavSectionTitle =
  'nav.sectionTill' | 'nav.sectionGoods' | 'nav.sectionBusiness' | 'nav.sectionSystem';

/**
 * The pages behind the login, by feature, in menu order: the till's work first, then the
 * manager's. The router takes each page's path and roles from here too.
 */
export const NAV_ITEMS = {
  home: { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: ALL_STAFF, group: 'home' },
  redeem: {
    path: '/redeem',
    label: 'nav.redemption',
    icon: <BarcodeOutlined />,
    roles: ALL_STAFF,
    group: 'till',
  },
  cashback: {
    path: '/cashback',
    label: 'nav.cashback',
    icon: <RedEnvelopeOutlined />,
    roles: ALL_STAFF,
    group: 'till',
  },
  sale: {
    path: '/sale',
    label: 'nav.sale',
    icon: <ShoppingCartOutlined />,
    roles: ALL_STAFF,
    group: 'till',
  },
  // Everyone hands a shift over; the day close on the same page is the managers'.
  till: {
    path: '/till',
    label: 'nav.till',
    icon: <WalletOutlined />,
    roles: ALL_STAFF,
    group: 'till',
  },
  // Cashiers look prices and barcodes up; managers edit them.
  products: {
    path: '/products',
    label: 'nav.products',
    icon: <TagsOutlined />,
    roles: ALL_STAFF,
    group: 'goods',
  },
  // Everyone sees stock and receives goods; stocktakes and transfers are the managers'.
  stock: {
    path: '/stock',
    label: 'nav.stock',
    icon: <InboxOutlined />,
    roles: ALL_STAFF,
    group: 'goods',
  },
  alerts: {
    path: '/alerts',
    label: 'nav.alerts',
    icon: <AlertOutlined />,
    roles: MANAGERS,
    group: 'goods',
  },
  strategies: {
    path: '/strategies',
    label: 'nav.strategies',
    icon: <BulbOutlined />,
    roles: MANAGERS,
    group: 'goods',
  },
  coupons: {
    path: '/coupons',
    label: 'nav.coupons',
    icon: <GiftOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  // Phones claim coupons from these QRs through the cloud (the wallet).
  claimQr: {
    path: '/claim-qr',
    label: 'nav.claimQr',
    icon: <QrcodeOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  // Check-in tasks (打卡任务): kept by the cloud, phones accept them; the till's scan completes them.
  tasks: {
    path: '/tasks',
    label: 'nav.tasks',
    icon: <EnvironmentOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  // Cashiers sign members up at the till; the list and settings are the managers'.
  members: {
    path: '/members',
    label: 'nav.members',
    icon: <HeartOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  // 精准营销: audiences, SMS campaigns with their holdout, automations (texts go through the cloud).
  outreach: {
    path: '/outreach',
    label: 'nav.outreach',
    icon: <SendOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  redemptions: {
    path: '/redemptions',
    label: 'nav.redemptionHistory',
    icon: <HistoryOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  staff: {
    path: '/staff',
    label: 'nav.staff',
    icon: <TeamOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  stores: {
    path: '/stores',
    label: 'nav.stores',
    icon: <ShopOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  printers: {
    path: '/printers',
    label: 'nav.printers',
    icon: <PrinterOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  audit: {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  scanner: {
    path: '/scanner',
    label: 'nav.scanner',
    icon: <ScanOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  analytics: {
    path: '/analytics',
    label: 'nav.analytics',
    icon: <BarChartOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  reports: {
    path: '/reports',
    label: 'nav.reports',
    icon: <FileTextOutlined />,
    roles: MANAGERS,
    group: 'business',
  },
  sync: {
    path: '/sync',
    label: 'nav.sync',
    icon: <CloudSyncOutlined />,
    roles: MANAGERS,
    group: 'system',
  },
  settings: {
    path: '/settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    roles: OWNER,
    group: 'system',
  },
} as const satisfies Record<string, NavItem>;

export type PageKey = keyof typeof NAV_ITEMS;

/** Features on the way: named on the home page, so nobody wonders where they are. */
export const UPCOMING_NAV_ITEMS: readonly { key: string; label: NavLabel; icon: ReactNode }[] = [];

/** The pages a role may open, in menu order (section by section). */
export const navItemsFor = (role: Role): (NavItem & { key: PageKey })[] => {
  const items = (Object.entries(NAV_ITEMS) as [PageKey, NavItem][])
    .filter(([, item]) => item.roles.includes(role))
    .map(([key, item]) => ({ ...item, key }));
  const order = (item: NavItem) =>
    NAV_SECTIONS.findIndex((section) => section.group === item.group);
  // Stable: within a section, the order of NAV_ITEMS.
  return items.sort((a, b) => order(a) - order(b));
};
