import type { HandlerMap } from '../platform/context';
import type { TasksDesk } from './service';

type TaskMethods =
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.fund'
  | 'tasks.publish'
  | 'tasks.close'
  | 'tasks.list'
  | 'tasks.orders'
  | 'tasks.verify'
  | 'tasks.siteCode';

/** Check-in tasks, kept by the cloud: every call goes there. */
export const tasksHandlers = (tasks: TasksDesk): Pick<HandlerMap, TaskMethods> => ({
  'tasks.create': (input, ctx) => tasks.create(ctx, input),
  'tasks.update': (input, ctx) => tasks.update(ctx, input),
  'tasks.fund': (input, ctx) => tasks.fund(ctx, input),
  'tasks.publish': (input, ctx) => tasks.publish(ctx, input),
  'tasks.close': (input, ctx) => tasks.close(ctx, input),
  'tasks.list': () => tasks.list(),
  'tasks.orders': (input) => tasks.orders(input),
  'tasks.verify': (input, ctx) => tasks.verify(ctx, input),
  'tasks.siteCode': (input) => tasks.siteCode(input),
});
