import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// A staff change also changes who can log in and what the audit log says.
const AFTER_STAFF_CHANGE = ['staff.list', 'auth.loginOptions', 'audit.list'] as const;

export function useStaffList(includeInactive: boolean) {
  useInvalidateOnEvent('staff.changed', ['staff.list']);
  return useApiQuery('staff.list', { includeInactive });
}

export const useCreateStaff = () =>
  useApiMutation('staff.create', { invalidates: AFTER_STAFF_CHANGE });
export const useUpdateStaff = () =>
  useApiMutation('staff.update', { invalidates: AFTER_STAFF_CHANGE });
export const useDeactivateStaff = () =>
  useApiMutation('staff.deactivate', { invalidates: AFTER_STAFF_CHANGE });
export const useReactivateStaff = () =>
  useApiMutation('staff.reactivate', { invalidates: AFTER_STAFF_CHANGE });
export const useResetPin = () =>
  useApiMutation('staff.resetPin', { invalidates: AFTER_STAFF_CHANGE });
