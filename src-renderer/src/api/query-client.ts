import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** The app's answers are decisions, not flaky network: only unreachable calls are retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.code === 'NETWORK'),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
