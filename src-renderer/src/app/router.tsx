import type { ReactNode } from 'react';
import { createHashRouter } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { CashbackPage } from '../features/cashback/CashbackPage';
import { CouponsPage } from '../features/coupons/CouponsPage';
import { HomePage } from '../features/home/HomePage';
import { ProductsPage } from '../features/products/ProductsPage';
import { RedemptionHistoryPage } from '../features/redemption/history/RedemptionHistoryPage';
import { RedemptionPage } from '../features/redemption/RedemptionPage';
import { SetupPage } from '../features/setup/SetupPage';
import { StaffPage } from '../features/staff/StaffPage';
import { StoresPage } from '../features/stores/StoresPage';
import { SyncPage } from '../features/sync/SyncPage';
import { IdleLock } from './idle-lock/lock-context';
import { AppLayout } from './layout/AppLayout';
import { NAV_ITEMS, type PageKey } from './layout/navigation';
import { NotFoundPage } from './routing/NotFoundPage';
import { RequireRole } from './routing/RequireRole';
import { RequireSession } from './routing/RequireSession';
import { LOGIN_PATH, SETUP_PATH } from './routing/paths';
import { StartupGate } from './routing/StartupGate';
import { ScannerProvider } from './scanner/scanner-context';

/** The page of each menu entry; its path and roles come from the menu (layout/navigation). */
const PAGES: Record<Exclude<PageKey, 'home'>, ReactNode> = {
  redeem: <RedemptionPage />,
  cashback: <CashbackPage />,
  products: <ProductsPage />,
  coupons: <CouponsPage />,
  redemptions: <RedemptionHistoryPage />,
  staff: <StaffPage />,
  stores: <StoresPage />,
  audit: <AuditPage />,
  sync: <SyncPage />,
};

/** Hash routes (`#/staff`): the same build works from file:// in Electron and over HTTP. */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <StartupGate />,
      children: [
        { path: SETUP_PATH, element: <SetupPage /> },
        { path: LOGIN_PATH, element: <LoginPage /> },
        {
          element: (
            <RequireSession>
              <IdleLock>
                <ScannerProvider>
                  <AppLayout />
                </ScannerProvider>
              </IdleLock>
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomePage /> },
            ...(Object.keys(PAGES) as (keyof typeof PAGES)[]).map((key) => ({
              path: NAV_ITEMS[key].path,
              element: <RequireRole roles={NAV_ITEMS[key].roles}>{PAGES[key]}</RequireRole>,
            })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
