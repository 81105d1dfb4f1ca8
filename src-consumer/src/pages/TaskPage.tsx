import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';
import Selector from 'antd-mobile/es/components/selector';
import { messages } from '../../../src-shared/consumer/messages';
import { call } from '../api/client';
import { Pending } from '../components/Pending';
import { AllowLocation } from '../components/AllowLocation';
import { SignInGate } from '../components/SignInGate';
import { Fact, TaskHead } from '../components/TaskHead';
import { usePolled } from '../hooks/use-polled';
import { navigate, pathOf } from '../route';
import type { ConsumerMe, SessionControl } from '../session/session';
import {
  clockTime,
  distanceText,
  loadTasks,
  minutesLeft,
  readFix,
  travelMinutes,
  TRAVEL_MODES,
  type NearbyTask,
  type TravelMode,
} from '../tasks-data';

const t = messages.tasks;
const POLL_MS = 30_000;

/**
 * A task before it is taken: where, what it gives, until when, how many places; the way there
 * by each travel mode (and whether it would be late), 接受任务 with the phone's position and
 * the chosen mode. A task already taken opens its order.
 */
export default function TaskPage({
  merchantCode,
  taskId,
  control,
}: {
  merchantCode: string;
  taskId: string;
  control: SessionControl;
}) {
  return (
    <main className="page task-page">
      <SignInGate merchantCode={merchantCode} control={control}>
        {control.session.status === 'signedIn' && (
          <TaskOffer
            merchantCode={merchantCode}
            taskId={taskId}
            me={control.session.me}
            control={control}
          />
        )}
      </SignInGate>
    </main>
  );
}

function TaskOffer({
  merchantCode,
  taskId,
  me,
  control,
}: {
  merchantCode: string;
  taskId: string;
  me: ConsumerMe;
  control: SessionControl;
}) {
  const withLocation = me.consents.location === true;
  // The phone's own tasks come with the list (there is no one-task endpoint): found by id.
  const { value, error } = usePolled(
    async () => ({ ...(await loadTasks(merchantCode, withLocation)), at: Date.now() }),
    POLL_MS,
    `${merchantCode}/${taskId}/${withLocation}`,
  );
  const task = value ? (value.tasks.find((one) => one.id === taskId) ?? null) : undefined;
  const orderId = task?.orderId ?? null;
  useEffect(() => {
    if (orderId) navigate(pathOf.order(merchantCode, orderId), { replace: true });
  }, [merchantCode, orderId]);

  const toTasks = (
    <Button block fill="none" onClick={() => navigate(pathOf.tasks(merchantCode))}>
      {t.toTasks}
    </Button>
  );
  if (task === undefined) return <Pending error={error} />;
  if (task === null)
    return (
      <>
        <Result status="warning" title={t.notFound} />
        {toTasks}
      </>
    );
  return (
    <>
      <TaskHead title={task.title} reward={task.reward} description={task.description} />
      <section className="panel task-facts">
        <Fact label={t.labels.target}>{task.target.name}</Fact>
        <Fact label={t.labels.radius}>{t.radiusValue(task.target.radiusM)}</Fact>
        {task.distanceM !== null && (
          <Fact label={t.labels.distance}>{distanceText(task.distanceM)}</Fact>
        )}
        <Fact label={t.labels.deadline}>
          {t.deadlineValue(
            clockTime(task.deadlineAt, value!.at),
            t.timeLeft(minutesLeft(task.deadlineAt, value!.at)),
          )}
        </Fact>
        <Fact label={t.labels.places}>{t.placesLeft(task.placesLeft)}</Fact>
        {task.onSiteRequired && <p className="small muted">{t.onSite}</p>}
      </section>
      {!withLocation && (
        <AllowLocation merchantCode={merchantCode} me={me} control={control} why={t.noLocation} />
      )}
      <Accept merchantCode={merchantCode} task={task} now={value!.at} withLocation={withLocation} />
      {toTasks}
    </>
  );
}

/** The travel mode (each with its time there) and 接受任务. */
function Accept({
  merchantCode,
  task,
  now,
  withLocation,
}: {
  merchantCode: string;
  task: NearbyTask;
  now: number;
  withLocation: boolean;
}) {
  const [mode, setMode] = useState<TravelMode>('walking');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const distanceM = task.distanceM;
  const arrivalAt = (chosen: TravelMode) =>
    distanceM === null ? null : now + travelMinutes(distanceM, chosen) * 60_000;
  const arrival = arrivalAt(mode);
  const late = arrival !== null && arrival > task.deadlineAt;

  async function accept() {
    setBusy(true);
    setRefusal(null);
    try {
      // The position makes the arrival estimate; without consent (or a fix) none is sent.
      const fix = withLocation ? await readFix(false).catch(() => null) : null;
      const order = await call(
        'consumers.acceptTask',
        { merchantCode, taskId: task.id },
        { body: { mode, ...(fix ?? {}) } },
      );
      navigate(pathOf.order(merchantCode, order.id), { replace: true });
    } catch (failure) {
      setRefusal((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-label={t.mode}>
      <h2 className="panel-title">{t.mode}</h2>
      <Selector
        columns={3}
        value={[mode]}
        onChange={(chosen) => chosen[0] && setMode(chosen[0])}
        options={TRAVEL_MODES.map((one) => ({
          value: one,
          label: t.modes[one],
          description: distanceM === null ? undefined : t.minutes(travelMinutes(distanceM, one)),
        }))}
      />
      {arrival !== null && (
        <p className={late ? 'warning' : 'muted small'} role={late ? 'alert' : undefined}>
          {late
            ? t.lateBefore(t.modes[mode], clockTime(arrival, now), clockTime(task.deadlineAt, now))
            : t.eta(t.modes[mode], clockTime(arrival, now))}
        </p>
      )}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
      <Button
        block
        color="primary"
        size="large"
        loading={busy}
        disabled={task.placesLeft <= 0}
        onClick={accept}
      >
        {busy ? t.accepting : t.accept}
      </Button>
    </section>
  );
}
