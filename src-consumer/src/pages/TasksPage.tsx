import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import Tag from 'antd-mobile/es/components/tag';
import { messages } from '../../../src-shared/consumer/messages';
import { AllowLocation } from '../components/AllowLocation';
import { SignInGate } from '../components/SignInGate';
import { usePolled } from '../hooks/use-polled';
import { navigate, pathOf } from '../route';
import type { ConsumerMe, SessionControl } from '../session/session';
import { distanceText, loadTasks, minutesLeft, rewardText, type NearbyTask } from '../tasks-data';

const t = messages.tasks;
/** Places go as others accept: the list is asked again this often while it is open. */
const POLL_MS = 30_000;

/**
 * 附近任务: the merchant's open check-in tasks, nearest first when the phone shares its position
 * (asked of the browser only with the location consent), each with its reward, distance, time
 * left and places left; a task the phone has taken opens its order.
 */
export default function TasksPage({
  merchantCode,
  control,
}: {
  merchantCode: string;
  control: SessionControl;
}) {
  return (
    <main className="page task-page">
      <SignInGate merchantCode={merchantCode} control={control}>
        {control.session.status === 'signedIn' && (
          <NearbyTasks merchantCode={merchantCode} me={control.session.me} control={control} />
        )}
      </SignInGate>
    </main>
  );
}

function NearbyTasks({
  merchantCode,
  me,
  control,
}: {
  merchantCode: string;
  me: ConsumerMe;
  control: SessionControl;
}) {
  const withLocation = me.consents.location === true;
  const { value, error } = usePolled(
    async () => ({ ...(await loadTasks(merchantCode, withLocation)), at: Date.now() }),
    POLL_MS,
    `${merchantCode}/${withLocation}`,
  );
  return (
    <>
      <header className="wallet-head">
        <h1>{t.title}</h1>
        <div className="small muted">{me.merchantName}</div>
      </header>
      {!withLocation && (
        <AllowLocation merchantCode={merchantCode} me={me} control={control} why={t.noLocation} />
      )}
      {withLocation && value && !value.located && <p className="notice">{t.locationFailed}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!value && !error && (
        <div className="center">
          <DotLoading color="primary" />
          <span className="muted">{t.loading}</span>
        </div>
      )}
      {value && (
        <div className="task-list" aria-label={t.title}>
          {value.tasks.length === 0 && <p className="muted center">{t.empty}</p>}
          {value.tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              now={value.at}
              onOpen={() =>
                navigate(
                  task.orderId
                    ? pathOf.order(merchantCode, task.orderId)
                    : pathOf.task(merchantCode, task.id),
                )
              }
            />
          ))}
        </div>
      )}
      <Button block fill="none" onClick={() => navigate(pathOf.wallet(merchantCode))}>
        {t.toWallet}
      </Button>
    </>
  );
}

/** One task of the list: what it gives, how far, how long, how many places. */
function TaskCard({ task, now, onOpen }: { task: NearbyTask; now: number; onOpen: () => void }) {
  return (
    <article
      className="task-card"
      aria-label={task.title}
      data-task={task.id}
      role="button"
      onClick={onOpen}
    >
      <div className="task-card-title">
        <span>{task.title}</span>
        {task.orderId && (
          <Tag color="primary" fill="outline">
            {t.mine}
          </Tag>
        )}
      </div>
      <div className="task-reward">{rewardText(task.reward)}</div>
      <div className="small muted task-target">{task.target.name}</div>
      <div className="task-meta small">
        {task.distanceM !== null && <span>{t.distance(distanceText(task.distanceM))}</span>}
        <span>{t.timeLeft(minutesLeft(task.deadlineAt, now))}</span>
        <span className={task.placesLeft > 0 ? undefined : 'task-full'}>
          {t.placesLeft(task.placesLeft)}
        </span>
      </div>
    </article>
  );
}
