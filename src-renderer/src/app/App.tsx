import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { ApiClient } from '../api/client';
import { AppProviders } from './AppProviders';
import { createAppRouter } from './router';

export function App({ api, queryClient }: { api: ApiClient; queryClient: QueryClient }) {
  const [router] = useState(createAppRouter);
  return (
    <AppProviders api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
