import { lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter } from 'react-router';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { StrategiesPage } from '../features/alerts/StrategiesPage';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { CashbackPage } from '../features/cashback/CashbackPage';
import { CouponsPage } from '../features/coupons/CouponsPage';
import { ClaimQrPage } from '../features/claims/ClaimQrPage';
import { HomePage } from '../features/home/HomePage';
import { PrintersPage } from '../features/printing/PrintersPage';
import { ProductsPage } from '../features/products/ProductsPage';
import { RedemptionHistoryPage } from '../features/redemption/history/RedemptionHistoryPage';
import { RedemptionPage } from '../features/redemption/RedemptionPage';
import { SalePage } from '../features/sales/SalePage';
import { MembersPage } from '../features/members/MembersPage';
import { TillPage } from '../features/till/TillPage';
import { ScannerSettingsPage } from '../features/scanner/ScannerSettingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SetupPage } from '../features/setup/SetupPage';
import { StaffPage } from '../features/staff/StaffPage';
import { StockPage } from '../features/stock/StockPage';
import { STOCKTAKE_PATH, StocktakePage } from '../features/stocktake/StocktakePage';
import { StoresPage } from '../features/stores/StoresPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { MANAGERS } from '../../../src-shared/contract';
import { NAV_ITEMS, type PageKey } from '../navigation/nav-items';
import { LOGIN_PATH, SETUP_PATH } from '../navigation/paths';
import { ScannerProvider } from '../scanning/scanner-context';
import { IdleLock } from '../session/lock-context';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './routing/NotFoundPage';
import { RequireRole } from './routing/RequireRole';
import { RequireSession } from './routing/RequireSession';
import { StartupGate } from './routing/StartupGate';

// The charts (ECharts) load with the first chart page, not with the till.
const AnalyticsPage = lazy(() =>
  import('../features/analytics/AnalyticsPage').then((module) => ({
    default: module.AnalyticsPage,
  })),
);
// Outreach draws its results with ECharts too.
const OutreachPage = lazy(() =>
  import('../features/outreach/OutreachPage').then((module) => ({ default: module.OutreachPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((module) => ({ default: module.ReportsPage })),
);

/** The page of each menu entry; its path and roles come from the menu (navigation/nav-items.tsx). */
const PAGES: Record<Exclude<PageKey, 'home'>, ReactNode> = {
  redeem: <RedemptionPage />,
  cashback: <CashbackPage />,
  sale: <SalePage />,
  till: <TillPage />,
  products: <ProductsPage />,
  stock: <StockPage />,
  alerts: <AlertsPage />,
  strategies: <StrategiesPage />,
  members: <MembersPage />,
  outreach: (
    <Suspense fallback={<FullPageSpinner />}>
      <OutreachPage />
    </Suspense>
  ),
  coupons: <CouponsPage />,
  claimQr: <ClaimQrPage />,
  tasks: <TasksPage />,
  redemptions: <RedemptionHistoryPage />,
  staff: <StaffPage />,
  stores: <StoresPage />,
  printers: <PrintersPage />,
  audit: <AuditPage />,
  scanner: <ScannerSettingsPage />,
  analytics: (
    <Suspense fallback={<FullPageSpinner />}>
      <AnalyticsPage />
    </Suspense>
  ),
  reports: (
    <Suspense fallback={<FullPageSpinner />}>
      <ReportsPage />
    </Suspense>
  ),
  sync: <SyncPage />,
  settings: <SettingsPage />,
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
            // Opened from the stock page (its menu entry stays lit): the managers' stocktake.
            {
              path: STOCKTAKE_PATH,
              element: (
                <RequireRole roles={MANAGERS}>
                  <StocktakePage />
                </RequireRole>
              ),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
