import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProvider } from '../api/api-context';
import type { ApiClient } from '../api/client';
import { asLanguage, type Language } from '../i18n/language';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } satisfies Record<Language, unknown>;

interface AppProvidersProps {
  api: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

/** The API client, the query cache, and antd in the current language. */
export function AppProviders({ api, queryClient, children }: AppProvidersProps) {
  const { i18n } = useTranslation();
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider
          locale={ANTD_LOCALES[asLanguage(i18n.language)]}
          theme={theme}
          // "清空" must stay "清空", not "清 空" (and read the same to screen readers and tests).
          button={{ autoInsertSpace: false }}
          // Room between a dialog's title and its form.
          modal={{ styles: { body: { paddingTop: 12 } } }}
        >
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
