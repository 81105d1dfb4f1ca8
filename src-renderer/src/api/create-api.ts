import i18n from 'i18next';
import { createApiClient, type ApiClient } from './client';
import { createHttpTransport } from './transport-http';
import { createIpcTransport } from './transport-ipc';

/** Picks the transport once, at start-up: the Electron bridge when the preload set one. */
export function createApi(): ApiClient {
  const transport = window.storedesk
    ? createIpcTransport(window.storedesk)
    : createHttpTransport({ language: () => i18n.language });
  return createApiClient(transport);
}
