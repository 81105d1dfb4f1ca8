import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';
import { messages } from '../../../src-shared/consumer/messages';
import { formatFen } from '../../../src-shared/money';
import { MAX_FIX_ACCURACY_M } from '../../../src-shared/tasks/rules';
import { call } from '../api/client';
import { Pending } from '../components/Pending';
import { AllowLocation } from '../components/AllowLocation';
import { CouponCard } from '../components/CouponCard';
import { QrCanvas } from '../components/QrCanvas';
import { SignInGate } from '../components/SignInGate';
import { Fact, TaskHead } from '../components/TaskHead';
import { usePolled } from '../hooks/use-polled';
import { navigate, pathOf } from '../route';
import type { ConsumerMe, SessionControl } from '../session/session';
import {
  clockTime,
  distanceText,
  isOpenOrder,
  minutesLeft,
  readFix,
  type CheckinAnswer,
  type Fix,
  type TaskOrder,
} from '../tasks-data';

const t = messages.tasks;
/** A till's scan reaches the phone within this while the order is open. */
const POLL_MS = 3000;

/**
 * A taken task (the order), lazy-loaded with the QR encoder: where to go and how far, the
 * arrival estimate and, when it falls after the deadline, a warning; 我已到达，定位打卡 with a
 * fresh precise fix (the cloud's verdict in words); checked in, the task QR for the till; then
 * the reward. Asked every 3 s while open, so the till's scan turns it to the reward.
 */
export default function OrderPage({
  merchantCode,
  orderId,
  control,
}: {
  merchantCode: string;
  orderId: string;
  control: SessionControl;
}) {
  return (
    <main className="page task-page">
      <SignInGate merchantCode={merchantCode} control={control}>
        {control.session.status === 'signedIn' && (
          <LiveOrder
            merchantCode={merchantCode}
            orderId={orderId}
            me={control.session.me}
            control={control}
          />
        )}
      </SignInGate>
    </main>
  );
}

type Shown = { order: TaskOrder; at: number };
/** A check-in's answer in words, and the order's state it left (it is shown while that holds). */
type Said = { tone: 'success' | 'error'; text: string; state: TaskOrder['state'] };

function LiveOrder({
  merchantCode,
  orderId,
  me,
  control,
}: {
  merchantCode: string;
  orderId: string;
  me: ConsumerMe;
  control: SessionControl;
}) {
  const [open, setOpen] = useState(true);
  const polled = usePolled<Shown>(
    async () => {
      const order = await call('consumers.taskOrder', { merchantCode, orderId });
      // Verified or lapsed, it changes no more: the timer stops.
      setOpen(isOpenOrder(order));
      return { order, at: Date.now() };
    },
    open ? POLL_MS : null,
    `${merchantCode}/${orderId}`,
    { merchantCode, topic: 'tasks' },
  );
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);

  const shown = polled.value;
  const nav = (
    <>
      <Button block fill="none" onClick={() => navigate(pathOf.tasks(merchantCode))}>
        {t.toTasks}
      </Button>
      <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
        {t.toWallet}
      </Button>
    </>
  );
  if (!shown)
    return (
      <>
        <Pending error={polled.error} />
        {polled.error && nav}
      </>
    );
  const { order, at } = shown;

  async function checkin() {
    setBusy(true);
    setSaid(null);
    try {
      const fix = await readFix(true);
      const answer = await call(
        'consumers.checkin',
        { merchantCode, orderId },
        { body: { ...fix, mode: order.estimate?.mode ?? 'walking' } },
      );
      polled.set({ order: answer.order, at: Date.now() });
      setOpen(isOpenOrder(answer.order));
      setSaid({ ...verdictSaid(answer, fix), state: answer.order.state });
    } catch (failure) {
      setSaid({ tone: 'error', text: (failure as Error).message, state: order.state });
    } finally {
      setBusy(false);
    }
  }

  const facts = isOpenOrder(order) && (
    <section className="panel task-facts" aria-label={t.states[order.state]}>
      <Fact label={t.labels.target}>{order.target.name}</Fact>
      <Fact label={t.labels.radius}>{t.radiusValue(order.target.radiusM)}</Fact>
      {order.state === 'accepted' && order.distanceM !== null && (
        <Fact label={t.labels.distance}>{t.lastDistance(distanceText(order.distanceM))}</Fact>
      )}
      <Fact label={t.labels.deadline}>
        {t.deadlineValue(
          clockTime(order.deadlineAt, at),
          t.timeLeft(minutesLeft(order.deadlineAt, at)),
        )}
      </Fact>
      {order.state === 'accepted' && order.estimate && !order.estimate.late && (
        <Fact label={t.labels.eta}>
          {t.etaValue(t.modes[order.estimate.mode], clockTime(order.estimate.arrivalAt, at))}
        </Fact>
      )}
      {order.state === 'accepted' && order.estimate?.late && (
        <div className="warning" role="alert">
          <strong>
            {t.late(clockTime(order.estimate.arrivalAt, at), clockTime(order.deadlineAt, at))}
          </strong>
          <div className="small">
            {t.lateMode(t.modes[order.estimate.mode])}
            {t.lateHint}
          </div>
        </div>
      )}
    </section>
  );
  // What a check-in answered, while the order is still in the state it left it in.
  const verdict = said && said.state === order.state && (
    <p className={said.tone} role={said.tone === 'error' ? 'alert' : 'status'}>
      {said.text}
    </p>
  );

  return (
    <>
      <TaskHead
        title={order.title}
        reward={order.reward}
        description={order.description}
        badge={<span className={`task-state task-${order.state}`}>{t.states[order.state]}</span>}
      />
      {order.state === 'accepted' && (
        <>
          {facts}
          {verdict}
          {me.consents.location === true ? (
            <Button block color="primary" size="large" loading={busy} onClick={checkin}>
              {busy ? t.locating : t.checkin}
            </Button>
          ) : (
            <AllowLocation
              merchantCode={merchantCode}
              me={me}
              control={control}
              why={t.needsLocation}
            />
          )}
        </>
      )}
      {order.state === 'checkedIn' && (
        <>
          {verdict}
          {/* What the cashier needs first: the code, large, at the top. */}
          {order.onSiteRequired && order.qr && (
            <section className="coupon-show task-qr" aria-label={t.showQr}>
              <div className="task-qr-title">{t.showQr}</div>
              <QrCanvas payload={order.qr} size={264} />
              <p className="small muted">{t.qrHint}</p>
            </section>
          )}
          {facts}
        </>
      )}
      {order.state === 'verified' && <Reward merchantCode={merchantCode} order={order} at={at} />}
      {order.state === 'lapsed' && (
        <Result status="warning" title={t.states.lapsed} description={t.lapsed} />
      )}
      {polled.error && <p className="error small">{polled.error}</p>}
      {nav}
    </>
  );
}

/** The verdict of a check-in in words: what was measured against what the task asks. */
function verdictSaid(answer: CheckinAnswer, fix: Fix): Omit<Said, 'state'> {
  const v = t.verdicts;
  switch (answer.verdict) {
    case 'checkedIn':
      return {
        tone: 'success',
        text: answer.order.state === 'checkedIn' ? `${v.checkedIn}，${t.showQr}` : v.checkedIn,
      };
    case 'tooFar':
      return {
        tone: 'error',
        text: v.tooFar(distanceText(answer.distanceM), answer.order.target.radiusM),
      };
    case 'inaccurate':
      return { tone: 'error', text: v.inaccurate(fix.accuracy, MAX_FIX_ACCURACY_M) };
    case 'late':
      return { tone: 'error', text: v.late };
    case 'notStarted':
      return { tone: 'error', text: v.notStarted };
    case 'impossibleSpeed':
      return { tone: 'error', text: v.impossibleSpeed };
  }
}

/** What the completed task gave: the coupon (opens it), or the cashback or points. */
function Reward({
  merchantCode,
  order,
  at,
}: {
  merchantCode: string;
  order: TaskOrder;
  at: number;
}) {
  const coupon = order.coupon;
  return (
    <section className="panel" aria-label={t.done}>
      <p className="success" role="status">
        {t.done}
      </p>
      {coupon ? (
        <>
          <p className="small muted">{t.couponDone}</p>
          <CouponCard
            coupon={coupon}
            now={at}
            onOpen={() => navigate(pathOf.coupon(merchantCode, coupon.code))}
          />
          <Button
            block
            color="primary"
            size="large"
            onClick={() => navigate(pathOf.coupon(merchantCode, coupon.code))}
          >
            {messages.offer.show}
          </Button>
        </>
      ) : order.reward.kind === 'cashback' ? (
        <p className="task-reward-done">{t.cashbackDone(formatFen(order.reward.valueFen))}</p>
      ) : order.reward.kind === 'points' ? (
        <p className="task-reward-done">{t.pointsDone(order.reward.points ?? 0)}</p>
      ) : null}
    </section>
  );
}
