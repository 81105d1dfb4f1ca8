import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// The tasks live in the cloud: every answer here is the cloud's, fetched through this PC's
// pairing. A change is in the audit log; a pulled order (a late risk) changes the counts.
const AFTER_TASK_CHANGE = ['tasks.list', 'tasks.orders', 'audit.list'] as const;

/** The search parameter of the tasks page that opens a task's orders (the notification's link). */
export const ORDERS_PARAM = 'orders';

/**
 * The merchant's tasks, fresh on each visit and after each sync round (a pairing, pulled
 * orders); a late risk refreshes them too (TaskLateNotifier, on every page).
 */
export function useTasks() {
  useInvalidateOnEvent('sync.statusChanged', ['tasks.list', 'tasks.orders']);
  return useApiQuery('tasks.list', {}, { refetchOnMount: 'always' });
}

export const useCreateTask = () =>
  useApiMutation('tasks.create', { invalidates: AFTER_TASK_CHANGE });
export const useUpdateTask = () =>
  useApiMutation('tasks.update', { invalidates: AFTER_TASK_CHANGE });
export const useFundTask = () => useApiMutation('tasks.fund', { invalidates: AFTER_TASK_CHANGE });
export const usePublishTask = () =>
  useApiMutation('tasks.publish', { invalidates: AFTER_TASK_CHANGE });
export const useCloseTask = () => useApiMutation('tasks.close', { invalidates: AFTER_TASK_CHANGE });
