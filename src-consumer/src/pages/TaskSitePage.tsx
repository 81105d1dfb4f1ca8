import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import Result from 'antd-mobile/es/components/result';
import { messages } from '../../../src-shared/consumer/messages';
import { ApiError, call } from '../api/client';
import { SignInGate } from '../components/SignInGate';
import { navigate, pathOf } from '../route';
import type { SessionControl } from '../session/session';

const t = messages.tasks;

/**
 * What the till's rotating site QR opens (/c/<code>/tasks/<taskId>/site?code=…): signed in, the
 * phone posts the code once; accepted, the order's page takes this page's place in the history
 * (going back does not post the code again); refused, the reason in words and a way to the
 * order, where the location check-in the cloud asks for first is made.
 */
export default function TaskSitePage({
  merchantCode,
  taskId,
  code,
  control,
}: {
  merchantCode: string;
  taskId: string;
  code: string;
  control: SessionControl;
}) {
  return (
    <main className="page task-page">
      <SignInGate merchantCode={merchantCode} control={control}>
        <SiteCheckin merchantCode={merchantCode} taskId={taskId} code={code} />
      </SignInGate>
    </main>
  );
}

type Refusal = { message: string; code: string; orderId: string | null };

function SiteCheckin({
  merchantCode,
  taskId,
  code,
}: {
  merchantCode: string;
  taskId: string;
  code: string;
}) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => {
    let live = true;
    call('consumers.siteCheckin', { merchantCode, taskId }, { body: { code } }).then(
      (order) => live && navigate(pathOf.order(merchantCode, order.id), { replace: true }),
      async (failure: Error) => {
        // The phone's open order of the task, for the way to its check-in.
        const orderId = await call('consumers.tasks', { merchantCode }).then(
          ({ tasks }) => tasks.find((task) => task.id === taskId)?.orderId ?? null,
          () => null,
        );
        const reason = failure instanceof ApiError ? failure.code : '';
        if (live) setRefusal({ message: failure.message, code: reason, orderId });
      },
    );
    return () => {
      live = false;
    };
  }, [merchantCode, taskId, code]);

  if (!refusal)
    return (
      <div className="center" aria-busy="true">
        <DotLoading color="primary" />
        <span className="muted">{t.siteChecking}</span>
      </div>
    );
  return (
    <>
      <Result status="warning" title={t.siteRefused} description={refusal.message} />
      {refusal.orderId && (
        <Button
          block
          color="primary"
          size="large"
          onClick={() => navigate(pathOf.order(merchantCode, refusal.orderId!))}
        >
          {refusal.code === 'TASK_CHECKIN_FIRST' ? t.toOrder : t.toProgress}
        </Button>
      )}
      <Button block fill="none" onClick={() => navigate(pathOf.tasks(merchantCode))}>
        {t.toTasks}
      </Button>
    </>
  );
}
