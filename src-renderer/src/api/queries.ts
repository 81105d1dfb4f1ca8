import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { EventName, InputOf, MethodName, OutputOf } from '../../../src-shared/contract';
import { useApi } from './api-context';
import type { ApiError } from './api-error';
import { useApiEvent } from './use-api-event';

/**
 * Query keys start with the method name, so "everything `staff.list` answered" is `['staff.list']`
 * whatever the input was.
 */
export const apiQueryKey = <M extends MethodName>(method: M, input: InputOf<M>) =>
  [method, input] as const;

type ApiQueryOptions<M extends MethodName> = Omit<
  UseQueryOptions<OutputOf<M>, ApiError>,
  'queryKey' | 'queryFn'
>;

export function useApiQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: ApiQueryOptions<M> = {},
) {
  const api = useApi();
  return useQuery<OutputOf<M>, ApiError>({
    queryKey: apiQueryKey(method, input),
    queryFn: () => api.call(method, input),
    ...options,
  });
}

/** Calls a method; on success, refetches every query of the methods it changes. */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: { invalidates?: readonly MethodName[] } = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<M>, ApiError, InputOf<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: () =>
      Promise.all(
        (options.invalidates ?? []).map((name) =>
          queryClient.invalidateQueries({ queryKey: [name] }),
        ),
      ),
  });
}

/** Keeps queries fresh when someone else (another till, another window) changes the data. */
export function useInvalidateOnEvent(event: EventName, methods: readonly MethodName[]): void {
  const queryClient = useQueryClient();
  useApiEvent(event, () => {
    for (const name of methods) void queryClient.invalidateQueries({ queryKey: [name] });
  });
}
