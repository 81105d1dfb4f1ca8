import { lazy, Suspense } from 'react';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import { ClaimPage } from './pages/ClaimPage';
import { SharePage } from './pages/SharePage';
import { WalletPage } from './pages/WalletPage';
import { useRoute } from './route';
import { useSession } from './session/session';

// The coupon and member code pages carry the QR and barcode encoders: fetched only when shown.
const CouponPage = lazy(() => import('./pages/CouponPage'));
const MemberCodePage = lazy(() => import('./pages/MemberCodePage'));
// Check-in tasks: one chunk, fetched when a task page is opened (never on a claim page's first load).
const taskPages = () => import('./pages/task-pages');
const TasksPage = lazy(() => taskPages().then((pages) => ({ default: pages.TasksPage })));
const TaskPage = lazy(() => taskPages().then((pages) => ({ default: pages.TaskPage })));
const OrderPage = lazy(() => taskPages().then((pages) => ({ default: pages.OrderPage })));
const TaskSitePage = lazy(() => taskPages().then((pages) => ({ default: pages.TaskSitePage })));

const loading = (
  <div className="center">
    <DotLoading color="primary" />
  </div>
);

/** One page per route; the session is shared, so signing in on a claim page holds everywhere. */
export function App() {
  const route = useRoute();
  const control = useSession(route.page === 'notFound' ? null : route.merchantCode);
  switch (route.page) {
    case 'notFound':
      return (
        <ErrorBlock status="empty" fullPage title="页面不存在" description="请重新扫描二维码" />
      );
    case 'issuance':
      return (
        <ClaimPage
          merchantCode={route.merchantCode}
          source={{ kind: 'issuance', issuanceId: route.issuanceId }}
          control={control}
        />
      );
    case 'store':
      return (
        <ClaimPage
          merchantCode={route.merchantCode}
          source={{ kind: 'store', storeId: route.storeId }}
          control={control}
        />
      );
    case 'share':
      return <SharePage merchantCode={route.merchantCode} token={route.token} control={control} />;
    case 'wallet':
      return <WalletPage merchantCode={route.merchantCode} control={control} />;
    case 'coupon':
      return (
        <Suspense fallback={loading}>
          <CouponPage merchantCode={route.merchantCode} code={route.code} control={control} />
        </Suspense>
      );
    case 'member':
      return (
        <Suspense fallback={loading}>
          <MemberCodePage merchantCode={route.merchantCode} control={control} />
        </Suspense>
      );
    case 'tasks':
      return (
        <Suspense fallback={loading}>
          <TasksPage merchantCode={route.merchantCode} control={control} />
        </Suspense>
      );
    case 'task':
      return (
        <Suspense fallback={loading}>
          <TaskPage merchantCode={route.merchantCode} taskId={route.taskId} control={control} />
        </Suspense>
      );
    case 'order':
      return (
        <Suspense fallback={loading}>
          <OrderPage merchantCode={route.merchantCode} orderId={route.orderId} control={control} />
        </Suspense>
      );
    case 'taskSite':
      return (
        <Suspense fallback={loading}>
          <TaskSitePage
            merchantCode={route.merchantCode}
            taskId={route.taskId}
            code={route.code}
            control={control}
          />
        </Suspense>
      );
  }
}
