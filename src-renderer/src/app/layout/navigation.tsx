import {
  AuditOutlined,
  BarcodeOutlined,
  GiftOutlined,
  HomeOutlined,
  InboxOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ALL_STAFF, MANAGERS, type Role } from '../../../../src-shared/contract';

export interface NavItem {
  path: string;
  label: 'nav.home' | 'nav.staff' | 'nav.stores' | 'nav.audit';
  icon: ReactNode;
  /** Who sees it in the menu and may open the page. */
  roles: readonly Role[];
}

/** The pages behind the login, by feature. The router takes each page's roles from here too. */
export const NAV_ITEMS = {
  home: { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: ALL_STAFF },
  staff: { path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, roles: MANAGERS },
  stores: { path: '/stores', label: 'nav.stores', icon: <ShopOutlined />, roles: MANAGERS },
  audit: { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, roles: MANAGERS },
} as const satisfies Record<string, NavItem>;

/** Features on the way: listed, greyed out, so nobody wonders where they are. */
export const UPCOMING_NAV_ITEMS = [
  { key: 'coupons', label: 'nav.coupons', icon: <GiftOutlined /> },
  { key: 'redemption', label: 'nav.redemption', icon: <BarcodeOutlined /> },
  { key: 'inventory', label: 'nav.inventory', icon: <InboxOutlined /> },
] as const;

export const navItemsFor = (role: Role): NavItem[] =>
  Object.values(NAV_ITEMS).filter((item) => (item.roles as readonly Role[]).includes(role));
