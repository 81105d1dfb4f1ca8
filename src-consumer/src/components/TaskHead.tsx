import type { ReactNode } from 'react';
import { rewardText, type NearbyTask } from '../tasks-data';

/** A task's title and reward, large, as the offer of a claim page looks. */
export function TaskHead({
  title,
  reward,
  description,
  badge,
}: {
  title: string;
  reward: NearbyTask['reward'];
  description: string;
  badge?: ReactNode;
}) {
  return (
    <section className="offer task-head" aria-label={title}>
      <div className="task-head-title">
        <h1 className="offer-title">{title}</h1>
        {badge}
      </div>
      <div className="task-head-reward">{rewardText(reward)}</div>
      {description && <div className="offer-name">{description}</div>}
    </section>
  );
}

/** A label and its value, one line of a task's facts. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="task-fact">
      <span className="muted">{label}</span>
      <span>{children}</span>
    </div>
  );
}
