import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  BulbOutlined,
  CloudSyncOutlined,
  FileTextOutlined,
  GiftOutlined,
  HeartOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  PrinterOutlined,
  RedEnvelopeOutlined,
  ScanOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ALL_STAFF, MANAGERS, type Role } from '../../../src-shared/contract';

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
  | 'nav.redemptionHistory'
  | 'nav.staff'
  | 'nav.stores'
  | 'nav.printers'
  | 'nav.audit'
  | 'nav.scanner'
  | 'nav.analytics'
  | 'nav.reports'
  | 'nav.sync';

export interface NavItem {
  path: string;
  label: NavLabel;
  icon: ReactNode;
  /** Who sees it in the menu and may open the page. */
  roles: readonly Role[];
  /** Where the home page lists it: the till's daily work, or running the shop. */
  group: 'home' | 'till' | 'manage';
}

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
    group: 'till',
  },
  // Everyone sees stock and receives goods; stocktakes and transfers are the managers'.
  stock: {
    path: '/stock',
    label: 'nav.stock',
    icon: <InboxOutlined />,
    roles: ALL_STAFF,
    group: 'till',
  },
  alerts: {
    path: '/alerts',
    label: 'nav.alerts',
    icon: <AlertOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  strategies: {
    path: '/strategies',
    label: 'nav.strategies',
    icon: <BulbOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  coupons: {
    path: '/coupons',
    label: 'nav.coupons',
    icon: <GiftOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  redemptions: {
    path: '/redemptions',
    label: 'nav.redemptionHistory',
    icon: <HistoryOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  staff: {
    path: '/staff',
    label: 'nav.staff',
    icon: <TeamOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  stores: {
    path: '/stores',
    label: 'nav.stores',
    icon: <ShopOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  printers: {
    path: '/printers',
    label: 'nav.printers',
    icon: <PrinterOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  audit: {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  scanner: {
    path: '/scanner',
    label: 'nav.scanner',
    icon: <ScanOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  analytics: {
    path: '/analytics',
    label: 'nav.analytics',
    icon: <BarChartOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  reports: {
    path: '/reports',
    label: 'nav.reports',
    icon: <FileTextOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
  sync: {
    path: '/sync',
    label: 'nav.sync',
    icon: <CloudSyncOutlined />,
    roles: MANAGERS,
    group: 'manage',
  },
} as const satisfies Record<string, NavItem>;

export type PageKey = keyof typeof NAV_ITEMS;

/** Features on the way: listed, greyed out, so nobody wonders where they are. */
export const UPCOMING_NAV_ITEMS = [
  { key: 'members', label: 'nav.members', icon: <HeartOutlined /> },
] as const;

export const navItemsFor = (role: Role): (NavItem & { key: PageKey })[] =>
  (Object.entries(NAV_ITEMS) as [PageKey, NavItem][])
    .filter(([, item]) => item.roles.includes(role))
    .map(([key, item]) => ({ ...item, key }));
