import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/create-api';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import './app/global.css';

async function start() {
  await setupI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App api={createApi()} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}

void start();
