import { createHashRouter } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { SetupPage } from '../features/setup/SetupPage';
import { StaffPage } from '../features/staff/StaffPage';
import { StoresPage } from '../features/stores/StoresPage';
import { IdleLock } from './idle-lock/lock-context';
import { AppLayout } from './layout/AppLayout';
import { NAV_ITEMS } from './layout/navigation';
import { NotFoundPage } from './routing/NotFoundPage';
import { RequireRole } from './routing/RequireRole';
import { RequireSession } from './routing/RequireSession';
import { LOGIN_PATH, SETUP_PATH } from './routing/paths';
import { StartupGate } from './routing/StartupGate';

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
                <AppLayout />
              </IdleLock>
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomePage /> },
            {
              path: NAV_ITEMS.staff.path,
              element: (
                <RequireRole roles={NAV_ITEMS.staff.roles}>
                  <StaffPage />
                </RequireRole>
              ),
            },
            {
              path: NAV_ITEMS.stores.path,
              element: (
                <RequireRole roles={NAV_ITEMS.stores.roles}>
                  <StoresPage />
                </RequireRole>
              ),
            },
            {
              path: NAV_ITEMS.audit.path,
              element: (
                <RequireRole roles={NAV_ITEMS.audit.roles}>
                  <AuditPage />
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
